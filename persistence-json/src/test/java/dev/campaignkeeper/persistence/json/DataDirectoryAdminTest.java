package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.DataDirectory.DiffKind;
import dev.campaignkeeper.persistence.json.DataDirectory.RecordDiff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin side of a data directory: differences, statistics, backup listings, prune and restore numbers. */
class DataDirectoryAdminTest {

    private static final GuildId G1 = Fixtures.guild(1);
    private static final GuildId G2 = Fixtures.guild(2);
    private static final GuildId G10 = Fixtures.guild(10);

    @TempDir
    Path dir;

    private static GuildState state(GuildId guild, RecordChange... changes) {
        return GuildState.empty(guild).apply(List.of(changes));
    }

    private static RecordChange.PutCampaign campaign(GuildId guild, long channel, String name) {
        return new RecordChange.PutCampaign(Fixtures.campaign(guild, channel, name, 7, List.of(UserId.of(8))));
    }

    private static RecordChange.PutCharacter character(GuildId guild, long user, long channel, String name) {
        return new RecordChange.PutCharacter(Fixtures.character(guild, user, channel, name));
    }

    private static RecordChange.PutNpc npc(GuildId guild, long channel, String id, String name) {
        return new RecordChange.PutNpc(Fixtures.npc(guild, channel, id, name));
    }

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(false);
    }

    private static void put(JsonCampaignStore store, RecordChange change) {
        store.update(change.guild(), state -> new Update<>(List.of(change), null));
    }

    @Test
    void diffListsAddedChangedAndRemovedRecordsOfEveryKindPerGuildInGuildOrder() {
        Map<GuildId, GuildState> before = Map.of(
                G1, state(G1, campaign(G1, 10, "Old"), campaign(G1, 11, "Gone"), character(G1, 8, 10, "Aria"),
                        character(G1, 9, 10, "Brom"), npc(G1, 10, "n1", "Tom"), npc(G1, 10, "n2", "Jerry")),
                G10, state(G10, campaign(G10, 10, "Same")),
                G2, state(G2, campaign(G2, 10, "Only before")));
        Map<GuildId, GuildState> after = Map.of(
                G1, state(G1, campaign(G1, 10, "New"), campaign(G1, 12, "Added"), character(G1, 8, 10, "Aria"),
                        character(G1, 9, 10, "Brom II"), character(G1, 8, 12, "Aria 2"), npc(G1, 10, "n1", "Tom"),
                        npc(G1, 12, "n3", "Spike")),
                G10, state(G10, campaign(G10, 10, "Same")));

        List<DataDirectory.GuildDiff> diffs = DataDirectory.diff(before, after);

        assertThat(diffs).extracting(DataDirectory.GuildDiff::guild).containsExactly(G1, G2);
        assertThat(diffs.get(0).changes()).containsExactlyInAnyOrder(
                RecordDiff.campaign(DiffKind.CHANGED, ChannelId.of(10), "New"),
                RecordDiff.campaign(DiffKind.ADDED, ChannelId.of(12), "Added"),
                RecordDiff.campaign(DiffKind.REMOVED, ChannelId.of(11), "Gone"),
                RecordDiff.character(DiffKind.CHANGED, ChannelId.of(10), UserId.of(9), "Brom II"),
                RecordDiff.character(DiffKind.ADDED, ChannelId.of(12), UserId.of(8), "Aria 2"),
                RecordDiff.npc(DiffKind.ADDED, ChannelId.of(12), NpcId.of("n3"), "Spike"),
                RecordDiff.npc(DiffKind.REMOVED, ChannelId.of(10), NpcId.of("n2"), "Jerry"));
        assertThat(diffs.get(1).changes()).containsExactly(
                RecordDiff.campaign(DiffKind.REMOVED, ChannelId.of(10), "Only before"));
    }

    @Test
    void diffOfEqualStatesIsEmptyAndGuildsAreOrderedNumerically() {
        assertThat(DataDirectory.diff(Map.of(G1, state(G1, campaign(G1, 10, "A"))),
                Map.of(G1, state(G1, campaign(G1, 10, "A"))))).isEmpty();

        List<DataDirectory.GuildDiff> diffs = DataDirectory.diff(Map.of(),
                Map.of(G10, state(G10, campaign(G10, 1, "x")), G2, state(G2, campaign(G2, 1, "y")),
                        GuildId.of(9), state(GuildId.of(9), campaign(GuildId.of(9), 1, "z"))));

        assertThat(diffs).extracting(d -> d.guild().value()).containsExactly("9", "1002", "1010");
        assertThat(diffs.get(0).changes()).containsExactly(RecordDiff.campaign(DiffKind.ADDED, ChannelId.of(1), "z"));
    }

    @Test
    void statsCountFilesBackupsSequencesAndJournalEntriesSinceTheCheckpoint() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            put(store, campaign(G1, 11, "Two"));
            store.checkpoint();
            put(store, campaign(G1, 12, "Three"));
            put(store, campaign(G2, 10, "Four"));
            put(store, campaign(G2, 11, "Five"));

            DataDirectory.Stats stats = DataDirectory.at(dir).stats();

            assertThat(stats.lockHolderPid()).hasValue(ProcessHandle.current().pid());
            assertThat(stats.snapshotSequence()).isEqualTo(2);
            assertThat(stats.journalEntriesSinceCheckpoint()).isEqualTo(3);
            assertThat(stats.lastWrite()).isPresent();
            assertThat(stats.lastCheckpoint()).isPresent();
            assertThat(stats.backupCount()).isEqualTo(2);
            assertThat(stats.fileSizes()).containsKeys("campaigns.json", "characters.json", "npcs.json",
                    Manifest.FILE).doesNotContainKey(DirectoryLock.LOCK_FILE);
            assertThat(stats.fileSizes().get("campaigns.json")).isEqualTo(Files.size(dir.resolve("campaigns.json")));
            long inBackups = 0;
            for (Backups.Ref ref : Backups.list(NioFileSystemOps.INSTANCE, dir)) {
                inBackups += Backups.size(NioFileSystemOps.INSTANCE, ref);
            }
            long files = 0;
            try (var list = Files.list(dir)) {
                for (Path path : list.toList()) {
                    if (Files.isRegularFile(path)) {
                        files += Files.size(path);
                    }
                }
            }
            assertThat(stats.totalBytes()).isEqualTo(files + inBackups);
        }
        assertThat(DataDirectory.at(dir).stats().lockHolderPid()).isEmpty();
    }

    @Test
    void statsOfAFreshlyCheckpointedDirectoryHaveNoJournalWrites() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
        }

        DataDirectory.Stats stats = DataDirectory.at(dir).stats();

        assertThat(stats.journalEntriesSinceCheckpoint()).isZero();
        assertThat(stats.lastWrite()).isEmpty();
        assertThat(stats.snapshotSequence()).isEqualTo(1);
    }

    @Test
    void statsCountThePostLogInTheTotal() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.postLog().append(new PostRecord(G1, ChannelId.of(10), WebhookId.of(77), Optional.empty(),
                    List.of(MessageId.of(100)), UserId.of(8), Optional.empty(), "Aria",
                    Instant.parse("2026-12-01T20:00:00Z"), "hello"));
        }
        long everything;
        try (var walk = Files.walk(dir)) {
            everything = walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
        long posts;
        try (var list = Files.list(JsonPostLog.dir(dir))) {
            posts = list.mapToLong(path -> path.toFile().length()).sum();
        }

        DataDirectory.Stats stats = DataDirectory.at(dir).stats();

        assertThat(posts).isPositive();
        assertThat(stats.totalBytes()).isEqualTo(everything);
    }

    @Test
    void aJournalLastWrittenAtTheEpochStillHasALastWrite() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
        }
        for (Path journal : Journal.list(NioFileSystemOps.INSTANCE, dir)) {
            Files.setLastModifiedTime(journal, java.nio.file.attribute.FileTime.fromMillis(0));
        }

        assertThat(DataDirectory.at(dir).stats().lastWrite()).hasValue(Instant.EPOCH);
    }

    @Test
    void quickBackupListingNamesABackupThatIsALinkWithoutFollowingIt() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
        }
        Backups.Ref newest = Backups.list(NioFileSystemOps.INSTANCE, dir).get(0);
        Path backup = newest.paths().get(0);
        Path moved = Files.move(backup, dir.resolve("moved"));
        Files.createSymbolicLink(backup, moved);

        List<BackupInfo> quick = DataDirectory.at(dir).backups(false);

        assertThat(quick).filteredOn(info -> info.id().equals(newest.id())).singleElement().satisfies(info -> {
            assertThat(info.valid()).isFalse();
            assertThat(info.problem()).hasValue("is a symbolic link (never followed)");
        });
    }

    @Test
    void theOfflinePostLogHoldsThePostsTheBotLogged() {
        PostRecord post = new PostRecord(G1, ChannelId.of(10), WebhookId.of(77), Optional.empty(),
                List.of(MessageId.of(100)), UserId.of(8), Optional.empty(), "Aria",
                Instant.parse("2026-12-01T20:00:00Z"), "hello");
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.postLog().append(post);
        }

        assertThat(DataDirectory.at(dir).readPostLog().find(G1, post.id())).hasValue(post);
    }

    @Test
    void aRecordDiffWhoseIdsDoNotFitItsKindIsRefusedSayingWhatItNames() {
        assertThatThrownBy(() -> new RecordDiff(DataDirectory.RecordKind.CHARACTER, DiffKind.ADDED, ChannelId.of(10),
                Optional.empty(), Optional.empty(), "Aria"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a CHARACTER diff names no user and no NPC");
        assertThatThrownBy(() -> new RecordDiff(DataDirectory.RecordKind.CAMPAIGN, DiffKind.ADDED, ChannelId.of(10),
                Optional.of(UserId.of(8)), Optional.of(NpcId.of("boss")), "Game"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a CAMPAIGN diff names a user and an NPC");
    }

    @Test
    void aMissingDirectoryHasNoLockHolder() {
        assertThat(DataDirectory.at(dir.resolve("nothing here")).lockHolder()).isEmpty();
        assertThat(DataDirectory.at(dir).path()).isEqualTo(dir);
    }

    @Test
    void quickBackupListingNotesAMissingFileOrADamagedManifest() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
        }
        List<Backups.Ref> refs = Backups.list(NioFileSystemOps.INSTANCE, dir);
        Files.delete(refs.get(0).paths().get(0).resolve("npcs.json.gz"));
        Files.writeString(refs.get(1).paths().get(0).resolve(Backups.MANIFEST), "{");

        List<BackupInfo> quick = DataDirectory.at(dir).backups(false);

        assertThat(quick).extracting(BackupInfo::id).containsExactly(refs.get(0).id(), refs.get(1).id());
        assertThat(quick.get(0).valid()).isFalse();
        assertThat(quick.get(0).problem()).hasValue("npcs.json.gz is missing");
        assertThat(quick.get(1).valid()).isFalse();
        assertThat(quick.get(1).problem()).hasValueSatisfying(p -> assertThat(p).startsWith(Backups.MANIFEST + ": "));
        assertThat(DataDirectory.at(dir).backups(true)).allSatisfy(info -> assertThat(info.valid()).isFalse());
    }

    @Test
    void quickBackupListingOfHealthyBackupsFindsNothingWrong() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
        }

        assertThat(DataDirectory.at(dir).backups(false)).hasSize(2)
                .allSatisfy(info -> {
                    assertThat(info.valid()).isTrue();
                    assertThat(info.problem()).isEmpty();
                    assertThat(info.sizeBytes()).isPositive();
                });
    }

    @Test
    void restoreContinuesTheSequenceAfterTheCurrentStateAndStartsANewJournalGeneration() throws Exception {
        String first;
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
            first = Backups.list(NioFileSystemOps.INSTANCE, dir).get(0).id();
            put(store, campaign(G1, 11, "Two"));
            put(store, campaign(G1, 12, "Three"));
        }
        long journalBefore = Journal.generation(Journal.list(NioFileSystemOps.INSTANCE, dir).get(0));
        DataDirectory admin = new DataDirectory(config().withClock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"),
                ZoneOffset.UTC)), NioFileSystemOps.INSTANCE);

        DataDirectory.RestoreResult result = admin.restore(first, false);

        assertThat(result.sequence()).isEqualTo(4);
        assertThat(result.safetyBackupId()).hasValueSatisfying(id -> assertThat(id).endsWith("-3"));
        assertThat(result.diffs()).singleElement().satisfies(diff -> assertThat(diff.changes())
                .extracting(RecordDiff::change).containsOnly(DiffKind.REMOVED));
        // the old journals are gone; the one the restored manifest names exists (empty)
        assertThat(Journal.list(NioFileSystemOps.INSTANCE, dir)).extracting(Journal::generation)
                .allSatisfy(generation -> assertThat(generation).isGreaterThan(journalBefore));
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config())) {
            assertThat(reopened.sequence()).isEqualTo(4);
            assertThat(reopened.guild(G1).campaigns()).extracting(c -> c.name()).containsExactly("One");
            put(reopened, campaign(G1, 13, "Four"));
            assertThat(reopened.sequence()).isEqualTo(5);
        }
        assertThat(Journal.list(NioFileSystemOps.INSTANCE, dir)).extracting(Journal::generation)
                .allSatisfy(generation -> assertThat(generation).isGreaterThan(journalBefore));
    }

    /** The real file system, except that backups cannot be read any more once one was read whole. */
    private static final class BackupsFailAfterOneRead extends ForwardingFileSystem {
        BackupsFailAfterOneRead() {
            super(NioFileSystemOps.INSTANCE);
        }

        private volatile boolean failing;

        @Override
        public InputStream openRead(Path path) throws IOException {
            boolean inBackups = path.getParent() != null && path.getParent().getParent() != null
                    && path.getParent().getParent().getFileName().toString().equals(Backups.DIR);
            if (inBackups && failing) {
                throw new IOException("Input/output error");
            }
            if (inBackups && path.getFileName().toString().equals(Backups.gzName(SeedFormat.NPCS))) {
                failing = true; // the last file of a backup: it is read now, and then the disk fails
            }
            return super.openRead(path);
        }










    }

    @Test
    void restoreOverACurrentStateThatCannotBeLoadedContinuesTheSequenceAfterTheBackups() throws Exception {
        Backups.Ref backup;
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            put(store, campaign(G1, 11, "Two"));
            store.checkpoint();
            backup = Backups.list(NioFileSystemOps.INSTANCE, dir).get(0);
            put(store, campaign(G1, 12, "Three"));
        }
        Files.writeString(dir.resolve(SeedFormat.CAMPAIGNS), "{\"1\": [");
        assertThat(backup.seq()).isEqualTo(2);

        DataDirectory.RestoreResult result = new DataDirectory(config(), new BackupsFailAfterOneRead())
                .restore(backup.id(), false);

        assertThat(result.currentUnloadable()).hasValueSatisfying(why -> assertThat(why).contains("No valid state"));
        assertThat(result.safetyBackupId()).isEmpty();
        assertThat(result.sequence()).isEqualTo(3);
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config())) {
            assertThat(reopened.sequence()).isEqualTo(3);
            assertThat(reopened.guild(G1).campaigns()).extracting(c -> c.name()).containsExactlyInAnyOrder("One", "Two");
        }
    }

    @Test
    void restoreOfLatestTakesTheNewestValidNativeBackup() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
            put(store, campaign(G1, 11, "Two"));
            store.checkpoint();
        }
        List<Backups.Ref> refs = Backups.list(NioFileSystemOps.INSTANCE, dir);
        Files.delete(refs.get(0).paths().get(0).resolve("campaigns.json.gz"));

        DataDirectory.RestoreResult dryRun = DataDirectory.at(dir).restore("latest", true);

        assertThat(dryRun.backupId()).isEqualTo(refs.get(1).id());
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.sequence()).isEqualTo(-1);
        assertThat(dryRun.safetyBackupId()).isEmpty();
        assertThat(dryRun.diffs()).singleElement().satisfies(diff -> assertThat(diff.changes())
                .containsExactly(RecordDiff.campaign(DiffKind.REMOVED, ChannelId.of(11), "Two")));
    }

    @Test
    void restoreOfLatestWithoutAnyValidBackupIsNotFound() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
        }
        for (Backups.Ref ref : Backups.list(NioFileSystemOps.INSTANCE, dir)) {
            Files.delete(ref.paths().get(0).resolve("npcs.json.gz"));
        }

        assertThatThrownBy(() -> DataDirectory.at(dir).restore("latest", true))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no valid backup");
    }

    @Test
    void pruneDryRunReportsWithoutDeletingAndARealPruneDeletes() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int i = 0; i < 4; i++) {
                put(store, campaign(G1, 10 + i, "C" + i));
                store.checkpoint();
            }
        }
        List<Backups.Ref> refs = Backups.list(NioFileSystemOps.INSTANCE, dir);
        assertThat(refs).hasSize(5);
        DataDirectory keepTwo = new DataDirectory(config().withRetention(new RetentionPolicy(2, 0, 0, 0)),
                NioFileSystemOps.INSTANCE);

        DataDirectory.PruneResult dryRun = keepTwo.prune(true);

        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.kept()).extracting(BackupInfo::id).containsExactly(refs.get(0).id(), refs.get(1).id());
        assertThat(dryRun.removed()).extracting(BackupInfo::id)
                .containsExactly(refs.get(2).id(), refs.get(3).id(), refs.get(4).id());
        assertThat(dryRun.removed()).allSatisfy(info -> assertThat(info.sizeBytes()).isPositive());
        assertThat(Backups.list(NioFileSystemOps.INSTANCE, dir)).hasSize(5);

        DataDirectory.PruneResult real = keepTwo.prune(false);

        assertThat(real.dryRun()).isFalse();
        assertThat(real.removed()).extracting(BackupInfo::id).isEqualTo(dryRun.removed().stream().map(BackupInfo::id)
                .toList());
        assertThat(real.removed()).allSatisfy(info -> assertThat(info.sizeBytes()).isZero());
        assertThat(real.kept()).allSatisfy(info -> assertThat(info.sizeBytes()).isPositive());
        assertThat(Backups.list(NioFileSystemOps.INSTANCE, dir)).extracting(Backups.Ref::id)
                .containsExactly(refs.get(0).id(), refs.get(1).id());
    }

    @Test
    void pruneAlwaysKeepsTheNewestValidBackup() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            store.checkpoint();
        }
        List<Backups.Ref> refs = Backups.list(NioFileSystemOps.INSTANCE, dir);
        Files.delete(refs.get(0).paths().get(0).resolve("npcs.json.gz"));
        DataDirectory keepNone = new DataDirectory(config().withRetention(new RetentionPolicy(0, 0, 0, 0)),
                NioFileSystemOps.INSTANCE);

        DataDirectory.PruneResult result = keepNone.prune(false);

        assertThat(result.kept()).extracting(BackupInfo::id).containsExactly(refs.get(1).id());
        assertThat(result.removed()).extracting(BackupInfo::id).containsExactly(refs.get(0).id());
    }

    @Test
    void checkpointNowFoldsTheJournalAndSaysWhereTheSnapshotIs() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            put(store, campaign(G1, 10, "One"));
            put(store, new RecordChange.RemoveCampaign(G1, ChannelId.of(10)));
            put(store, campaign(G2, 10, "Two"));
        }

        Checkpoint checkpoint = DataDirectory.at(dir).checkpoint();
        assertThat(checkpoint.sequence()).isEqualTo(3);
        assertThat(DataDirectory.at(dir).backups(true)).filteredOn(info -> info.id().equals(checkpoint.backupId()))
                .singleElement().satisfies(info -> {
                    assertThat(info.seq()).isEqualTo(3);
                    assertThat(info.valid()).isTrue();
                });
        assertThat(DataDirectory.at(dir).stats().journalEntriesSinceCheckpoint()).isZero();
        assertThat(DataDirectory.at(dir).read().guilds()).containsOnlyKeys(G2);
    }
}
