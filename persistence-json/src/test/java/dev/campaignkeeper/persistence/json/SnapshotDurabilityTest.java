package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a completed checkpoint leaves durable, seen through a power loss right after it (the
 * {@link FakeFileSystem} keeps only forced data and fsynced directory entries): the live snapshot
 * files, the backup the manifest names, the deletion of the folded journals; and that checkpoints
 * happen in the background when a trigger is reached.
 */
class SnapshotDurabilityTest {

    /** Generous: a checkpoint of a few records takes milliseconds even on a loaded machine. */
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path dir;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withRetention(RetentionPolicy.defaults()).withCheckpointOnClose(false);
    }

    private static List<List<RecordChange>> mutations(int count) {
        Random random = new Random(11);
        List<List<RecordChange>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(Fixtures.randomChanges(random, GuildState.empty(Fixtures.guild(random.nextInt(3)))));
        }
        return all;
    }

    private static void apply(JsonCampaignStore store, List<List<RecordChange>> mutations) {
        for (List<RecordChange> changes : mutations) {
            store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
        }
    }

    private static Map<GuildId, GuildState> contents(JsonCampaignStore store) {
        Map<GuildId, GuildState> actual = new HashMap<>();
        store.guilds().forEach(g -> actual.put(g, store.guild(g)));
        return actual;
    }

    private Manifest manifest(FakeFileSystem fs) throws Exception {
        return Manifest.decode(new ByteArrayInputStream(fs.read(dir.resolve(Manifest.FILE))));
    }

    private List<Path> journals(FakeFileSystem fs) throws Exception {
        return fs.list(dir).stream()
                .filter(path -> Journal.NAME.matcher(path.getFileName().toString()).matches())
                .toList();
    }

    /** Runs the workload, checkpoints, and returns what a power loss right after that leaves. */
    private FakeFileSystem powerLossAfterCheckpoint(List<List<RecordChange>> mutations) {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            apply(store, mutations);
            assertThat(store.checkpoint()).isEqualTo(mutations.size());
            return fs.crashImage();
        }
    }

    @Test
    void completedCheckpointIsRecoveredFromTheLiveSnapshotAfterPowerLoss() throws Exception {
        List<List<RecordChange>> mutations = mutations(8);
        FakeFileSystem image = powerLossAfterCheckpoint(mutations);

        assertThat(manifest(image).seq()).isEqualTo(mutations.size());
        try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), image)) {
            RecoveryReport report = recovered.recoveryReport();
            assertThat(report.source()).as("events: %s", report.events()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
            assertThat(report.backupId()).isEmpty();
            assertThat(report.events()).isEmpty();
            assertThat(report.dataLost()).isFalse();
            assertThat(recovered.sequence()).isEqualTo(mutations.size());
            assertThat(contents(recovered)).isEqualTo(PowerLossTest.model(mutations, mutations.size()));
        }
    }

    @Test
    void completedCheckpointLeavesOnlyTheNewJournalAfterPowerLoss() throws Exception {
        FakeFileSystem image = powerLossAfterCheckpoint(mutations(5));

        assertThat(journals(image)).singleElement()
                .satisfies(journal -> assertThat(Journal.generation(journal)).isEqualTo(manifest(image).journalFrom()));
    }

    @Test
    void backupNamedByTheManifestSurvivesPowerLossAndRecoversEverything() throws Exception {
        List<List<RecordChange>> mutations = mutations(8);
        FakeFileSystem image = powerLossAfterCheckpoint(mutations);
        String backup = manifest(image).backupId();
        // the live snapshot is damaged after all (say, a lost disk sector): only the backup can tell
        Path campaigns = dir.resolve("campaigns.json");
        byte[] live = image.read(campaigns);
        image.replace(campaigns, Arrays.copyOf(live, live.length - 1));

        try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), image)) {
            RecoveryReport report = recovered.recoveryReport();
            assertThat(report.source()).as("events: %s", report.events()).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(report.backupId()).hasValue(backup);
            assertThat(report.events()).anySatisfy(event -> assertThat(event).contains("recovered from backup " + backup));
            assertThat(report.dataLost()).isFalse();
            assertThat(recovered.sequence()).isEqualTo(mutations.size());
            assertThat(contents(recovered)).isEqualTo(PowerLossTest.model(mutations, mutations.size()));
        }
    }

    @Test
    void firstCheckpointOfANewDirectoryLeavesADurableBackupDirectory() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            assertThat(store.recoveryReport().source()).isEqualTo(RecoveryReport.Source.NEW);
        }
        FakeFileSystem image = fs.crashImage();

        assertThat(image.isDirectory(Backups.dir(dir))).isTrue();
        assertThat(Backups.list(image, dir)).extracting(Backups.Ref::id).containsExactly(manifest(image).backupId());
    }

    /** Counts down when a checkpoint moves a manifest into place. */
    private static CountDownLatch onManifestWritten(FakeFileSystem fs, int count) {
        CountDownLatch written = new CountDownLatch(count);
        fs.setFault((op, path) -> {
            if (op == FakeFileSystem.Op.MOVE && path.getFileName().toString().equals("." + Manifest.FILE + ".tmp")) {
                written.countDown();
            }
            return null;
        });
        return written;
    }

    private void checkpointsInTheBackground(JsonStoreConfig config, int updates) throws Exception {
        List<List<RecordChange>> mutations = mutations(updates);
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config, fs)) {
            CountDownLatch written = onManifestWritten(fs, 1);
            apply(store, mutations);

            assertThat(written.await(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .as("a background checkpoint wrote a manifest").isTrue();
        } // close waits for the running checkpoint
        FakeFileSystem image = fs.crashImage();
        assertThat(manifest(image).seq()).isEqualTo(updates);
        try (JsonCampaignStore recovered = JsonCampaignStore.open(config, image)) {
            assertThat(recovered.recoveryReport().source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
            assertThat(contents(recovered)).isEqualTo(PowerLossTest.model(mutations, updates));
        }
    }

    @Test
    void checkpointsInTheBackgroundOnceTheJournalHoldsTheConfiguredNumberOfEntries() throws Exception {
        checkpointsInTheBackground(config().withCheckpointTriggers(3, 1L << 40, Duration.ofHours(1)), 3);
    }

    @Test
    void checkpointsInTheBackgroundOnceTheJournalHoldsTheConfiguredNumberOfBytes() throws Exception {
        checkpointsInTheBackground(config().withCheckpointTriggers(1_000_000, 1, Duration.ofHours(1)), 1);
    }

    @Test
    void checkpointsInTheBackgroundWhenChangesAreOlderThanTheInterval() throws Exception {
        checkpointsInTheBackground(config().withCheckpointTriggers(1_000_000, 1L << 40, Duration.ofMillis(1)), 1);
    }
}
