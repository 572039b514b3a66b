package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.RetentionPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** checkpoint and prune. */
class WriteCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void checkpointFoldsTheJournalAndTakesABackup() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        String d = dir.toString();
        int backupsBefore = Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").size();
        assertThat(Run.of("--data", d, "inspect", "--json").json().get("journal_entries").getAsLong()).isPositive();

        Run run = Run.of("--data", d, "checkpoint", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("journal_entries").getAsLong()).isZero();
        assertThat(Run.of("--data", d, "inspect", "--json").json().get("journal_entries").getAsLong()).isZero();
        assertThat(Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").size())
                .isGreaterThan(backupsBefore);
        assertThat(Run.of("--data", d, "verify").exitCode()).isZero();
    }

    @Test
    void pruneDryRunListsAndPruneRemovesBeyondRetention() {
        Path dir = tmp.resolve("many");
        NativeDirs.healthy(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(NativeDirs.config(dir)
                .withRetention(new RetentionPolicy(100, 0, 0, 0)).withCheckpointOnClose(false))) {
            for (int i = 0; i < 14; i++) {
                int n = i;
                store.update(NativeDirs.GUILD, state -> dev.campaignkeeper.core.port.Update.of(null,
                        new RecordChange.PutCharacter(NativeDirs.hero("version " + n))));
                store.checkpoint();
            }
        }
        String d = dir.toString();
        int before = Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").size();
        assertThat(before).isGreaterThan(10);

        Run dry = Run.of("--data", d, "prune", "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        JsonObject dryJson = dry.json();
        assertThat(dryJson.get("dry_run").getAsBoolean()).isTrue();
        int wouldRemove = dryJson.getAsJsonArray("removed").size();
        assertThat(Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").size()).isEqualTo(before);

        Run prune = Run.of("--data", d, "prune");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        int after = Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").size();
        assertThat(after).isEqualTo(before - wouldRemove);
        assertThat(after).isGreaterThanOrEqualTo(1);
    }

    @Test
    void checkpointOfASeedWrittenDirectoryKeepsTheSeedFilesReadable() throws java.io.IOException {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));
        String d = dir.toString();

        Run run = Run.of("--data", d, "checkpoint");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Checkpoint done at sequence");
        assertThat(dir.resolve("manifest.json")).exists();
        com.google.gson.JsonObject campaigns = com.google.gson.JsonParser.parseString(
                java.nio.file.Files.readString(dir.resolve("campaigns.json"))).getAsJsonObject();
        assertThat(campaigns.getAsJsonObject(SeedDirs.GUILD).getAsJsonObject(SeedDirs.CHANNEL).get("name")
                .getAsString()).isEqualTo("La Tour de l'Éther ✨");
        assertThat(Run.of("--data", d, "backups", "--json").json().getAsJsonArray("backups").toString())
                .contains("\"kind\":\"native\"").contains("\"kind\":\"seed\"");
    }

    @Test
    void pruneNeverRemovesSeedBackups() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "prune");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Nothing to prune");
        assertThat(dir.resolve("backups").resolve("campaigns.json." + SeedDirs.BACKUP_STAMP)).exists();
    }

    @Test
    void writingCommandsAreRefusedWithExitThreeWhileLocked() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        try (var store = NativeDirs.hold(dir)) {
            for (String[] args : new String[][] {{"checkpoint"}, {"prune"}}) {
                String[] full = new String[args.length + 2];
                full[0] = "--data";
                full[1] = dir.toString();
                System.arraycopy(args, 0, full, 2, args.length);
                Run run = Run.of(full);
                assertThat(run.exitCode()).as(args[0]).isEqualTo(3);
                assertThat(run.err()).as(args[0]).contains("in use by PID");
            }
            assertThat(Run.of("--data", dir.toString(), "prune", "--dry-run").exitCode()).isZero();
        }
    }
}
