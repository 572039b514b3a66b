package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile data directories on the real file system: links and special files where data files
 * belong are damage (reported by name, moved aside, never read or written through), and nothing
 * makes a load hang or run without bound. The deadline below only guards against a hang (a FIFO
 * open blocks forever); it is not a performance bound.
 */
class HostileDirectoryTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    Path root;

    private Path dir;
    private Path outside;
    private List<List<RecordChange>> mutations;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(false);
    }

    @BeforeEach
    void buildHealthyDirectoryWithJournalEntries() throws IOException {
        dir = Files.createDirectory(root.resolve("data"));
        outside = Files.createDirectory(root.resolve("outside"));
        Random random = new Random(11);
        mutations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            GuildId guild = Fixtures.guild(random.nextInt(2));
            mutations.add(Fixtures.randomChanges(random, GuildState.empty(guild)));
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int i = 0; i < mutations.size(); i++) {
                List<RecordChange> changes = mutations.get(i);
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
                if (i == 2) {
                    store.checkpoint();
                }
            }
        }
    }

    private Map<GuildId, GuildState> state(JsonCampaignStore store) {
        Map<GuildId, GuildState> state = new HashMap<>();
        store.guilds().forEach(g -> state.put(g, store.guild(g)));
        return state;
    }

    private Path currentJournal() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Journal.generation(p) >= 0).max(java.util.Comparator.comparingLong(
                    Journal::generation)).orElseThrow();
        }
    }

    private List<Path> asideCopies(String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".corrupt-")).toList();
        }
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor()).as("mkfifo %s (coreutils is needed for this test)", path).isZero();
    }

    @Test
    void lockFileLinkedElsewhereIsRefusedAndItsTargetNeverWritten() throws IOException {
        Path victim = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.deleteIfExists(dir.resolve(DirectoryLock.LOCK_FILE));
        Files.createSymbolicLink(dir.resolve(DirectoryLock.LOCK_FILE), victim);

        assertThatThrownBy(() -> JsonCampaignStore.open(config()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(".lock")
                .hasMessageContaining("is a symbolic link")
                .hasMessageContaining("remove it");
        assertThatThrownBy(() -> DataDirectory.at(config()).checkpoint())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a symbolic link");
        assertThatThrownBy(() -> DataDirectory.at(config()).lockHolder())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a symbolic link");

        assertThat(Files.readString(victim)).isEqualTo("root:x:0:0:root:/root:/bin/bash\n");
        assertThat(Files.isSymbolicLink(dir.resolve(DirectoryLock.LOCK_FILE))).isTrue();
    }

    @Test
    void fifoAsLockFileIsRefusedWithoutBlocking() throws Exception {
        Files.deleteIfExists(dir.resolve(DirectoryLock.LOCK_FILE));
        mkfifo(dir.resolve(DirectoryLock.LOCK_FILE));
        assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> JsonCampaignStore.open(config()))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("is a special file"));
    }

    @Test
    void fifoInPlaceOfASnapshotFileIsReportedMovedAsideAndRecoveredAround() throws Exception {
        Map<GuildId, GuildState> expected = PowerLossTest.model(mutations, mutations.size());
        Files.delete(dir.resolve(SeedFormat.CAMPAIGNS));
        mkfifo(dir.resolve(SeedFormat.CAMPAIGNS));

        DataDirectory.Verification verification = assertTimeoutPreemptively(HANG_GUARD,
                () -> DataDirectory.at(config()).verify());
        assertThat(verification.problems()).anyMatch(p -> p.file().equals(SeedFormat.CAMPAIGNS)
                && p.message().contains("is a special file"));

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
                RecoveryReport report = store.recoveryReport();
                assertThat(report.source()).isEqualTo(RecoveryReport.Source.BACKUP);
                assertThat(report.events()).anyMatch(e -> e.startsWith(SeedFormat.CAMPAIGNS + " is a special file"));
                assertThat(report.dataLost()).isFalse();
                assertThat(state(store)).isEqualTo(expected);
            }
        });
        List<Path> aside = asideCopies(SeedFormat.CAMPAIGNS);
        assertThat(aside).hasSize(1);
        assertThat(Files.isRegularFile(aside.get(0), LinkOption.NOFOLLOW_LINKS)).as("the FIFO itself is kept").isFalse();
        assertThat(Files.isRegularFile(dir.resolve(SeedFormat.CAMPAIGNS), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void snapshotFileLinkedToAValidCopyIsNotReadThroughAndTheLinkIsKept() throws Exception {
        Map<GuildId, GuildState> expected = PowerLossTest.model(mutations, mutations.size());
        Path copy = outside.resolve("npcs.json");
        Files.copy(dir.resolve(SeedFormat.NPCS), copy);
        byte[] copyBytes = Files.readAllBytes(copy);
        Files.delete(dir.resolve(SeedFormat.NPCS));
        Files.createSymbolicLink(dir.resolve(SeedFormat.NPCS), copy);

        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.events()).anyMatch(e -> e.contains(SeedFormat.NPCS + " is a symbolic link"));
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(state(store)).isEqualTo(expected);
        }
        assertThat(asideCopies(SeedFormat.NPCS)).singleElement()
                .satisfies(link -> assertThat(Files.isSymbolicLink(link)).isTrue());
        assertThat(Files.readAllBytes(copy)).as("the link's target is never written").isEqualTo(copyBytes);
    }

    @Test
    void directoryInPlaceOfASnapshotFileIsNamedAndMovedAside() throws IOException {
        Files.delete(dir.resolve(SeedFormat.CHARACTERS));
        Files.createDirectory(dir.resolve(SeedFormat.CHARACTERS));
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.recoveryReport().events())
                    .anyMatch(e -> e.startsWith(SeedFormat.CHARACTERS + " is a directory"));
        }
        assertThat(asideCopies(SeedFormat.CHARACTERS)).singleElement()
                .satisfies(aside -> assertThat(Files.isDirectory(aside)).isTrue());
    }

    @Test
    void journalLinkedToDevZeroIsDamageNotAHangAndIsKept() throws Exception {
        Path journal = currentJournal();
        Files.delete(journal);
        Files.createSymbolicLink(journal, Path.of("/dev/zero"));

        DataDirectory.Verification verification = assertTimeoutPreemptively(HANG_GUARD,
                () -> DataDirectory.at(config()).verify());
        assertThat(verification.problems()).anyMatch(p -> p.file().equals(journal.getFileName().toString())
                && p.severity() == DataDirectory.Severity.ERROR && p.message().contains("is a symbolic link"));

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
                RecoveryReport report = store.recoveryReport();
                assertThat(report.dataLost()).isTrue();
                assertThat(report.events()).anyMatch(e -> e.contains(journal.getFileName().toString())
                        && e.contains("is a symbolic link"));
                assertThat(store.sequence()).isEqualTo(3);
            }
        });
        assertThat(asideCopies(journal.getFileName().toString())).singleElement()
                .satisfies(link -> assertThat(Files.isSymbolicLink(link)).isTrue());
    }

    @Test
    void gzipBombBackupStopsAtTheListedSizeWithAClearMessage() throws Exception {
        Path backup;
        try (Stream<Path> backups = Files.list(dir.resolve(Backups.DIR))) {
            backup = backups.filter(p -> p.getFileName().toString().startsWith("backup-")).findFirst().orElseThrow();
        }
        Path gz = backup.resolve(Backups.gzName(SeedFormat.CAMPAIGNS));
        // 512 MiB of spaces (JSON whitespace) in about half a megabyte
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 512; i++) {
                out.write(spaces);
            }
        }
        assertThat(Files.size(gz)).isLessThan(4 << 20);

        List<BackupInfo> infos = assertTimeoutPreemptively(HANG_GUARD, () -> DataDirectory.at(config()).backups(true));
        assertThat(infos).filteredOn(info -> info.id().equals(backup.getFileName().toString())).singleElement()
                .satisfies(info -> {
                    assertThat(info.valid()).isFalse();
                    assertThat(info.problem()).get().asString().contains(Backups.gzName(SeedFormat.CAMPAIGNS))
                            .contains("decompresses to more than").doesNotContain("column -");
                });
    }

    @Test
    void backupsDirectoryLinkedElsewhereIsNeverWrittenThrough() throws IOException {
        Path elsewhere = Files.createDirectory(outside.resolve("backups"));
        Path real = dir.resolve(Backups.DIR);
        Files.move(real, outside.resolve("real-backups"));
        Files.createSymbolicLink(real, elsewhere);

        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.recoveryReport().events()).anyMatch(e -> e.startsWith(Backups.DIR + " is a symbolic link"));
            List<RecordChange> changes = mutations.get(0);
            store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
            store.checkpoint();
        }
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertThat(written).as("nothing is created through the link").isEmpty();
        }
        assertThat(Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(asideCopies(Backups.DIR)).singleElement()
                .satisfies(link -> assertThat(Files.isSymbolicLink(link)).isTrue());
    }

    @Test
    void orphanTempLinkToADirectoryIsRemovedWithoutTouchingWhatItPointsTo() throws IOException {
        Path precious = Files.createDirectory(outside.resolve("precious"));
        Files.writeString(precious.resolve("keep.txt"), "keep me");
        Files.createSymbolicLink(dir.resolve(".campaigns.json.tmp"), precious);

        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.sequence()).isEqualTo(mutations.size());
        }
        assertThat(Files.exists(dir.resolve(".campaigns.json.tmp"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(precious.resolve("keep.txt")).hasContent("keep me");
    }

    @Test
    void invalidUtf8IsReportedAtItsRealByteOffsetWithoutJavaClassNames() throws IOException {
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        byte[] bytes = Files.readAllBytes(campaigns);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"name\"") + 2;
        bytes[at] = (byte) 0xC3; // a lead byte followed by an ASCII letter: malformed
        Files.write(campaigns, bytes);

        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.recoveryReport().events()).anyMatch(e -> e.contains("not valid UTF-8")
                    && e.contains("(byte offset " + at + ")"));
            assertThat(store.recoveryReport().events()).noneMatch(e -> e.contains("Exception"));
        }
    }

    @Test
    void aHugeKeyIsQuotedAsAShortExcerpt() throws IOException {
        String key = "9".repeat(1 << 20);
        Files.writeString(dir.resolve(SeedFormat.NPCS), "{\"" + key + "x\": {}}");
        DataDirectory.Verification verification = DataDirectory.at(config()).verify();
        assertThat(verification.problems()).anyMatch(p -> p.file().equals(SeedFormat.NPCS))
                .allSatisfy(p -> assertThat(p.message().length()).isLessThan(2_000));
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.recoveryReport().events()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.length()).isLessThan(2_000));
        }
    }
}
