package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding, loading, sizing, deleting and pruning backups, on real files. */
class BackupsTest {

    private static final FileSystemOps FS = NioFileSystemOps.INSTANCE;
    private static final GuildId GUILD = Fixtures.guild(1);

    @TempDir
    Path dir;

    /** Opens a store, stores a campaign, checkpoints; returns the newest native backup. */
    private Backups.Ref nativeBackup() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            store.update(GUILD, state -> new Update<>(List.of(new RecordChange.PutCampaign(
                    Fixtures.campaign(GUILD, 10, "Quest", 7, List.of(UserId.of(8))))), null));
            store.checkpoint();
        }
        return Backups.list(FS, dir).get(0);
    }

    private Path seedFile(String kind, String stamp, String json) throws Exception {
        Path path = Backups.dir(dir).resolve(kind + ".json." + stamp);
        Files.createDirectories(path.getParent());
        Files.writeString(path, json);
        return path;
    }

    private static byte[] gunzip(Path path) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        }
    }

    private static void gzip(Path path, byte[] content) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(content);
        }
    }

    @Test
    void newIdsNameTheMillisecondAndSequence() {
        assertThat(Backups.newId(Instant.parse("2026-11-25T20:30:00.123Z"), 42)).isEqualTo("backup-20261125203000123-42");
        assertThat(Backups.NATIVE.matcher(Backups.newId(Instant.EPOCH, 0)).matches()).isTrue();
        assertThat(Backups.gzName("npcs.json")).isEqualTo("npcs.json.gz");
        assertThat(Backups.dir(dir)).isEqualTo(dir.resolve("backups"));
    }

    @Test
    void nativeBackupLoadsTheCheckpointedStateAndNamesItsTimeAndSequence() throws Exception {
        Backups.Ref ref = nativeBackup();

        assertThat(ref.seedStyle()).isFalse();
        assertThat(ref.seq()).isEqualTo(1);
        assertThat(Backups.newId(ref.time(), ref.seq())).isEqualTo(ref.id());
        Backups.Loaded loaded = Backups.load(FS, ref);
        assertThat(loaded.guilds()).containsOnlyKeys(GUILD);
        assertThat(loaded.guilds().get(GUILD).campaigns()).extracting(c -> c.name()).containsExactly("Quest");
        assertThat(loaded.warnings()).isEmpty();
        assertThat(Backups.find(FS, dir, ref.id())).hasValue(ref);
        assertThat(Backups.find(FS, dir, "backup-19990101000000000-1")).isEmpty();
    }

    @Test
    void recoveryTriesNativeBackupsBeforeSeedCopiesEachInListedOrder() throws Exception {
        Backups.Ref nativeRef = nativeBackup();
        seedFile("campaigns", "20991231235959", "{}");
        seedFile("campaigns", "20000101000000", "{}");
        Files.createDirectory(Backups.dir(dir).resolve("backup-20000101000000000-2"));
        List<Backups.Ref> listed = Backups.list(FS, dir);

        List<Backups.Ref> ordered = Backups.recoveryOrder(listed);

        assertThat(listed.get(0).seedStyle()).as("the 2099 seed copy is the newest listed").isTrue();
        List<Backups.Ref> natives = listed.stream().filter(ref -> !ref.seedStyle()).toList();
        List<Backups.Ref> seeds = listed.stream().filter(Backups.Ref::seedStyle).toList();
        assertThat(seeds).hasSize(2);
        assertThat(ordered).hasSameSizeAs(listed);
        assertThat(ordered.get(0)).isEqualTo(nativeRef);
        assertThat(ordered.subList(0, natives.size())).containsExactlyElementsOf(natives);
        assertThat(ordered.subList(natives.size(), ordered.size())).containsExactlyElementsOf(seeds);
    }

    @Test
    void listIsNewestFirstAndIgnoresWhatIsNoBackup() throws Exception {
        Backups.Ref newest = nativeBackup();
        Path backups = Backups.dir(dir);
        Files.createDirectory(backups.resolve("backup-20000101000000000-3"));
        Files.createDirectory(backups.resolve("backup-20000101000000000-2"));
        Files.writeString(backups.resolve("backup-20000101000000000-9"), "a file, not a backup directory");
        Files.createDirectory(backups.resolve("backup-20001399000000000-1")); // month 13
        Files.createDirectory(backups.resolve("campaigns.json.20000101000000")); // a directory, not a seed copy
        Files.writeString(backups.resolve("campaigns.json.20001340000000"), "{}"); // no such date
        Files.writeString(backups.resolve("notes.txt"), "hello");
        seedFile("campaigns", "19990101000000", "{}");

        List<Backups.Ref> refs = Backups.list(FS, dir);

        assertThat(refs).extracting(Backups.Ref::id).startsWith(newest.id()).containsSubsequence(
                "backup-20000101000000000-3", "backup-20000101000000000-2", "seed-19990101000000");
        assertThat(refs).extracting(Backups.Ref::id).doesNotContain("backup-20000101000000000-9",
                "backup-20001399000000000-1", "seed-20000101000000", "seed-20001340000000");
        assertThat(refs.get(refs.size() - 1).seedStyle()).isTrue();
        assertThat(refs.get(refs.size() - 1).seq()).isEqualTo(-1);
    }

    @Test
    void noBackupDirectoryMeansNoBackups() throws Exception {
        assertThat(Backups.list(FS, dir)).isEmpty();
    }

    @Test
    void seedCopiesOfOneSaveUpToFiveSecondsApartFormOneSetNamedAfterTheOldest() throws Exception {
        seedFile("campaigns", "20240101120000", "{}");
        seedFile("characters", "20240101120002", "{}");
        seedFile("npcs", "20240101120005", "{}");
        seedFile("campaigns", "20240101120006", "{}"); // second save: a kind already in the first set
        seedFile("npcs", "20240101120012", "{}"); // 6 s after the second save began: a third set

        List<Backups.Ref> refs = Backups.list(FS, dir);

        assertThat(refs).extracting(Backups.Ref::id)
                .containsExactly("seed-20240101120012", "seed-20240101120006", "seed-20240101120000");
        assertThat(refs.get(2).paths()).extracting(p -> p.getFileName().toString())
                .containsExactly("campaigns.json.20240101120000", "characters.json.20240101120002",
                        "npcs.json.20240101120005");
        assertThat(refs.get(2).time())
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void seedSetLoadsEveryCopyAndReportsWhichIsDamaged() throws Exception {
        seedFile("campaigns", "20240101120000", "{\"1001\": {\"10\": {\"name\": \"Q\", \"gm_id\": \"7\","
                + " \"player_role_id\": \"8\", \"gm_role_id\": \"9\", \"players\": [\"8\", \"8\"]}}}");
        seedFile("characters", "20240101120001", "{\"1001\": {\"8\": {\"10\": {\"name\": \"A\"}}}}");
        Backups.Ref set = Backups.list(FS, dir).get(0);

        Backups.Loaded loaded = Backups.load(FS, set);

        assertThat(loaded.guilds().get(GUILD).campaigns()).hasSize(1);
        assertThat(loaded.guilds().get(GUILD).characters()).hasSize(1);
        assertThat(loaded.warnings()).extracting(LoadWarning::file).containsExactly("campaigns.json");

        seedFile("npcs", "20240101120002", "{\"1001\": ");
        Backups.Ref damaged = Backups.list(FS, dir).get(0);
        assertThatThrownBy(() -> Backups.load(FS, damaged))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("npcs.json.20240101120002: ");
    }

    @Test
    void aNativeBackupWhoseFileDoesNotMatchItsManifestIsRefused() throws Exception {
        Backups.Ref ref = nativeBackup();
        Path campaigns = ref.paths().get(0).resolve("campaigns.json.gz");
        byte[] content = gunzip(campaigns);
        // same length (a line break becomes a space, still valid JSON), so only the checksum tells
        gzip(campaigns, new String(content, StandardCharsets.UTF_8).replaceFirst("\n", " ").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Backups.load(FS, ref))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("campaigns.json.gz")
                .hasMessageContaining("checksum mismatch");
        BackupInfo info = Backups.info(FS, ref, true);
        assertThat(info.valid()).isFalse();
        assertThat(info.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("checksum mismatch"));
    }

    @Test
    void aNativeBackupThatIsNotGzipIsRefused() throws Exception {
        Backups.Ref ref = nativeBackup();
        Files.writeString(ref.paths().get(0).resolve("npcs.json.gz"), "{}");

        assertThatThrownBy(() -> Backups.load(FS, ref))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("npcs.json.gz");
    }

    @Test
    void aNativeBackupWhoseManifestIsDamagedOrForeignIsRefused() throws Exception {
        Backups.Ref ref = nativeBackup();
        Path manifestPath = ref.paths().get(0).resolve(Backups.MANIFEST);
        Manifest manifest;
        try (var in = Files.newInputStream(manifestPath)) {
            manifest = Manifest.decode(in);
        }

        Files.write(manifestPath, new Manifest(Manifest.LIVE, manifest.seq(), manifest.journalFrom(),
                manifest.files(), "", manifest.writtenAt()).encode());
        assertThatThrownBy(() -> Backups.load(FS, ref)).isInstanceOf(FormatException.class)
                .hasMessageContaining("does not match the backup's name");

        Files.write(manifestPath, new Manifest(Manifest.BACKUP, manifest.seq() + 1, manifest.journalFrom(),
                manifest.files(), "", manifest.writtenAt()).encode());
        assertThatThrownBy(() -> Backups.load(FS, ref)).isInstanceOf(FormatException.class)
                .hasMessageContaining("does not match the backup's name");

        Files.write(manifestPath, new Manifest(Manifest.BACKUP, manifest.seq(), manifest.journalFrom(),
                Map.of(SeedFormat.CAMPAIGNS, manifest.files().get(SeedFormat.CAMPAIGNS)), "",
                manifest.writtenAt()).encode());
        assertThatThrownBy(() -> Backups.load(FS, ref)).isInstanceOf(FormatException.class)
                .hasMessageContaining("lists no characters.json");

        Files.writeString(manifestPath, "{");
        assertThatThrownBy(() -> Backups.load(FS, ref)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(Backups.MANIFEST + ": ");
    }

    @Test
    void infoGivesIdTimeSequenceAndSizeOfEveryFile() throws Exception {
        Backups.Ref ref = nativeBackup();
        long total = 0;
        try (var files = Files.list(ref.paths().get(0))) {
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
        }

        BackupInfo info = Backups.info(FS, ref, true);

        assertThat(info).isEqualTo(new BackupInfo(ref.id(), ref.time(), ref.seq(), total, true, false,
                java.util.Optional.empty()));
        assertThat(Backups.info(FS, ref, false).valid()).isTrue();
        assertThat(Backups.size(FS, ref)).isEqualTo(total).isPositive();
    }

    @Test
    void seedSetSizeIsTheSumOfItsCopies() throws Exception {
        seedFile("campaigns", "20240101120000", "{}");
        seedFile("npcs", "20240101120001", "{ }");
        Backups.Ref set = Backups.list(FS, dir).get(0);

        assertThat(Backups.size(FS, set)).isEqualTo(5);
        BackupInfo info = Backups.info(FS, set, true);
        assertThat(info.seedStyle()).isTrue();
        assertThat(info.valid()).isTrue();
    }

    @Test
    void deleteRemovesABackupDirectoryAndItsFilesOrASeedSetsCopies() throws Exception {
        nativeBackup();
        seedFile("campaigns", "20240101120000", "{}");
        seedFile("npcs", "20240101120001", "{}");
        List<Backups.Ref> all = Backups.list(FS, dir);
        assertThat(all).filteredOn(Backups.Ref::seedStyle).singleElement()
                .satisfies(set -> assertThat(set.paths()).hasSize(2));
        assertThat(all).filteredOn(ref -> !ref.seedStyle()).isNotEmpty();

        for (Backups.Ref ref : all) {
            Backups.delete(FS, ref);
        }

        assertThat(Backups.list(FS, dir)).isEmpty();
        try (var left = Files.list(Backups.dir(dir))) {
            assertThat(left).isEmpty();
        }
    }

    private static Backups.Ref at(String time, long seq) {
        Instant instant = Instant.parse(time);
        String id = Backups.newId(instant, seq);
        return new Backups.Ref(id, instant, seq, false, List.of(Path.of(id)));
    }

    @Test
    void pruneKeepsTheNewestOfEachHourDayAndWeekAsManyAsAsked() {
        List<Backups.Ref> refs = new ArrayList<>(List.of( // newest first
                at("2026-01-14T10:50:00Z", 9),
                at("2026-01-14T10:10:00Z", 8),
                at("2026-01-14T09:30:00Z", 7),
                at("2026-01-13T23:00:00Z", 6),
                at("2026-01-13T08:00:00Z", 5),
                at("2026-01-11T12:00:00Z", 4), // Sunday: the week of Monday 5 January
                at("2026-01-05T00:00:00Z", 3),
                at("2026-01-04T12:00:00Z", 2))); // the week of Monday 29 December

        assertThat(kept(refs, new RetentionPolicy(0, 2, 0, 0))).containsExactly(9L, 7L);
        assertThat(kept(refs, new RetentionPolicy(0, 0, 2, 0))).containsExactly(9L, 6L);
        assertThat(kept(refs, new RetentionPolicy(0, 0, 0, 3))).containsExactly(9L, 4L, 2L);
        assertThat(kept(refs, new RetentionPolicy(3, 0, 0, 0))).containsExactly(9L, 8L, 7L);
        assertThat(kept(refs, new RetentionPolicy(100, 0, 0, 0))).hasSize(refs.size());
        assertThat(kept(refs, new RetentionPolicy(0, 0, 0, 0))).isEmpty();
    }

    @Test
    void pruneAlwaysKeepsTheProtectedBackup() {
        List<Backups.Ref> refs = List.of(at("2026-01-14T10:50:00Z", 9), at("2026-01-13T10:50:00Z", 8));

        assertThat(Backups.toPrune(refs, new RetentionPolicy(0, 0, 0, 0), refs.get(1).id()))
                .containsExactly(refs.get(0));
        assertThat(Backups.toPrune(refs, new RetentionPolicy(0, 0, 0, 0), null)).containsExactlyElementsOf(refs);
    }

    private static List<Long> kept(List<Backups.Ref> refs, RetentionPolicy policy) {
        List<Backups.Ref> removed = Backups.toPrune(refs, policy, null);
        return refs.stream().filter(ref -> !removed.contains(ref)).map(Backups.Ref::seq).toList();
    }

    @Test
    void gzipOfAWrittenSnapshotReadsBackThroughSeedFormat() throws Exception {
        // the backup's files are the snapshot files gzipped: this is what lets load() reuse SeedFormat
        Backups.Ref ref = nativeBackup();
        byte[] live = Files.readAllBytes(dir.resolve("campaigns.json"));
        assertThat(gunzip(ref.paths().get(0).resolve("campaigns.json.gz"))).isEqualTo(live);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeedFormat.write(SeedFormat.CAMPAIGNS, List.of(Backups.load(FS, ref).guilds().get(GUILD)), out);
        assertThat(out.toByteArray()).isEqualTo(live);
        GuildState state = GuildState.empty(GUILD);
        assertThat(SeedFormat.read(SeedFormat.CAMPAIGNS, new ByteArrayInputStream(live), new java.util.HashMap<>(
                Map.of(GUILD, state)), new ArrayList<>()).size()).isEqualTo(live.length);
    }
}
