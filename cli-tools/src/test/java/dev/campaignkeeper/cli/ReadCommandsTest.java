package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect, show and backups against real data directories. */
class ReadCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void inspectCountsASeedWrittenDirectory() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "inspect");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("campaigns.json").contains("Bot lock:       free")
                .contains(SeedDirs.GUILD).contains("Backups:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void inspectJsonIsOneDocumentWithEveryField() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "inspect", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = run.json();
        assertThat(json.keySet()).contains("data_dir", "guilds", "campaigns", "characters", "npcs", "top_guilds",
                "files", "journal_entries", "last_write", "backups", "newest_valid_backup", "locked", "lock_pid");
        assertThat(json.get("campaigns").getAsInt()).isEqualTo(2);
        assertThat(json.get("characters").getAsInt()).isEqualTo(2);
        assertThat(json.get("npcs").getAsInt()).isEqualTo(2);
        assertThat(json.get("locked").getAsBoolean()).isFalse();
        assertThat(json.get("backups").getAsInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void inspectWorksWhileTheDirectoryIsLockedAndNamesTheHolder() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        try (var store = NativeDirs.hold(dir)) {
            Run run = Run.of("--data", dir.toString(), "inspect", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("locked").getAsBoolean()).isTrue();
            assertThat(run.json().get("lock_pid").getAsLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(run.json().get("campaigns").getAsInt()).isEqualTo(1);
        }
    }

    @Test
    void inspectCountsThePostLogAndVerifyReportsItsDamage() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        try (var store = dev.campaignkeeper.persistence.json.JsonCampaignStore.open(NativeDirs.config(dir))) {
            for (int i = 1; i <= 3; i++) {
                store.postLog().append(new dev.campaignkeeper.core.model.PostRecord(NativeDirs.GUILD,
                        NativeDirs.CHANNEL, dev.campaignkeeper.core.model.WebhookId.of(5), java.util.Optional.empty(),
                        java.util.List.of(dev.campaignkeeper.core.model.MessageId.of(100 + i)), NativeDirs.PLAYER,
                        java.util.Optional.empty(), "Hero", java.time.Instant.parse("2026-12-01T20:00:00Z"), "post " + i));
            }
        }
        Run inspect = Run.of("--data", dir.toString(), "inspect", "--json");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.json().get("posts").getAsInt()).isEqualTo(3);
        assertThat(Run.of("--data", dir.toString(), "inspect").out()).contains("Posts logged:").contains(" 3 (");

        Path segment;
        try (var files = java.nio.file.Files.list(dir.resolve("posts"))) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(segment);
        bytes[10] ^= 0x20; // the first post's line: two valid lines follow
        java.nio.file.Files.write(segment, bytes);
        Run verify = Run.of("--data", dir.toString(), "verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("posts").contains("checksum mismatch");
    }

    @Test
    void inspectLimitsTheGuildTable() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        JsonObject none = Run.of("--data", dir.toString(), "inspect", "--limit", "0", "--json").json();
        JsonObject one = Run.of("--data", dir.toString(), "inspect", "--limit", "1", "--json").json();

        assertThat(none.getAsJsonArray("top_guilds")).isEmpty();
        assertThat(one.getAsJsonArray("top_guilds")).hasSize(1);
        assertThat(one.getAsJsonArray("top_guilds").get(0).getAsJsonObject().get("guild").getAsString())
                .isEqualTo(SeedDirs.GUILD);
    }

    @Test
    void showGuildTablesItsCampaigns() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "show", "guild", SeedDirs.GUILD);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 campaigns").contains(SeedDirs.CHANNEL).contains(SeedDirs.OTHER_CHANNEL)
                .contains("second-campaign");
    }

    @Test
    void showCampaignPrintsItsCharactersAndNpcs() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "show", "campaign", SeedDirs.GUILD, SeedDirs.CHANNEL);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("La Tour de l'Éther ✨").contains("Aëlys").contains("Wanderer")
                .contains("Barkeep").contains("Старый маг").contains("a b c");
    }

    @Test
    void showJsonGivesTheRecords() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        JsonObject campaign = Run.of("--data", dir.toString(), "show", "campaign", SeedDirs.GUILD, SeedDirs.CHANNEL,
                "--json").json();
        JsonObject guild = Run.of("--data", dir.toString(), "show", "guild", SeedDirs.GUILD, "--json").json();
        JsonObject user = Run.of("--data", dir.toString(), "show", "user", SeedDirs.GUILD, SeedDirs.GM, "--json").json();

        assertThat(campaign.getAsJsonObject("campaign").get("gm_id").getAsString()).isEqualTo(SeedDirs.GM);
        assertThat(campaign.getAsJsonArray("characters")).hasSize(2);
        assertThat(campaign.getAsJsonArray("npcs")).hasSize(2);
        assertThat(guild.getAsJsonArray("campaigns")).hasSize(2);
        assertThat(user.getAsJsonArray("gm_of")).hasSize(2);
        assertThat(user.getAsJsonArray("player_in")).isEmpty();
    }

    @Test
    void showUserListsTheirCharacters() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "show", "user", SeedDirs.GUILD, SeedDirs.PLAYER);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("player").contains("Aëlys");
    }

    @Test
    void showOfSomethingAbsentIsOneLineAndExitOne() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run guild = Run.of("--data", dir.toString(), "show", "guild", "123");
        Run campaign = Run.of("--data", dir.toString(), "show", "campaign", SeedDirs.GUILD, "123");

        assertThat(guild.exitCode()).isEqualTo(1);
        assertThat(guild.err().strip()).contains("guild 123").doesNotContain("\n");
        assertThat(campaign.exitCode()).isEqualTo(1);
        assertThat(campaign.err()).contains("channel 123").contains(SeedDirs.GUILD);
        assertThat(guild.out()).isEmpty();
    }

    @Test
    void backupsListsSeedStyleBackups() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run table = Run.of("--data", dir.toString(), "backups");
        Run json = Run.of("--data", dir.toString(), "backups", "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("seed").contains("yes");
        JsonArray backups = json.json().getAsJsonArray("backups");
        assertThat(backups).isNotEmpty();
        JsonObject first = backups.get(0).getAsJsonObject();
        assertThat(first.keySet()).contains("id", "time", "sequence", "bytes", "kind", "valid");
        assertThat(first.get("kind").getAsString()).isEqualTo("seed");
        assertThat(first.get("valid").getAsBoolean()).isTrue();
    }

    @Test
    void backupsOfANativeDirectoryCarrySequenceNumbers() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));

        JsonArray backups = Run.of("--data", dir.toString(), "backups", "--json").json().getAsJsonArray("backups");

        assertThat(backups).isNotEmpty();
        for (JsonElement backup : backups) {
            assertThat(backup.getAsJsonObject().get("kind").getAsString()).isEqualTo("native");
            assertThat(backup.getAsJsonObject().get("sequence").isJsonNull()).isFalse();
        }
    }
}
