package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power lost at every I/O step of a store's open that must repair its directory, and of its first
 * checkpoint: what recovery did not trust is kept as {@code *.corrupt-*} durably before the store
 * writes anything new, a backup whose directory was synced survives, and every recovery holds
 * every acknowledged mutation, from the backup or the live snapshot, saying which.
 */
class AsideDurabilityTest {

    @TempDir
    Path dir;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withRetention(new RetentionPolicy(1, 0, 0, 0))
                .withJournalPreallocateBytes(512).withCheckpointOnClose(false);
    }

    private static List<List<RecordChange>> mutations(int count, long seed) {
        Random random = new Random(seed);
        List<List<RecordChange>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(Fixtures.randomChanges(random, GuildState.empty(Fixtures.guild(random.nextInt(3)))));
        }
        return all;
    }

    /** One mutating file-system operation. */
    private record Step(FakeFileSystem.Op op, Path path) {
    }

    /** Opens the store, applies the mutations (a checkpoint after the second) until the power fails. */
    private int workload(FakeFileSystem fs, List<List<RecordChange>> mutations) {
        int acknowledged = 0;
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            for (List<RecordChange> changes : mutations) {
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
                acknowledged++;
                if (acknowledged == 2) {
                    store.checkpoint();
                }
            }
        } catch (StoreException e) {
            // the simulated power loss
        }
        return acknowledged;
    }

    private static Map<GuildId, GuildState> contents(JsonCampaignStore store) {
        Map<GuildId, GuildState> actual = new HashMap<>();
        store.guilds().forEach(g -> actual.put(g, store.guild(g)));
        return actual;
    }

    private static List<Path> aside(FakeFileSystem image, Path damaged) throws Exception {
        return image.list(damaged.getParent()).stream()
                .filter(path -> path.getFileName().toString().startsWith(damaged.getFileName() + ".corrupt-"))
                .toList();
    }

    @Test
    void aDamagedSnapshotFileIsKeptAsideDurablyBeforeTheStoreWritesAnythingNew() throws Exception {
        List<List<RecordChange>> before = mutations(4, 3);
        FakeFileSystem start = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), start)) {
            for (List<RecordChange> changes : before) {
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
            }
            store.checkpoint();
        }
        start = start.crashImage();
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        byte[] damage = "{}".getBytes(StandardCharsets.UTF_8); // parses, but is not what the manifest names
        start.replace(campaigns, damage);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), start.crashImage())) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(report.movedAside()).singleElement().satisfies(path ->
                    assertThat(path.getFileName().toString()).startsWith(SeedFormat.CAMPAIGNS + ".corrupt-"));
            assertThat(contents(store)).isEqualTo(PowerLossTest.model(before, before.size()));
        }

        List<List<RecordChange>> mutations = mutations(4, 5);
        List<List<RecordChange>> all = new ArrayList<>(before);
        all.addAll(mutations);
        FakeFileSystem clean = start.crashImage();
        assertThat(workload(clean, mutations)).isEqualTo(mutations.size());
        long total = clean.operations();
        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = start.crashImage();
            fs.crashAtOperation(step);
            List<Step> done = new ArrayList<>();
            fs.setFault((op, path) -> {
                done.add(new Step(op, path));
                return null;
            });
            int acknowledged = workload(fs, mutations);
            FakeFileSystem image = fs.crashImage();
            String what = "power loss at step " + step + " after " + acknowledged + " acknowledged mutations";

            int moved = done.indexOf(new Step(FakeFileSystem.Op.MOVE, campaigns));
            boolean wroteSince = moved >= 0 && done.subList(moved + 1, done.size()).stream()
                    .anyMatch(s -> s.op() == FakeFileSystem.Op.CREATE || s.op() == FakeFileSystem.Op.MKDIR);
            boolean damageUnderItsName = image.exists(campaigns) && java.util.Arrays.equals(image.read(campaigns), damage);
            if (wroteSince) {
                assertThat(aside(image, campaigns)).as(what + ": kept aside before anything new is written")
                        .singleElement().satisfies(path -> assertThat(image.read(path)).isEqualTo(damage));
                assertThat(damageUnderItsName).as(what + ": not back under its name").isFalse();
            }
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), image)) {
                RecoveryReport report = recovered.recoveryReport();
                long seq = recovered.sequence();
                assertThat(seq).as(what + ": sequence").isBetween((long) before.size() + acknowledged,
                        (long) Math.min(before.size() + acknowledged + 1, all.size()));
                assertThat(contents(recovered)).as(what + ": state").isEqualTo(PowerLossTest.model(all, seq));
                assertThat(report.dataLost()).as(what + ": %s", report.events()).isFalse();
                if (damageUnderItsName) {
                    assertThat(report.source()).as(what + ": recovered from").isEqualTo(RecoveryReport.Source.BACKUP);
                    assertThat(report.movedAside()).as(what + ": moved aside again").isNotEmpty();
                } else {
                    assertThat(report.source()).as(what + ": recovered from; %s", report.events())
                            .isIn(RecoveryReport.Source.BACKUP, RecoveryReport.Source.SNAPSHOT);
                }
            }
        }
    }

    @Test
    void aBackupWhoseDirectoryWasSyncedSurvivesAPowerLoss() throws Exception {
        List<List<RecordChange>> mutations = mutations(4, 9);
        FakeFileSystem clean = new FakeFileSystem(dir);
        assertThat(workload(clean, mutations)).isEqualTo(mutations.size());
        long total = clean.operations();
        Path backups = Backups.dir(dir);
        int checked = 0;
        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = new FakeFileSystem(dir);
            fs.crashAtOperation(step);
            List<Step> done = new ArrayList<>();
            fs.setFault((op, path) -> {
                done.add(new Step(op, path));
                return null;
            });
            int acknowledged = workload(fs, mutations);
            FakeFileSystem image = fs.crashImage();
            String what = "power loss at step " + step + " after " + acknowledged + " acknowledged mutations";
            if (done.contains(new Step(FakeFileSystem.Op.FSYNC_DIR, backups))) {
                checked++;
                List<Backups.Ref> found = Backups.list(image, dir);
                assertThat(found).as(what + ": the backup synced into backups/").isNotEmpty();
                assertThat(found).as(what).allSatisfy(ref ->
                        assertThat(Backups.info(image, ref, true).valid()).as(what + ": " + ref.id()).isTrue());
            }
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), image)) {
                long seq = recovered.sequence();
                assertThat(seq).as(what).isBetween((long) acknowledged,
                        (long) Math.min(acknowledged + 1, mutations.size()));
                assertThat(contents(recovered)).as(what).isEqualTo(PowerLossTest.model(mutations, seq));
            }
        }
        assertThat(checked).isPositive();
    }
}
