package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect, show, verify, export and import with --database-url, and backups/restore refusing one. */
class DatabaseAdminTest {

    @TempDir
    Path tmp;

    private final String schema = ("t_dbadmin_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
            .toLowerCase(Locale.ROOT);

    @BeforeEach
    void seedTheDatabase() {
        Path source = SeedDirs.seedWritten(tmp.resolve("data"));
        Run migrated = Run.of("--data", source.toString(), "migrate", "--to", TestDatabaseUrl.url(), "--schema", schema);
        assertThat(migrated.exitCode()).as(migrated.err() + " " + TestDatabaseUrl.hint()).isZero();
    }

    @AfterEach
    void dropSchema() throws Exception {
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl(TestDatabaseUrl.url(), System.getenv());
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Run onDatabase(String... command) {
        String[] args = new String[command.length + 4];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--database-url";
        args[command.length + 1] = TestDatabaseUrl.url();
        args[command.length + 2] = "--schema";
        args[command.length + 3] = schema;
        // a data directory that does not exist: nothing may be read from there
        String[] withData = new String[args.length + 2];
        withData[0] = "--data";
        withData[1] = tmp.resolve("no-such-dir").toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        return Run.of(withData);
    }

    @Test
    void inspectCountsTheDatabasesRecords() {
        Run run = onDatabase("inspect", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("guilds").getAsInt()).isEqualTo(1);
        assertThat(run.json().get("campaigns").getAsInt()).isEqualTo(2);
        assertThat(run.json().get("characters").getAsInt()).isEqualTo(2);
        assertThat(run.json().get("database").getAsString()).contains(schema);
        assertThat(run.json().getAsJsonArray("top_guilds").get(0).getAsJsonObject().get("guild").getAsString())
                .isEqualTo(SeedDirs.GUILD);
        assertThat(onDatabase("inspect").out()).contains("Database: ").contains("pg_dump");
    }

    @Test
    void showReadsOneCampaignFromTheDatabase() {
        Run run = onDatabase("show", "campaign", SeedDirs.GUILD, SeedDirs.CHANNEL);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("La Tour de l'Éther ✨").contains("Aëlys");
    }

    @Test
    void verifyFindsTheCharacterOfAUserWhoIsNotAPlayer() {
        Run run = onDatabase("verify", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.json().get("healthy").getAsBoolean()).isFalse();
        assertThat(run.out()).contains("belongs to user " + SeedDirs.STRANGER + ", who is not a player");
    }

    @Test
    void anExportedCampaignImportsBackWithReplace() throws Exception {
        Path file = tmp.resolve("campaign.json");
        // the seed's first campaign holds a stranger's character, which import refuses: take the second
        Run exported = onDatabase("export", "--guild", SeedDirs.GUILD, "--campaign", SeedDirs.OTHER_CHANNEL, "--out",
                file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(file)).contains("second-campaign");

        Run refused = onDatabase("import", file.toString());
        assertThat(refused.exitCode()).as("the campaign exists").isEqualTo(ExitCodes.PROBLEMS);

        Run replaced = onDatabase("import", "--replace", file.toString());
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("Imported 1 campaign");
        assertThat(replaced.err()).contains("no safety backup on a database");
        assertThat(onDatabase("show", "campaign", SeedDirs.GUILD, SeedDirs.OTHER_CHANNEL).out())
                .contains("second-campaign");
    }

    @Test
    void backupsAndRestoreOnADatabaseSayToUsePostgresqlsTools() {
        for (Run run : new Run[] {onDatabase("backups"), onDatabase("restore", "latest")}) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
            assertThat(run.err()).contains("pg_dump").contains("point-in-time recovery");
        }
    }
}
