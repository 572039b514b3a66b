package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RestoreDiff}: a restore dry run that parses only the guilds whose bytes differ (or that the
 * journal touches) finds exactly what the full comparison of every guild finds.
 */
class RestoreDiffTest {

    private static final int GUILDS = 12;

    @TempDir
    Path root;

    private Path dir;

    @BeforeEach
    void createDataDirectory() throws Exception {
        dir = Files.createDirectories(root.resolve("data"));
    }

    private static void put(JsonCampaignStore store, GuildId guild, long channel, String name) {
        store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                Fixtures.campaign(guild, channel, name, 7, List.of(UserId.of(8))))));
    }

    /** Removes every record of a guild, so it is absent from the files. */
    private static void clear(JsonCampaignStore store, GuildId guild) {
        store.update(guild, state -> {
            List<RecordChange> changes = new ArrayList<>();
            state.characters().forEach(c -> changes.add(new RecordChange.RemoveCharacter(guild, c.user(), c.channel())));
            state.npcsByChannel().forEach((channel, byId) -> byId.keySet()
                    .forEach(id -> changes.add(new RecordChange.RemoveNpc(guild, channel, id))));
            for (Campaign campaign : state.campaigns()) {
                changes.add(new RecordChange.RemoveCampaign(guild, campaign.channel()));
            }
            return new Update<>(changes, null);
        });
    }

    /** Guilds 1..12 with random records, checkpointed (the first backup). */
    private String buildBase(Random random) {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            for (int g = 1; g <= GUILDS; g++) {
                GuildId guild = Fixtures.guild(g);
                for (int i = 0; i < 15; i++) {
                    store.update(guild, state -> new Update<>(Fixtures.randomChanges(random, state), null));
                }
                put(store, guild, 10, "Base " + g);
            }
            store.checkpoint();
        }
        return DataDirectory.at(dir).backups(false).get(0).id();
    }

    private Backups.Ref ref(String id) throws Exception {
        return Backups.find(NioFileSystemOps.INSTANCE, dir, id).orElseThrow();
    }

    private Optional<RestoreDiff.Result> fast(String id) throws Exception {
        JsonStoreConfig config = Fixtures.config(dir);
        return new RestoreDiff(NioFileSystemOps.INSTANCE, dir, new ConsistentRead(NioFileSystemOps.INSTANCE, config))
                .compare(ref(id));
    }

    /** What the dry run found before: every guild of both sides parsed and compared. */
    private List<DataDirectory.GuildDiff> fullComparison(String id) throws Exception {
        Map<GuildId, GuildState> current = DataDirectory.at(dir).read().guilds();
        Map<GuildId, GuildState> restored = Backups.load(NioFileSystemOps.INSTANCE, ref(id)).guilds();
        return DataDirectory.diff(current, restored);
    }

    @Test
    void guildsAddedRemovedAndChangedInTheSnapshotAndInTheJournalGiveTheFullComparisonsDiff() throws Exception {
        Random random = new Random(21);
        String base = buildBase(random);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, Fixtures.guild(3), 10, "Renamed");
            store.update(Fixtures.guild(4), state -> new Update<>(Fixtures.randomChanges(random, state), null));
            clear(store, Fixtures.guild(5));
            put(store, Fixtures.guild(40), 12, "New guild");
            store.checkpoint();
            // and after the snapshot, in the journal only
            put(store, Fixtures.guild(7), 11, "Journal only");
            clear(store, Fixtures.guild(8));
            put(store, Fixtures.guild(41), 12, "New in the journal");
        }

        Optional<RestoreDiff.Result> fast = fast(base);
        List<DataDirectory.GuildDiff> full = fullComparison(base);

        assertThat(fast).isPresent();
        assertThat(DataDirectory.diff(fast.get().current(), fast.get().restored())).isEqualTo(full);
        assertThat(full).extracting(DataDirectory.GuildDiff::guild).contains(Fixtures.guild(3), Fixtures.guild(5),
                Fixtures.guild(7), Fixtures.guild(8), Fixtures.guild(40), Fixtures.guild(41));
        // only the guilds that differ in the files (3, 5, 40 and 4 if its random changes changed it) or that
        // the journal touches (7, 8, 41) were parsed, not the other seven
        assertThat(fast.get().compared()).isBetween(full.size(), 7);
        DataDirectory.RestoreResult dry = DataDirectory.at(dir).restore(base, true);
        assertThat(dry.diffs()).isEqualTo(full);
        assertThat(dry.currentRecovery()).map(RecoveryReport::events)
                .contains(DataDirectory.at(dir).read().report().events());
    }

    @Test
    void aBackupOfTheCurrentStateDiffersInNothingAndParsesNoGuild() throws Exception {
        String base = buildBase(new Random(22));

        Optional<RestoreDiff.Result> fast = fast(base);

        assertThat(fullComparison(base)).isEmpty();
        assertThat(fast).isPresent();
        assertThat(fast.get().compared()).isZero();
        assertThat(DataDirectory.at(dir).restore("latest", true).diffs()).isEmpty();
    }

    @Test
    void theNewestBackupIsTheOneLatestComparesAndItsDiffIsTheFullComparisons() throws Exception {
        Random random = new Random(23);
        buildBase(random);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            for (int g = 1; g <= GUILDS; g += 2) {
                GuildId guild = Fixtures.guild(g);
                store.update(guild, state -> new Update<>(Fixtures.randomChanges(random, state), null));
            }
        }
        String newest = Backups.recoveryOrder(Backups.list(NioFileSystemOps.INSTANCE, dir)).get(0).id();

        DataDirectory.RestoreResult dry = DataDirectory.at(dir).restore("latest", true);

        assertThat(dry.backup().id()).isEqualTo(newest);
        assertThat(dry.diffs()).isEqualTo(fullComparison(newest)).isNotEmpty();
    }

    @Test
    void aDamagedBackupIsNotComparedByBytesAndTheDryRunStillRefusesIt() throws Exception {
        Random random = new Random(24);
        String base = buildBase(random);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, Fixtures.guild(2), 10, "Renamed");
            store.checkpoint();
        }
        Path gz = ref(base).paths().get(0).resolve(Backups.gzName("campaigns.json"));
        byte[] bytes = Files.readAllBytes(gz);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(gz, bytes);

        assertThat(fast(base)).isEmpty();
        assertThatThrownBy(() -> DataDirectory.at(dir).restore(base, true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDamagedLiveFileIsLeftToTheFullComparisonWhichReadsTheRecoveredState() throws Exception {
        Random random = new Random(25);
        String base = buildBase(random);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, Fixtures.guild(2), 10, "Renamed");
            store.checkpoint();
        }
        Path live = dir.resolve("characters.json");
        byte[] bytes = Files.readAllBytes(live);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(live, bytes);

        assertThat(fast(base)).isEmpty();
        DataDirectory.RestoreResult dry = DataDirectory.at(dir).restore(base, true);
        assertThat(dry.currentRecovery()).map(RecoveryReport::source).contains(RecoveryReport.Source.BACKUP);
        assertThat(dry.diffs()).isEqualTo(fullComparison(base));
    }
    @Test
    void whenMostGuildsDifferTheByteComparisonGivesUpAndTheDryRunComparesInFull() throws Exception {
        int guilds = RestoreDiff.GIVE_UP_AFTER + 8;
        String base;
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            for (int g = 1; g <= guilds; g++) {
                put(store, Fixtures.guild(g), 10, "Base " + g);
            }
            store.checkpoint();
        }
        base = DataDirectory.at(dir).backups(false).get(0).id();
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            // one in three differs: more than one in GIVE_UP_SHARE (4)
            for (int g = 1; g <= guilds; g += 3) {
                put(store, Fixtures.guild(g), 10, "Changed " + g);
            }
            store.checkpoint();
        }

        assertThat(fast(base)).as("gave up").isEmpty();
        List<DataDirectory.GuildDiff> full = fullComparison(base);
        assertThat(full).hasSize((guilds + 2) / 3);
        assertThat(DataDirectory.at(dir).restore(base, true).diffs()).isEqualTo(full);
    }

    @Test
    void whenFewGuildsDifferAmongManyTheByteComparisonKeepsGoing() throws Exception {
        int guilds = RestoreDiff.GIVE_UP_AFTER + 8;
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            for (int g = 1; g <= guilds; g++) {
                put(store, Fixtures.guild(g), 10, "Base " + g);
            }
            store.checkpoint();
        }
        String base = DataDirectory.at(dir).backups(false).get(0).id();
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            // exactly one in GIVE_UP_SHARE of the first GIVE_UP_AFTER differs: not more, so no giving up
            for (int g = 1; g <= RestoreDiff.GIVE_UP_AFTER; g += RestoreDiff.GIVE_UP_SHARE) {
                put(store, Fixtures.guild(g), 10, "Changed " + g);
            }
            store.checkpoint();
        }

        Optional<RestoreDiff.Result> fast = fast(base);

        assertThat(fast).isPresent();
        List<DataDirectory.GuildDiff> full = fullComparison(base);
        assertThat(full).hasSize(RestoreDiff.GIVE_UP_AFTER / RestoreDiff.GIVE_UP_SHARE);
        assertThat(DataDirectory.diff(fast.get().current(), fast.get().restored())).isEqualTo(full);
        assertThat(fast.get().compared()).isEqualTo(full.size());
    }
}
