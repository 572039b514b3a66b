package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate --to a database and --from it back into a data directory, on the test PostgreSQL server. */
class MigrateCommandTest {

    @TempDir
    Path tmp;

    private final String schema = ("t_migrate_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
            .toLowerCase(Locale.ROOT);

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

    private static Map<GuildId, GuildState> contents(Path dir) {
        Map<GuildId, GuildState> guilds = new LinkedHashMap<>();
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(dir).withCheckpointOnClose(false))) {
            for (GuildId guild : store.guilds()) {
                guilds.put(guild, store.guild(guild));
            }
        }
        return guilds;
    }

    @Test
    void aSeedDirectoryGoesIntoTheDatabaseAndComesBackTheSame() throws Exception {
        Path source = SeedDirs.seedWritten(tmp.resolve("data"));
        PostRecord post = new PostRecord(GuildId.of(SeedDirs.GUILD), ChannelId.of(SeedDirs.CHANNEL), WebhookId.of(9),
                Optional.empty(), List.of(MessageId.of(123), MessageId.of(124)), UserId.of(SeedDirs.PLAYER),
                Optional.empty(), "Aria", Instant.parse("2026-12-01T21:00:00.123456789Z"), "Hello");
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(source))) {
            store.postLog().append(post);
        }
        Map<GuildId, GuildState> before = contents(source);

        Run to = Run.of("--data", source.toString(), "migrate", "--to", TestDatabaseUrl.url(), "--schema", schema,
                "--json");

        assertThat(to.exitCode()).as(to.err() + " " + TestDatabaseUrl.hint()).isZero();
        JsonObject counts = to.json();
        assertThat(counts.get("guilds").getAsLong()).isEqualTo(before.values().stream()
                .filter(g -> !g.isEmpty()).count());
        assertThat(counts.get("posts").getAsLong()).isEqualTo(1);

        Path back = tmp.resolve("back");
        Run from = Run.of("migrate", "--from", TestDatabaseUrl.url(), "--schema", schema, "--to-dir", back.toString());

        assertThat(from.exitCode()).as(from.err()).isZero();
        assertThat(from.out()).contains("counts checked");
        assertThat(back.resolve("campaigns.json")).exists();
        assertThat(back.resolve("characters.json")).exists();
        assertThat(back.resolve("npcs.json")).exists();
        Map<GuildId, GuildState> after = contents(back);
        before.values().removeIf(GuildState::isEmpty);
        assertThat(after).isEqualTo(before);
        try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(back))) {
            assertThat(store.postLog().find(post.guild(), MessageId.of(124))).hasValue(post);
        }
        assertThat(Files.readString(back.resolve("campaigns.json"))).contains(SeedDirs.CHANNEL);
    }

    @Test
    void aDatabaseWithDataIsRefusedAndKeptAsItWas() {
        Path source = SeedDirs.seedWritten(tmp.resolve("data"));
        Run first = Run.of("--data", source.toString(), "migrate", "--to", TestDatabaseUrl.url(), "--schema", schema,
                "--json");
        assertThat(first.exitCode()).as(first.err() + " " + TestDatabaseUrl.hint()).isZero();

        Run again = Run.of("--data", source.toString(), "migrate", "--to", TestDatabaseUrl.url(), "--schema", schema);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.LOCKED_OR_UNREADABLE);
        assertThat(again.err()).contains("already holds Campaign Keeper data");
    }

    @Test
    void aPasswordInTheUrlNeverShowsInTheOutput() {
        Path source = SeedDirs.seedWritten(tmp.resolve("data"));

        Run run = Run.of("--data", source.toString(), "migrate", "--to", "postgresql://keeper:hunter2@127.0.0.1:1/db",
                "--schema", schema);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LOCKED_OR_UNREADABLE);
        assertThat(run.err()).contains("cannot connect to PostgreSQL at keeper@127.0.0.1:1/db")
                .doesNotContain("hunter2");
    }

    @Test
    void fromNeedsAnEmptyTargetDirectory() {
        Path used = SeedDirs.seedWritten(tmp.resolve("used"));

        Run run = Run.of("migrate", "--from", TestDatabaseUrl.url(), "--to-dir", used.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not empty");
    }
}
