package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.StoreMetrics;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonCampaignStore#openForGuilds}: a writer of a few guilds that builds only their state,
 * continues the directory's sequence in a journal of its own, never checkpoints, and leaves a
 * directory needing repair untouched for a full open.
 */
class GuildSubsetStoreTest {

    private static final GuildId A = Fixtures.guild(1);
    private static final GuildId B = Fixtures.guild(2);
    private static final GuildId C = Fixtures.guild(3);

    @TempDir
    Path dir;

    private final Map<GuildId, GuildState> model = new HashMap<>();
    private final Random random = new Random(11);
    private long mutations;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(false);
    }

    /** A random change of a guild, applied to the model. */
    private List<RecordChange> change(GuildId guild) {
        GuildState before = model.getOrDefault(guild, GuildState.empty(guild));
        List<RecordChange> changes = Fixtures.randomChanges(random, before);
        GuildState after = before.apply(changes);
        if (after.isEmpty()) {
            model.remove(guild);
        } else {
            model.put(guild, after);
        }
        mutations++;
        return changes;
    }

    private void update(JsonCampaignStore store, GuildId guild) {
        List<RecordChange> changes = change(guild);
        store.update(guild, state -> new Update<>(changes, null));
    }

    /** A full open's checkpoint, then journal entries for every guild after it. */
    private void populate() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int i = 0; i < 12; i++) {
                update(store, Fixtures.guild(1 + i % 3));
            }
            store.checkpoint();
            for (int i = 0; i < 6; i++) {
                update(store, Fixtures.guild(1 + i % 3));
            }
        }
    }

    private JsonCampaignStore openFor(GuildId... guilds) {
        return JsonCampaignStore.openForGuilds(config(), Set.of(guilds))
                .orElseThrow(() -> new AssertionError("the directory was expected to need no repair"));
    }

    private static Map<GuildId, GuildState> state(JsonCampaignStore store) {
        Map<GuildId, GuildState> state = new HashMap<>();
        store.guilds().forEach(g -> state.put(g, store.guild(g)));
        return state;
    }

    /** Every file of the directory (but the lock) and its bytes, to show nothing was written. */
    private Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = dir.relativize(path).toString();
                if (Files.isRegularFile(path) && !name.equals(DirectoryLock.LOCK_FILE)) {
                    files.put(name, java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
                } else if (Files.isDirectory(path)) {
                    files.put(name + "/", "");
                }
            }
        }
        return files;
    }

    @Test
    void changesOfAGuildOpenedAloneAreSeenByTheNextFullOpen() {
        populate();
        try (JsonCampaignStore store = openFor(B)) {
            assertThat(store.guild(B)).isEqualTo(model.getOrDefault(B, GuildState.empty(B)));
            assertThat(store.sequence()).isEqualTo(mutations);
            update(store, B);
            update(store, B);
            assertThat(store.sequence()).isEqualTo(mutations);
            assertThat(store.guild(B)).isEqualTo(model.getOrDefault(B, GuildState.empty(B)));
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.sequence()).isEqualTo(mutations);
            assertThat(state(store)).isEqualTo(model);
            assertThat(store.recoveryReport().events()).isEmpty();
            assertThat(store.recoveryReport().dataLost()).isFalse();
        }
    }

    @Test
    void theSequenceContinuesAcrossAlternatingSubsetAndFullOpens() {
        populate();
        for (int round = 0; round < 4; round++) {
            GuildId guild = round % 2 == 0 ? A : B;
            try (JsonCampaignStore store = openFor(guild, C)) {
                assertThat(store.sequence()).as("round %d: subset open", round).isEqualTo(mutations);
                update(store, guild);
                update(store, C);
                update(store, guild);
            }
            if (round % 2 == 1) {
                // a second subset open in a row continues the first one's journal
                try (JsonCampaignStore store = openFor(A)) {
                    assertThat(store.sequence()).as("round %d: second subset open", round).isEqualTo(mutations);
                    update(store, A);
                }
            }
            // odd rounds checkpoint on close, so subset opens continue from a new base too
            try (JsonCampaignStore store = JsonCampaignStore.open(config().withCheckpointOnClose(round % 2 == 1))) {
                assertThat(store.sequence()).as("round %d: full open", round).isEqualTo(mutations);
                assertThat(state(store)).as("round %d: full open", round).isEqualTo(model);
                assertThat(store.recoveryReport().events()).as("round %d", round).isEmpty();
                update(store, Fixtures.guild(1 + (round + 1) % 3));
            }
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.sequence()).isEqualTo(mutations);
            assertThat(state(store)).isEqualTo(model);
        }
    }

    @Test
    void theNextFullOpenAndVerifyAreCleanAfterASubsetWrite() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int g = 1; g <= 3; g++) {
                GuildId guild = Fixtures.guild(g);
                store.update(guild, state -> Update.of("ok", new RecordChange.PutCampaign(
                        Fixtures.campaign(guild, 10, "Quest", 7, List.of(UserId.of(8))))));
            }
            store.checkpoint();
        }
        try (JsonCampaignStore store = openFor(B)) {
            store.update(B, state -> Update.of("ok",
                    new RecordChange.PutCampaign(Fixtures.campaign(B, 20, "Second quest", 7, List.of(UserId.of(9)))),
                    new RecordChange.PutCharacter(Fixtures.character(B, 9, 20, "Aéla"))));
        }
        assertThat(DataDirectory.at(config()).verify().problems()).isEmpty();
        try (JsonCampaignStore store = JsonCampaignStore.open(config().withCheckpointOnClose(true))) {
            assertThat(store.guild(B).campaigns()).hasSize(2);
            assertThat(store.guild(A).campaigns()).hasSize(1);
            assertThat(store.sequence()).isEqualTo(4);
        }
        assertThat(DataDirectory.at(config()).verify().problems()).isEmpty();
    }

    @Test
    void onlyTheGuildsOfTheSetAreBuilt() throws IOException {
        populate();
        DirectoryState directory = new DirectoryState(NioFileSystemOps.INSTANCE, config());
        DirectoryState.Repaired loaded = directory.loadUnchanged(Set.of(B)).orElseThrow();
        assertThat(loaded.loaded().guilds().keySet()).containsOnly(B);
        assertThat(loaded.loaded().seq()).isEqualTo(mutations);
        assertThat(Loader.load(NioFileSystemOps.INSTANCE, dir).guilds().keySet()).hasSize(3);
    }

    @Test
    void aGuildOutsideTheSetIsRefused() {
        populate();
        try (JsonCampaignStore store = openFor(A, B)) {
            assertThatThrownBy(() -> store.guild(C)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("opened for guilds").hasMessageContaining("not for guild " + C);
            assertThatThrownBy(() -> store.update(C, state -> Update.of("x",
                    new RecordChange.PutCampaign(Fixtures.campaign(C, 10, "Quest", 7, List.of())))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not for guild " + C);
            assertThatThrownBy(store::guilds).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("does not know the others");
            assertThat(store.sequence()).isEqualTo(mutations);
            assertThat(store.openGuilds()).contains(Set.of(A, B));
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.sequence()).isEqualTo(mutations);
            assertThat(state(store)).isEqualTo(model);
            assertThat(store.openGuilds()).isEmpty();
        }
    }

    @Test
    void itNeverCheckpointsEvenWhenTheSettingsAskForIt() throws IOException {
        populate();
        Map<String, String> before = files();
        JsonStoreConfig eager = config().withCheckpointOnClose(true)
                .withCheckpointTriggers(1, 1, Duration.ofMillis(1));
        try (JsonCampaignStore store = JsonCampaignStore.openForGuilds(eager, Set.of(A)).orElseThrow()) {
            update(store, A);
            update(store, A);
            assertThatThrownBy(store::checkpoint).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a checkpoint is written from every guild's state");
            assertThatThrownBy(store::writeCheckpoint).isInstanceOf(IllegalStateException.class);
        }
        Map<String, String> after = files();
        after.keySet().removeIf(name -> Journal.NAME.matcher(name).matches());
        before.keySet().removeIf(name -> Journal.NAME.matcher(name).matches());
        assertThat(after).as("snapshot files, manifest and backups").isEqualTo(before);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(state(store)).isEqualTo(model);
        }
    }

    @Test
    void aDirectoryWithDamageIsLeftUntouchedForAFullOpen() throws IOException {
        populate();
        Path campaigns = dir.resolve("campaigns.json");
        byte[] bytes = Files.readAllBytes(campaigns);
        bytes[bytes.length / 2] ^= 1; // any guild's record: the manifest's checksum no longer matches
        Files.write(campaigns, bytes);
        assertRefusedUntouched();
        // the full open that followed moved the damaged file aside and wrote a new base from the whole state
        assertThat(files().keySet()).anyMatch(name -> name.startsWith("campaigns.json.corrupt-"));
        // repaired: a subset open works again
        assertThat(JsonCampaignStore.openForGuilds(config(), Set.of(A))).hasValueSatisfying(JsonCampaignStore::close);
    }

    @Test
    void aDirectoryWithADamagedJournalIsLeftUntouched() throws IOException {
        populate();
        Path journal;
        try (Stream<Path> paths = Files.list(dir)) {
            journal = paths.filter(p -> Journal.NAME.matcher(p.getFileName().toString()).matches())
                    .max(Path::compareTo).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(journal);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"seq\":");
        bytes[at + 2] ^= 1;
        Files.write(journal, bytes);
        assertRefusedUntouched();
    }

    @Test
    void aDirectoryWithoutAManifestIsLeftUntouched() throws IOException {
        populate();
        Files.delete(dir.resolve(Manifest.FILE)); // snapshot files alone: a seed import, a new base
        assertRefusedUntouched();
    }

    @Test
    void aDirectoryWithAnOrphanedTempFileIsLeftUntouched() throws IOException {
        populate();
        Files.writeString(dir.resolve(".campaigns.json.tmp"), "{\"half\":");
        assertRefusedUntouched();
    }

    @Test
    void aMissingDirectoryIsNotCreated() {
        Path missing = dir.resolve("nothing-here");
        assertThat(JsonCampaignStore.openForGuilds(Fixtures.config(missing), Set.of(A))).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void aNewDirectoryNeedsAFullOpen() throws IOException {
        Files.createDirectories(dir);
        // nothing written yet: a full open writes the first base
        assertRefusedUntouched();
    }

    @Test
    void anEmptySetIsRefused() {
        assertThatThrownBy(() -> JsonCampaignStore.openForGuilds(config(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itHoldsTheDirectoryLock() {
        populate();
        try (JsonCampaignStore store = openFor(A)) {
            assertThatThrownBy(() -> JsonCampaignStore.open(config()))
                    .isInstanceOf(dev.campaignkeeper.core.error.DataDirectoryLockedException.class);
            assertThatThrownBy(() -> JsonCampaignStore.openForGuilds(config(), Set.of(B)))
                    .isInstanceOf(dev.campaignkeeper.core.error.DataDirectoryLockedException.class);
        }
        JsonCampaignStore.open(config()).close();
    }

    private void assertRefusedUntouched() throws IOException {
        Map<String, String> before = files();
        assertThat(JsonCampaignStore.openForGuilds(config(), Set.of(A))).isEmpty();
        assertThat(files()).as("nothing written, moved or removed").isEqualTo(before);
        JsonCampaignStore.open(config()).close(); // and the lock was released
    }

    // ---------------------------------------------------------------- power loss

    private int subsetWorkload(FakeFileSystem fs, List<List<RecordChange>> changes) {
        int acknowledged = 0;
        JsonCampaignStore store = null;
        try {
            store = JsonCampaignStore.openForGuilds(config().withJournalPreallocateBytes(512), fs,
                    StoreMetrics.none(), Set.of(A, B)).orElseThrow();
            for (List<RecordChange> change : changes) {
                store.update(change.get(0).guild(), state -> new Update<>(change, null));
                acknowledged++;
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

    @Test
    void afterAPowerLossAtEveryStepOfASubsetWriteEveryAcknowledgedChangeIsRecovered() {
        JsonStoreConfig config = config().withJournalPreallocateBytes(512);
        FakeFileSystem first = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config, first)) {
            for (int i = 0; i < 6; i++) {
                update(store, Fixtures.guild(1 + i % 3));
            }
            store.checkpoint();
            update(store, C);
        }
        FakeFileSystem base = first.crashImage();
        long before = mutations;
        Map<GuildId, GuildState> baseModel = new HashMap<>(model);
        List<List<RecordChange>> changes = new ArrayList<>();
        List<Map<GuildId, GuildState>> models = new ArrayList<>();
        models.add(new HashMap<>(model));
        for (int i = 0; i < 8; i++) { // past the 512-byte preallocation
            changes.add(change(i % 2 == 0 ? A : B));
            models.add(new HashMap<>(model));
        }
        FakeFileSystem clean = base.crashImage();
        assertThat(subsetWorkload(clean, changes)).isEqualTo(changes.size());
        long total = clean.operations();
        assertThat(total).isGreaterThan(changes.size());
        assertThat(baseModel).isEqualTo(models.get(0));

        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = base.crashImage();
            fs.crashAtOperation(step);
            int acknowledged = subsetWorkload(fs, changes);
            FakeFileSystem afterPowerLoss = fs.crashImage();
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config, afterPowerLoss)) {
                long replayed = recovered.sequence() - before;
                assertThat(replayed).as("crash at step %d: changes recovered", step)
                        .isBetween((long) acknowledged, (long) Math.min(acknowledged + 1, changes.size()));
                assertThat(state(recovered)).as("crash at step %d: state", step)
                        .isEqualTo(models.get((int) replayed));
                assertThat(recovered.recoveryReport().dataLost()).as("crash at step %d: %s", step,
                        recovered.recoveryReport().events()).isFalse();
            }
        }
    }

    @Test
    void recoveryReportOfASubsetOpenIsClean() {
        populate();
        try (JsonCampaignStore store = openFor(A)) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.events()).isEmpty();
            assertThat(report.movedAside()).isEmpty();
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
            assertThat(report.sequence()).isEqualTo(mutations);
        }
    }
}
