package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API the CLI uses. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    private final GuildId guild = Fixtures.guild(1);

    private void put(JsonCampaignStore store, String name) {
        store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                Fixtures.campaign(guild, 10, name, 7, List.of(UserId.of(8))))));
    }

    private static Map<GuildId, GuildState> state(JsonCampaignStore store) {
        Map<GuildId, GuildState> all = new HashMap<>();
        store.guilds().forEach(g -> all.put(g, store.guild(g)));
        return all;
    }

    @Test
    void readOnlyReadSeesAConsistentStateWhileTheWriterRunsAndCheckpoints() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread checkpointer = new Thread(() -> {
                while (!stop.get()) {
                    store.checkpoint();
                }
            });
            checkpointer.start();
            try {
                for (int i = 0; i < 30; i++) {
                    put(store, "Round " + i);
                    long seq = store.sequence();
                    DataDirectory.Contents contents = DataDirectory.at(dir).read();
                    assertThat(contents.sequence()).isGreaterThanOrEqualTo(seq);
                    assertThat(contents.guilds().get(guild).campaign(ChannelId.of(10)).orElseThrow().name())
                            .isEqualTo("Round " + i);
                }
            } finally {
                stop.set(true);
                checkpointer.join();
            }
            DataDirectory.Stats stats = DataDirectory.at(dir).stats();
            assertThat(stats.lockHolderPid()).hasValue(ProcessHandle.current().pid());
            assertThat(stats.fileSizes()).containsKeys("campaigns.json", "manifest.json");
            assertThat(stats.backupCount()).isPositive();
        }
    }

    @Test
    void statsCountJournalEntriesSinceTheLastCheckpoint() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, "One");
            store.checkpoint();
            put(store, "Two");
            put(store, "Three");
        }
        DataDirectory.Stats stats = DataDirectory.at(dir).stats();
        assertThat(stats.snapshotSequence()).isEqualTo(1);
        assertThat(stats.journalEntriesSinceCheckpoint()).isEqualTo(2);
        assertThat(stats.lastWrite()).isPresent();
        assertThat(stats.lastCheckpoint()).isPresent();
        assertThat(stats.lockHolderPid()).isEmpty();
    }

    @Test
    void verifyReportsReferentialProblemsAndRuleBreaksWithLocations() throws Exception {
        Files.writeString(dir.resolve("campaigns.json"), """
                {"1": {"10": {"name": "Clyde's game", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
                "players": ["7", "8", "8"]}}}""", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("characters.json"), """
                {"1": {"9": {"10": {"name": "Stranger", "avatar_url": "ftp://x", "description": ""}},
                       "8": {"11": {"name": "Lost", "avatar_url": "", "description": ""}}}}""",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("npcs.json"), """
                {"1": {"12": {"n": {"name": "Orphan", "avatar_url": "", "creator_id": "7"}}}}""",
                StandardCharsets.UTF_8);
        List<DataDirectory.Problem> problems = DataDirectory.at(dir).verify().problems();
        assertThat(problems).noneMatch(p -> p.severity() == DataDirectory.Severity.ERROR);
        assertThat(problems).extracting(DataDirectory.Problem::message)
                .anyMatch(m -> m.contains("GM 7 is also listed as a player"))
                .anyMatch(m -> m.contains("listed more than once"))
                .anyMatch(m -> m.contains("not a player"))
                .anyMatch(m -> m.contains("11, which has no campaign"))
                .anyMatch(m -> m.contains("NPC(s) in channel 12"))
                .anyMatch(m -> m.contains("clyde"))
                .anyMatch(m -> m.contains("http"));
        assertThat(problems).anyMatch(p -> p.file().equals("characters.json") && p.where().equals("$.1.9.10"));
    }

    @Test
    void verifyFindsDamageInSnapshotsJournalsAndBackups() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, "One");
            store.checkpoint();
            put(store, "Two");
            put(store, "Three");
        }
        assertThat(DataDirectory.at(dir).verify().problems()).noneMatch(p -> p.severity() == DataDirectory.Severity.ERROR);
        Path journal = Journal.list(NioFileSystemOps.INSTANCE, dir).get(0);
        byte[] bytes = Files.readAllBytes(journal);
        bytes[5] ^= 1;
        Files.write(journal, bytes);
        Files.writeString(dir.resolve("npcs.json"), "{broken", StandardCharsets.UTF_8);
        List<DataDirectory.Problem> problems = DataDirectory.at(dir).verify().problems();
        assertThat(problems).filteredOn(p -> p.severity() == DataDirectory.Severity.ERROR)
                .anyMatch(p -> p.file().equals("npcs.json") && p.where().isEmpty())
                .anyMatch(p -> p.file().equals(journal.getFileName().toString()) && p.where().startsWith("byte 0"));
    }

    @Test
    void restoreShowsADiffInADryRunThenReplacesTheStateAfterASafetyBackup() {
        String firstBackup;
        Map<GuildId, GuildState> old;
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, "Original");
            store.checkpoint();
            old = state(store);
            firstBackup = DataDirectory.at(dir).backups(false).get(0).id();
            put(store, "Renamed");
            store.update(guild, state -> Update.of(null, new RecordChange.PutNpc(Fixtures.npc(guild, 10, "n", "Nia"))));
            assertThatThrownBy(() -> DataDirectory.at(dir).restore(firstBackup, false))
                    .isInstanceOf(DataDirectoryLockedException.class);
        }
        DataDirectory.RestoreResult dry = DataDirectory.at(dir).restore(firstBackup, true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.diffs()).singleElement().satisfies(diff -> {
            assertThat(diff.guild()).isEqualTo(guild);
            assertThat(diff.changes()).containsExactlyInAnyOrder(
                    DataDirectory.RecordDiff.campaign(DataDirectory.DiffKind.CHANGED, ChannelId.of(10), "Original"),
                    DataDirectory.RecordDiff.npc(DataDirectory.DiffKind.REMOVED, ChannelId.of(10),
                            dev.campaignkeeper.core.model.NpcId.of("n"), "Nia"));
        });
        assertThat(DataDirectory.at(dir).read().guilds().get(guild).npcsIn(ChannelId.of(10))).hasSize(1);

        DataDirectory.RestoreResult real = DataDirectory.at(dir).restore(firstBackup, false);
        assertThat(real.safetyBackupId()).isPresent();
        assertThat(real.diffs()).isEqualTo(dry.diffs());
        Map<GuildId, GuildState> beforeRestore;
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            assertThat(state(store)).isEqualTo(old);
            assertThat(store.sequence()).isEqualTo(real.sequence());
            assertThat(store.recoveryReport().clean()).isTrue();
        }
        DataDirectory.RestoreResult undo = DataDirectory.at(dir).restore(real.safetyBackupId().get(), false);
        assertThat(undo.diffs()).isNotEmpty();
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            beforeRestore = state(store);
        }
        assertThat(beforeRestore.get(guild).campaign(ChannelId.of(10)).orElseThrow().name()).isEqualTo("Renamed");
        assertThatThrownBy(() -> DataDirectory.at(dir).restore("backup-nope", true))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("backup-nope");
    }

    @Test
    void pruneKeepsWhatTheRetentionPolicySaysAndAlwaysTheNewestValidBackup() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        JsonStoreConfig config = Fixtures.config(dir).withClock(clock).withCheckpointOnClose(false)
                .withRetention(new RetentionPolicy(100, 100, 100, 100));
        try (JsonCampaignStore store = JsonCampaignStore.open(config)) {
            for (int i = 0; i < 6; i++) {
                now[0] = now[0].plus(Duration.ofMinutes(20));
                put(store, "Step " + i);
                store.checkpoint();
            }
        }
        List<BackupInfo> all = DataDirectory.at(dir).backups(true);
        assertThat(all).hasSize(7).allMatch(BackupInfo::valid);
        DataDirectory hourly = DataDirectory.at(config.withRetention(new RetentionPolicy(1, 2, 0, 0)));
        DataDirectory.PruneResult dry = hourly.prune(true);
        // newest, plus newest of the two newest hours: 02:00 (step 5 at 02:00) and 01:xx (step 4 at 01:40)
        assertThat(dry.kept()).extracting(BackupInfo::id).containsExactly(all.get(0).id(), all.get(1).id());
        assertThat(dry.removed()).hasSize(5);
        assertThat(DataDirectory.at(dir).backups(false)).hasSize(7);

        DataDirectory nothing = DataDirectory.at(config.withRetention(new RetentionPolicy(0, 0, 0, 0)));
        DataDirectory.PruneResult real = nothing.prune(false);
        assertThat(real.kept()).extracting(BackupInfo::id).containsExactly(all.get(0).id());
        assertThat(DataDirectory.at(dir).backups(true)).extracting(BackupInfo::id).containsExactly(all.get(0).id());
    }

    @Test
    void checkpointNowWritesTheJournalIntoTheSnapshotFiles() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, "One");
            put(store, "Two");
        }
        assertThat(DataDirectory.at(dir).stats().journalEntriesSinceCheckpoint()).isEqualTo(2);
        assertThat(DataDirectory.at(dir).checkpoint().sequence()).isEqualTo(2);
        assertThat(DataDirectory.at(dir).stats().journalEntriesSinceCheckpoint()).isZero();
        assertThat(DataDirectory.at(dir).stats().snapshotSequence()).isEqualTo(2);
    }

    @Test
    void damagedSeedDirectoryReadsFromItsSeedBackupAndRestoresFromIt() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Files.writeString(backups.resolve("campaigns.json.20240101120000"), """
                {"1": {"10": {"name": "Seed era", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
                "players": []}}}""", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("campaigns.json"), "{\"1\": [", StandardCharsets.UTF_8);
        DataDirectory.Contents contents = DataDirectory.at(dir).read();
        assertThat(contents.report().source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(contents.report().backupId()).hasValue("seed-20240101120000");
        assertThat(DataDirectory.at(dir).verify().problems()).anyMatch(p -> p.severity() == DataDirectory.Severity.ERROR
                && p.file().equals("campaigns.json") && p.where().isEmpty());
        DataDirectory.RestoreResult result = DataDirectory.at(dir).restore("seed-20240101120000", false);
        assertThat(result.safetyBackupId()).isPresent();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("campaigns.json.corrupt-"));
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            assertThat(store.guild(GuildId.of(1)).campaign(ChannelId.of(10)).orElseThrow().name())
                    .isEqualTo("Seed era");
            assertThat(store.recoveryReport().clean()).isTrue();
        }
        assertThat(DataDirectory.at(dir).verify().problems()).noneMatch(p -> p.severity() == DataDirectory.Severity.ERROR);
    }

    @Test
    void seedBackupFilesOfOneSaveSecondsApartFormOneSet() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        // save one: its three files copied in three consecutive seconds
        Files.writeString(backups.resolve("campaigns.json.20240101120000"), """
                {"1": {"10": {"name": "Seed era", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
                "players": ["8"]}}}""", StandardCharsets.UTF_8);
        Files.writeString(backups.resolve("characters.json.20240101120001"), """
                {"1": {"8": {"10": {"name": "Aria", "avatar_url": "", "description": ""}}}}""",
                StandardCharsets.UTF_8);
        Files.writeString(backups.resolve("npcs.json.20240101120002"), """
                {"1": {"10": {"n1": {"name": "Old Tom", "avatar_url": "", "creator_id": "7"}}}}""",
                StandardCharsets.UTF_8);
        // save two, a minute later, two of its files one second apart
        Files.writeString(backups.resolve("campaigns.json.20240101120100"), """
                {"1": {"10": {"name": "Later", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
                "players": []}}}""", StandardCharsets.UTF_8);
        Files.writeString(backups.resolve("characters.json.20240101120101"), "{}", StandardCharsets.UTF_8);
        Files.writeString(backups.resolve("npcs.json.20240101120101"), "{}", StandardCharsets.UTF_8);
        // a lone copy of one file within a few seconds of save two: a kind a set already has starts a new set
        Files.writeString(backups.resolve("campaigns.json.20240101120103"), "{}", StandardCharsets.UTF_8);

        List<BackupInfo> found = DataDirectory.at(dir).backups(true);

        assertThat(found).extracting(BackupInfo::id)
                .containsExactly("seed-20240101120103", "seed-20240101120100", "seed-20240101120000");
        assertThat(found).allMatch(BackupInfo::seedStyle).allMatch(BackupInfo::valid);
        DataDirectory.RestoreResult result = DataDirectory.at(dir).restore("seed-20240101120000", false);
        assertThat(result.backupId()).isEqualTo("seed-20240101120000");
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            GuildState state = store.guild(GuildId.of(1));
            assertThat(state.campaign(ChannelId.of(10)).orElseThrow().name()).isEqualTo("Seed era");
            assertThat(state.character(ChannelId.of(10), UserId.of(8))).isPresent();
            assertThat(state.npc(ChannelId.of(10), dev.campaignkeeper.core.model.NpcId.of("n1"))).isPresent();
        }
    }

    /** A seed directory with a torn campaigns.json; with {@code backup}, a seed-style backup to recover from. */
    private void tornSeedDirectory(boolean backup) throws Exception {
        if (backup) {
            Path backups = Files.createDirectories(dir.resolve("backups"));
            Files.writeString(backups.resolve("campaigns.json.20240101120000"), """
                    {"1": {"10": {"name": "Seed era", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
                    "players": []}}}""", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("campaigns.json"), "{\"1\": [", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("characters.json"), "{}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("npcs.json"), "{}", StandardCharsets.UTF_8);
    }

    @Test
    void readOfATornDirectoryThatNothingChangesLoadsOnce() throws Exception {
        tornSeedDirectory(true);
        CountingFileSystem fs = new CountingFileSystem();

        DataDirectory.Contents contents = new DataDirectory(JsonStoreConfig.defaults(dir), fs).read();

        assertThat(contents.report().clean()).as("recovery reported the torn file").isFalse();
        assertThat(contents.report().backupId()).hasValue("seed-20240101120000");
        assertThat(fs.opens("characters.json")).as("loads").isEqualTo(1);
    }

    @Test
    void readOfADirectoryDamagedBeyondRecoveryFailsAfterOneLoad() throws Exception {
        tornSeedDirectory(false);
        CountingFileSystem fs = new CountingFileSystem();

        assertThatThrownBy(() -> new DataDirectory(JsonStoreConfig.defaults(dir), fs).read())
                .isInstanceOf(DataDamagedException.class).hasMessageContaining("campaigns.json");
        assertThat(fs.opens("characters.json")).as("loads").isEqualTo(1);
    }

    @Test
    void readLoadsAgainWhenACheckpointChangesTheDirectoryDuringTheLoad() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, "One");
            store.checkpoint();
            put(store, "Two");
            CountingFileSystem fs = new CountingFileSystem();
            AtomicBoolean checkpointed = new AtomicBoolean();
            fs.beforeOpen(path -> {
                if (path.getFileName().toString().equals("characters.json") && checkpointed.compareAndSet(false, true)) {
                    store.checkpoint();
                }
            });

            DataDirectory.Contents contents = new DataDirectory(JsonStoreConfig.defaults(dir), fs).read();

            assertThat(checkpointed).isTrue();
            assertThat(fs.opens("characters.json")).as("loads").isEqualTo(2);
            assertThat(contents.report().clean()).isTrue();
            assertThat(contents.sequence()).isEqualTo(store.sequence());
            assertThat(contents.guilds().get(guild).campaign(ChannelId.of(10)).orElseThrow().name()).isEqualTo("Two");
        }
    }

    @Test
    void verifyKeepsADirectoryPathWithASpaceWholeInTheProblemsFile() throws Exception {
        dir = Files.createDirectories(dir.resolve("my data"));
        tornSeedDirectory(false);

        List<DataDirectory.Problem> problems = DataDirectory.at(dir).verify().problems();

        assertThat(problems).anyMatch(p -> p.severity() == DataDirectory.Severity.ERROR
                && p.file().equals(dir.toString()) && p.where().isEmpty()
                && p.message().contains("No valid state can be recovered"));
        assertThat(problems).anyMatch(p -> p.file().equals("campaigns.json") && p.where().isEmpty());
    }

    @Test
    void verifyOfATornDirectoryWithABackupSaysItIsLoadableAndHowAfterOneLoad() throws Exception {
        tornSeedDirectory(true);
        CountingFileSystem fs = new CountingFileSystem();

        DataDirectory.Verification verification = new DataDirectory(JsonStoreConfig.defaults(dir), fs).verify();

        assertThat(verification.loadable()).isTrue();
        assertThat(verification.healthy()).isFalse();
        assertThat(verification.recovery()).hasValueSatisfying(report -> {
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(report.backupId()).hasValue("seed-20240101120000");
        });
        assertThat(verification.problems()).anyMatch(p -> p.severity() == DataDirectory.Severity.ERROR
                && p.file().equals("campaigns.json"));
        // one parse by the file checks, one load
        assertThat(fs.opens("characters.json")).isEqualTo(2);
    }

    @Test
    void verifyOfADirectoryDamagedBeyondRecoverySaysItIsNotLoadable() throws Exception {
        tornSeedDirectory(false);

        DataDirectory.Verification verification = DataDirectory.at(dir).verify();

        assertThat(verification.loadable()).isFalse();
        assertThat(verification.recovery()).isEmpty();
        assertThat(verification.problems()).anyMatch(p -> p.severity() == DataDirectory.Severity.ERROR
                && p.message().contains("No valid state can be recovered"));
    }

    @Test
    void verifyOfAHealthyDirectoryIsHealthyAndLoadable() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            put(store, "One");
        }

        DataDirectory.Verification verification = DataDirectory.at(dir).verify();

        assertThat(verification.healthy()).isTrue();
        assertThat(verification.loadable()).isTrue();
        assertThat(verification.recovery().orElseThrow().clean()).isTrue();
    }

    @Test
    void restoreRefusesAnInvalidBackupAndAMissingOneWithTypedExceptions() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            put(store, "One");
            store.checkpoint();
        }
        String id = DataDirectory.at(dir).backups(false).get(0).id();
        for (BackupInfo backup : DataDirectory.at(dir).backups(false)) {
            Path gz = dir.resolve("backups").resolve(backup.id()).resolve("campaigns.json.gz");
            byte[] bytes = Files.readAllBytes(gz);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(gz, bytes);
        }

        assertThatThrownBy(() -> DataDirectory.at(dir).restore(id, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(id).hasMessageContaining("not valid");
        assertThatThrownBy(() -> DataDirectory.at(dir).restore("latest", true))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no valid backup");
        assertThatThrownBy(() -> DataDirectory.at(dir).restore("backup-nope", false))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("backup-nope");
    }

    @Test
    void restoreReportsHowTheCurrentStateLoadedInADryRunAndARealRestore() throws Exception {
        tornSeedDirectory(true);
        CountingFileSystem fs = new CountingFileSystem();

        DataDirectory.RestoreResult dry = new DataDirectory(JsonStoreConfig.defaults(dir), fs)
                .restore("seed-20240101120000", true);

        assertThat(dry.currentUnloadable()).isEmpty();
        assertThat(dry.currentRecovery()).hasValueSatisfying(report -> {
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(report.events()).anyMatch(event -> event.contains("campaigns.json"));
        });
        assertThat(fs.opens("characters.json")).as("loads of the current state").isEqualTo(1);

        DataDirectory.RestoreResult real = DataDirectory.at(dir).restore("seed-20240101120000", false);

        assertThat(real.currentRecovery()).hasValueSatisfying(report -> {
            assertThat(report.events()).anyMatch(event -> event.contains("campaigns.json"));
            assertThat(report.movedAside()).singleElement()
                    .satisfies(path -> assertThat(path.getFileName().toString()).startsWith("campaigns.json.corrupt-"));
        });
        DataDirectory.RestoreResult again = DataDirectory.at(dir).restore("seed-20240101120000", true);
        assertThat(again.currentRecovery().orElseThrow().clean()).isTrue();
    }

    @Test
    void restoreResultHoldsExactlyOneOfTheCurrentReportAndWhyItCannotLoad() {
        RecoveryReport report = new RecoveryReport(0, RecoveryReport.Source.NEW, java.util.Optional.empty(),
                List.of(), false, List.of(), List.of());
        assertThatThrownBy(() -> new DataDirectory.RestoreResult(new BackupInfo("b", Instant.EPOCH, 1, 0, true, false, java.util.Optional.empty()), true, -1, java.util.Optional.empty(), List.of(),
                java.util.Optional.of(report), java.util.Optional.of("damaged")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataDirectory.RestoreResult(new BackupInfo("b", Instant.EPOCH, 1, 0, true, false, java.util.Optional.empty()), true, -1, java.util.Optional.empty(), List.of(),
                java.util.Optional.empty(), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
