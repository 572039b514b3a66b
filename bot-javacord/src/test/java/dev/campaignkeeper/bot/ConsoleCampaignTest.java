package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.persistence.json.ExportJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole campaigns played through {@code campaign-bot --console} on the real JSON store. */
class ConsoleCampaignTest {

    @TempDir
    Path work;

    private record Session(int exitCode, String transcript, String errors) {
    }

    private Session console(String script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CampaignBot(Map.of(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), errStream,
                new ProductionLauncher(errStream, false))
                .run("--console", "--data", work.resolve("data").toString());
        return new Session(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Session consoleOn(String databaseUrl, String script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CampaignBot(Map.of(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), errStream,
                new ProductionLauncher(errStream, false))
                .run("--console", "--database-url", databaseUrl);
        return new Session(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name) throws IOException {
        return Files.readString(work.resolve("data").resolve(name));
    }

    @Test
    void withADatabaseUrlTheCampaignIsStoredInPostgresqlAndFoundByTheNextSession() throws Exception {
        String base = System.getenv("CAMPAIGN_TEST_DATABASE_URL");
        base = base == null || base.isBlank() ? "postgresql://postgres@127.0.0.1:5432/test" : base;
        String schema = "t_console_" + Long.toHexString(System.nanoTime());
        String url = base + (base.contains("?") ? "&" : "?") + "schema=" + schema;
        try {
            Session first = consoleOn(url, """
                    /as Gwen
                    /in tavern
                    /campaign create name:"The Lost Mine"
                    /quit
                    """);
            assertThat(first.exitCode()).as(first.errors()
                    + " (the test uses CAMPAIGN_TEST_DATABASE_URL, else " + base + ")").isZero();
            assertThat(first.transcript()).contains("Database: ").contains("(schema " + schema + ")");

            Session second = consoleOn(url, """
                    /as Gwen
                    /in tavern
                    /campaign info
                    /quit
                    """);

            assertThat(second.exitCode()).as(second.errors()).isZero();
            assertThat(second.transcript()).contains("The Lost Mine");
            assertThat(work.resolve("data")).doesNotExist();
        } finally {
            var config = dev.campaignkeeper.persistence.postgres.PostgresStoreConfig.fromDatabaseUrl(url, System.getenv());
            var properties = new java.util.Properties();
            properties.setProperty("user", config.user());
            config.password().ifPresent(password -> properties.setProperty("password", password));
            try (var connection = java.sql.DriverManager.getConnection(config.jdbcUrl(), properties);
                 var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aWholeCampaignIsPlayedStoredAndEndedAcrossTwoSessions() throws IOException {
        Session first = console("""
                # Gwen runs a campaign in the tavern
                /as Gwen
                /in tavern
                /campaign create name:"The Lost Mine"
                /as Alice
                /campaign join
                /character create name:Brynn avatar:https://example.com/brynn.png description:"A dwarf with a lantern"
                /as Bob
                /campaign join
                /character create name:Tobin
                /say Who ordered the ale?
                /as Gwen
                /npc create name:Grik
                /npc say npc:Grik The mine is closed, strangers.
                /as Bob
                /npc say npc:Grik I am Grik now
                /quit
                """);

        assertThat(first.exitCode()).isZero();
        assertThat(first.errors()).isEmpty();
        assertThat(first.transcript())
                .contains("Gwen #tavern> /campaign create name:\"The Lost Mine\"")
                .contains("[Campaign Keeper] The campaign The Lost Mine begins in this channel, run by @Gwen")
                .contains("[Campaign Keeper] @Alice joined The Lost Mine as a player.")
                .contains("[Campaign Keeper, to Alice only] Created your character Brynn.")
                .contains("[Tobin] Who ordered the ale?")
                .contains("[Grik] The mine is closed, strangers.")
                .contains("[Campaign Keeper, to Bob only] Error: Only the campaign's GM")
                .doesNotContain("[Grik] I am Grik now")
                .endsWith("Bye." + System.lineSeparator());
        assertThat(file("campaigns.json")).contains("The Lost Mine");
        assertThat(file("characters.json")).contains("Brynn").contains("Tobin").contains("A dwarf with a lantern");
        assertThat(file("npcs.json")).contains("Grik");

        Session second = console("""
                /as Alice
                /in tavern
                /campaign info
                /say We're back!
                /campaign end confirm:true
                /as Gwen
                /campaign end confirm:true
                /campaign info
                """);

        assertThat(second.exitCode()).isZero();
        assertThat(second.transcript())
                .contains("Players (2):")
                .contains("@Alice as Brynn")
                .contains("[Brynn] We're back!")
                .contains("[Campaign Keeper, to Alice only] Error: Only the campaign's GM")
                .contains("[Campaign Keeper] The campaign The Lost Mine has ended.")
                .contains("(attached the-lost-mine-export.json, saved as")
                .contains("There is no campaign in this channel");
        CampaignExport export = ExportJson.read(Files.readString(work.resolve("exports")
                .resolve("the-lost-mine-export.json")));
        assertThat(export.campaign().name()).isEqualTo("The Lost Mine");
        assertThat(export.characters()).hasSize(2);
        assertThat(export.npcs()).hasSize(1);
        assertThat(file("campaigns.json")).doesNotContain("The Lost Mine");
        assertThat(file("characters.json")).doesNotContain("Brynn");
        assertThat(file("npcs.json")).doesNotContain("Grik");
    }

    @Test
    void aDataDirectoryInUseIsReportedClearly() {
        try (var store = dev.campaignkeeper.persistence.json.JsonCampaignStore.open(
                dev.campaignkeeper.persistence.json.JsonStoreConfig.defaults(work.resolve("data")))) {
            Session blocked = console("/campaign info\n");

            assertThat(blocked.exitCode()).isEqualTo(CampaignBot.EXIT_FAILED);
            assertThat(blocked.errors()).contains("could not start").contains("in use");
            assertThat(store.guilds()).isEmpty();
        }
    }
}
