package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {

    @TempDir
    Path tmp;

    @Test
    void restoreLatestOfATornSeedDirectoryEndToEnd() throws IOException {
        Path dir = SeedDirs.torn(tmp.resolve("torn"));
        String d = dir.toString();
        byte[] tornBefore = Files.readAllBytes(dir.resolve("campaigns.json"));

        // dry run: shows the diff, changes nothing
        Run dry = Run.of("--data", d, "restore", "--latest", "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        JsonObject diff = dry.json();
        assertThat(diff.get("dry_run").getAsBoolean()).isTrue();
        assertThat(diff.get("restored").getAsBoolean()).isFalse();
        assertThat(diff.getAsJsonObject("backup").get("kind").getAsString()).isEqualTo("seed");
        assertThat(diff.getAsJsonObject("summary").keySet()).containsExactly("campaign", "character", "npc");
        assertThat(Files.readAllBytes(dir.resolve("campaigns.json"))).isEqualTo(tornBefore);

        // declined at the prompt: exit 1, nothing changed
        Run declined = Run.withInput("n\n", "--data", d, "restore", "--latest");
        assertThat(declined.exitCode()).isEqualTo(1);
        assertThat(declined.err()).contains("[y/N]").contains("cancelled");
        assertThat(Files.readAllBytes(dir.resolve("campaigns.json"))).isEqualTo(tornBefore);

        // confirmed
        Run restored = Run.withInput("y\n", "--data", d, "restore", "--latest");
        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(restored.out()).contains("Restored backup").contains("safety backup");

        // state after: the backup's (older) campaign, readable, verified
        JsonObject campaign = Run.of("--data", d, "show", "campaign", SeedDirs.GUILD, SeedDirs.CHANNEL, "--json")
                .json();
        assertThat(campaign.getAsJsonObject("campaign").get("name").getAsString()).isEqualTo("La Tour de l'Éther");
        assertThat(campaign.getAsJsonArray("characters")).hasSize(1);
        assertThat(campaign.getAsJsonArray("npcs")).isEmpty();

        // the safety backup is listed
        String safety = restored.out().replaceAll("(?s).*safety backup (\\S+)\\..*", "$1").strip();
        JsonArray backups = Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups");
        assertThat(backups).extracting(b -> b.getAsJsonObject().get("id").getAsString()).contains(safety);
    }

    @Test
    void restoreOfANativeBackupShowsAndUndoesTheChanges() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        String d = dir.toString();
        NativeDirs.change(dir, new dev.campaignkeeper.core.model.RecordChange.PutNpc(NativeDirs.npc("npc2", "Ghost")));
        String backupId = Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").get(0)
                .getAsJsonObject().get("id").getAsString();

        Run dry = Run.of("--data", d, "restore", backupId, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("npc").contains("removed").contains("Ghost")
                .contains("character").contains("changed").contains("Dry run: nothing was changed.");

        Run restore = Run.of("--data", d, "restore", backupId, "--yes", "--json");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        JsonObject result = restore.json();
        assertThat(result.get("restored").getAsBoolean()).isTrue();
        assertThat(result.get("safety_backup").getAsString()).isNotBlank();

        JsonObject after = Run.of("--data", d, "show", "campaign", NativeDirs.GUILD.value(),
                NativeDirs.CHANNEL.value(), "--json").json();
        assertThat(after.getAsJsonArray("npcs")).hasSize(1);
        assertThat(after.getAsJsonArray("characters").get(0).getAsJsonObject().get("description").getAsString())
                .isEqualTo("First version");
        JsonArray backups = Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups");
        assertThat(backups).extracting(b -> b.getAsJsonObject().get("id").getAsString())
                .contains(result.get("safety_backup").getAsString());
    }

    @Test
    void restoreIsRefusedWithExitThreeWhileLocked() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        try (var store = NativeDirs.hold(dir)) {
            Run run = Run.of("--data", dir.toString(), "restore", "--latest", "--yes");

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err().strip()).doesNotContain("\n").contains("PID " + ProcessHandle.current().pid());

            Run dry = Run.of("--data", dir.toString(), "restore", "--latest", "--dry-run");
            assertThat(dry.exitCode()).as(dry.err()).isZero();
        }
    }

    @Test
    void damagedBackupIsRefusedWithExitOneNamingIt() throws IOException {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        String id = Run.of("--data", dir.toString(), "backups", "--json").json().getAsJsonArray("backups").get(0)
                .getAsJsonObject().get("id").getAsString();
        Path gz;
        try (var files = Files.list(dir.resolve("backups").resolve(id))) {
            gz = files.filter(f -> f.getFileName().toString().startsWith("characters")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(gz);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(gz, bytes);

        Run run = Run.of("--data", dir.toString(), "restore", id, "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains(id);
    }

    @Test
    void restoreWithoutAnyBackupExitsOne() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));

        Run run = Run.of("--data", dir.toString(), "restore", "--latest", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no valid backup");
    }

    @Test
    void unknownBackupIdIsAUsageError() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));

        Run run = Run.of("--data", dir.toString(), "restore", "no-such-backup", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-backup");
    }

    @Test
    void aDamagedBackupIsRefusedWithExitOneAndNoValidBackupForLatestToo() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        var listed = Run.of("--data", dir.toString(), "backups", "--json").json().getAsJsonArray("backups");
        for (var backup : listed) {
            String id = backup.getAsJsonObject().get("id").getAsString();
            java.nio.file.Files.writeString(dir.resolve("backups").resolve(id).resolve("campaigns.json.gz"), "not gzip");
        }
        String id = listed.get(0).getAsJsonObject().get("id").getAsString();

        Run invalid = Run.of("--data", dir.toString(), "restore", id, "--dry-run");
        assertThat(invalid.exitCode()).as(invalid.err()).isEqualTo(1);
        assertThat(invalid.err()).contains(id).contains("choose another");

        Run none = Run.of("--data", dir.toString(), "restore", "--latest", "--dry-run");
        assertThat(none.exitCode()).as(none.err()).isEqualTo(1);

        Run unknown = Run.of("--data", dir.toString(), "restore", "no-such-id", "--dry-run");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-id");
    }

    @Test
    void dryRunOfATornDirectoryNamesTheDamage() {
        Path dir = SeedDirs.torn(tmp.resolve("torn"));

        Run dry = Run.of("--data", dir.toString(), "restore", "--latest", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Note: the current files are damaged").contains("campaigns.json")
                .contains("Dry run: nothing was changed.");
    }
}
