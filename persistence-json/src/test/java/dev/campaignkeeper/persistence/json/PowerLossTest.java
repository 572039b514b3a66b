package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated power loss at every I/O step of a workload covering journal appends (with journal
 * growth past its preallocation), checkpoints, backups and pruning: every recovery must hold every
 * acknowledged mutation, and exactly a state the mutations produced.
 *
 * <p>It also checks where recovery came from, because a missing fsync of a snapshot file or of the
 * data directory loses nothing (the backup and the journal still hold everything) but shows there:
 * a checkpoint's live files must be durable before its old journals are deleted, so recovery may
 * fall back to the backup only when the power failed between a checkpoint's manifest and the
 * deletion of its old journals, and it then says so and names the backup the manifest names.
 */
class PowerLossTest {

    @TempDir
    Path dir;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withRetention(new RetentionPolicy(1, 0, 0, 0))
                .withJournalPreallocateBytes(512).withCheckpointOnClose(false);
    }

    private static List<List<RecordChange>> mutations(int count) {
        Random random = new Random(7);
        List<List<RecordChange>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GuildId guild = Fixtures.guild(random.nextInt(3));
            all.add(Fixtures.randomChanges(random, GuildState.empty(guild)));
        }
        return all;
    }

    static Map<GuildId, GuildState> model(List<List<RecordChange>> mutations, long count) {
        Map<GuildId, GuildState> model = new HashMap<>();
        for (int i = 0; i < count; i++) {
            GuildId guild = mutations.get(i).get(0).guild();
            GuildState next = model.getOrDefault(guild, GuildState.empty(guild)).apply(mutations.get(i));
            if (next.isEmpty()) {
                model.remove(guild);
            } else {
                model.put(guild, next);
            }
        }
        return model;
    }

    /** Runs the workload until it finishes or the file system fails; returns acknowledged mutations. */
    private int workload(FakeFileSystem fs, List<List<RecordChange>> mutations) {
        int acknowledged = 0;
        JsonCampaignStore store = null;
        try {
            store = JsonCampaignStore.open(config(), fs);
            for (int i = 0; i < mutations.size(); i++) {
                List<RecordChange> changes = mutations.get(i);
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
                acknowledged = i + 1;
                if (i % 4 == 3) {
                    store.checkpoint();
                }
            }
        } catch (StoreException e) {
            // the simulated power loss
        } finally {
            if (store != null) {
                store.close();
            }
        }
        return acknowledged;
    }

    /** One mutating file-system operation of the clean run. */
    private record Step(FakeFileSystem.Op op, Path path) {
        boolean is(FakeFileSystem.Op kind, String fileName) {
            return op == kind && path.getFileName().toString().equals(fileName);
        }
    }

    /**
     * Where a recovery after a power loss at {@code step} (that operation and all later ones never
     * happened) may come from. {@code NEW} only while no manifest has been made durable. {@code
     * BACKUP} only inside a checkpoint, after its backup was moved into place and before it started
     * deleting old journals, and only once its manifest was moved into place (or when there was
     * never a manifest, so the backup is all there is). {@code SNAPSHOT} otherwise.
     */
    private List<RecoveryReport.Source> allowedSources(List<Step> steps, long step) {
        boolean manifestEverDurable = false;
        boolean manifestMoved = false;
        boolean afterBackupBeforeJournalDeletion = false;
        boolean manifestMovedSinceBackup = false;
        for (int i = 0; i < step - 1; i++) {
            Step done = steps.get(i);
            if (done.op() == FakeFileSystem.Op.MOVE && done.path().getParent().equals(Backups.dir(dir))) {
                afterBackupBeforeJournalDeletion = true;
                manifestMovedSinceBackup = false;
            } else if (done.is(FakeFileSystem.Op.MOVE, "." + Manifest.FILE + ".tmp")) {
                manifestMoved = true;
                manifestMovedSinceBackup = true;
            } else if (done.op() == FakeFileSystem.Op.FSYNC_DIR && manifestMoved && done.path().equals(dir)) {
                manifestEverDurable = true;
            } else if (done.op() == FakeFileSystem.Op.DELETE
                    && Journal.NAME.matcher(done.path().getFileName().toString()).matches()) {
                afterBackupBeforeJournalDeletion = false;
            }
        }
        List<RecoveryReport.Source> allowed = new ArrayList<>();
        allowed.add(RecoveryReport.Source.SNAPSHOT);
        if (!manifestEverDurable) {
            allowed.add(RecoveryReport.Source.NEW);
        }
        if (afterBackupBeforeJournalDeletion && (manifestMovedSinceBackup || !manifestEverDurable)) {
            allowed.add(RecoveryReport.Source.BACKUP);
        }
        return allowed;
    }

    /** The backup named by the manifest a power loss left, if there is a manifest. */
    private Optional<String> backupNamedByManifest(FakeFileSystem image) throws Exception {
        Path manifest = dir.resolve(Manifest.FILE);
        if (!image.exists(manifest)) {
            return Optional.empty();
        }
        return Optional.of(Manifest.decode(new ByteArrayInputStream(image.read(manifest))).backupId());
    }

    @Test
    void recoveryAfterPowerLossAtEveryIoStepHoldsEveryAcknowledgedMutation() throws Exception {
        List<List<RecordChange>> mutations = mutations(10);
        FakeFileSystem clean = new FakeFileSystem(dir);
        List<Step> steps = new ArrayList<>();
        clean.setFault((op, path) -> {
            steps.add(new Step(op, path));
            return null;
        });
        assertThat(workload(clean, mutations)).isEqualTo(mutations.size());
        long total = clean.operations();
        assertThat(total).isGreaterThan(100);
        assertThat(steps).hasSize((int) total);
        int backupRecoveries = 0;

        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = new FakeFileSystem(dir);
            fs.crashAtOperation(step);
            int acknowledged = workload(fs, mutations);
            FakeFileSystem afterPowerLoss = fs.crashImage();
            Optional<String> namedBackup = backupNamedByManifest(afterPowerLoss);
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), afterPowerLoss)) {
                RecoveryReport report = recovered.recoveryReport();
                assertThat(report.source()).as("crash at step %d (%s): recovered from; %s", step,
                                steps.get((int) Math.min(step, total) - 1), report.events())
                        .isIn(allowedSources(steps, step));
                if (report.source() == RecoveryReport.Source.BACKUP) {
                    backupRecoveries++;
                    assertThat(report.backupId()).as("crash at step %d: backup used", step).isPresent();
                    if (namedBackup.isPresent()) {
                        assertThat(report.backupId()).as("crash at step %d: backup used", step).isEqualTo(namedBackup);
                    }
                    assertThat(report.events()).as("crash at step %d: report", step)
                            .anySatisfy(event -> assertThat(event).contains(report.backupId().orElseThrow()));
                } else {
                    assertThat(report.backupId()).as("crash at step %d: backup used", step).isEmpty();
                }
                long seq = recovered.sequence();
                assertThat(seq).as("crash at step %d: recovered sequence", step)
                        .isBetween((long) acknowledged, (long) Math.min(acknowledged + 1, mutations.size()));
                Map<GuildId, GuildState> expected = model(mutations, seq);
                Map<GuildId, GuildState> actual = new HashMap<>();
                recovered.guilds().forEach(g -> actual.put(g, recovered.guild(g)));
                assertThat(actual).as("crash at step %d: state", step).isEqualTo(expected);
                assertThat(recovered.recoveryReport().dataLost()).as("crash at step %d: %s", step,
                        recovered.recoveryReport().events()).isFalse();
            }
            // a second power loss right after recovery must not lose anything either
            FakeFileSystem again = afterPowerLoss.crashImage();
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), again)) {
                assertThat(recovered.sequence()).as("second recovery after step %d", step)
                        .isGreaterThanOrEqualTo(acknowledged);
                assertThat(recovered.recoveryReport().source()).as("second recovery after step %d", step)
                        .isIn(RecoveryReport.Source.SNAPSHOT, RecoveryReport.Source.NEW);
            }
        }
        // the workload does cut power inside checkpoints, where the backup is what recovery needs
        assertThat(backupRecoveries).isPositive();
    }
}
