package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files of every kind: never an unhandled exception, never a silent empty store. A damaged
 * snapshot file is recovered from the backup taken with it plus the journal; a damaged journal
 * stops replay at the damage.
 */
class CorruptionMatrixTest {

    @TempDir
    Path dir;

    private FakeFileSystem healthy;
    private List<List<RecordChange>> mutations;
    private Map<GuildId, GuildState> expected;
    private long snapshotSeq;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withJournalPreallocateBytes(0).withCheckpointOnClose(false);
    }

    @BeforeEach
    void buildSmallStore() {
        Random random = new Random(3);
        mutations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            GuildId guild = Fixtures.guild(random.nextInt(2));
            mutations.add(Fixtures.randomChanges(random, GuildState.empty(guild)));
        }
        healthy = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), healthy)) {
            for (int i = 0; i < mutations.size(); i++) {
                List<RecordChange> changes = mutations.get(i);
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
                if (i == 4) {
                    snapshotSeq = store.checkpoint();
                }
            }
        }
        expected = PowerLossTest.model(mutations, mutations.size());
        assertThat(snapshotSeq).isEqualTo(5);
    }

    private static Map<GuildId, GuildState> state(JsonCampaignStore store) {
        Map<GuildId, GuildState> actual = new HashMap<>();
        store.guilds().forEach(g -> actual.put(g, store.guild(g)));
        return actual;
    }

    private Path journal(FakeFileSystem fs) throws IOException {
        List<Path> journals = Journal.list(fs, dir);
        for (Path journal : journals) {
            if (fs.read(journal).length > 0) {
                return journal;
            }
        }
        throw new AssertionError("no journal with entries: " + journals);
    }

    private void assertRecoversFully(byte[] damaged, String file, String what) throws IOException {
        FakeFileSystem fs = healthy.crashImage();
        fs.replace(dir.resolve(file), damaged);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            assertThat(state(store)).as(what).isEqualTo(expected);
            assertThat(store.sequence()).as(what).isEqualTo(mutations.size());
            assertThat(store.recoveryReport().events()).as(what).isNotEmpty();
            assertThat(store.recoveryReport().source()).as(what).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(store.recoveryReport().dataLost()).as(what).isFalse();
        }
    }

    @Test
    void snapshotTruncatedAtEveryOffsetRecoversFromBackupAndJournal() throws IOException {
        for (String file : SeedFormat.FILES) {
            byte[] original = healthy.read(dir.resolve(file));
            for (int length = 0; length < original.length; length++) {
                assertRecoversFully(Arrays.copyOf(original, length), file, file + " truncated to " + length);
            }
        }
    }

    @Test
    void snapshotWithASingleBitFlippedAnywhereRecoversFromBackupAndJournal() throws IOException {
        byte[] original = healthy.read(dir.resolve(SeedFormat.CAMPAIGNS));
        for (int offset = 0; offset < original.length; offset++) {
            byte[] damaged = original.clone();
            damaged[offset] ^= (byte) (1 << (offset % 8));
            assertRecoversFully(damaged, SeedFormat.CAMPAIGNS, "bit flip at " + offset);
        }
    }

    static Map<String, byte[]> badContents() {
        Map<String, byte[]> bad = new TreeMap<>();
        bad.put("empty file", new byte[0]);
        bad.put("NUL-filled", new byte[512]);
        bad.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        bad.put("number", "42".getBytes(StandardCharsets.UTF_8));
        bad.put("null", "null".getBytes(StandardCharsets.UTF_8));
        bad.put("array as guild", "{\"1\": []}".getBytes(StandardCharsets.UTF_8));
        bad.put("null as campaign", "{\"1\": {\"2\": null}}".getBytes(StandardCharsets.UTF_8));
        bad.put("number as id", ("{\"1\": {\"2\": {\"name\": \"x\", \"gm_id\": 7, \"player_role_id\": \"3\","
                + " \"gm_role_id\": \"4\", \"players\": []}}}").getBytes(StandardCharsets.UTF_8));
        bad.put("non-snowflake guild", "{\"abc\": {}}".getBytes(StandardCharsets.UTF_8));
        bad.put("trailing garbage", "{} }garbage".getBytes(StandardCharsets.UTF_8));
        bad.put("invalid UTF-8", new byte[] {'{', '"', '1', '"', ':', ' ', '{', '"', '2', '"', ':', ' ', '{',
            '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '}', '}'});
        bad.put("duplicate keys", ("{\"1\": {}, \"1\": {}}").getBytes(StandardCharsets.UTF_8));
        bad.put("huge string", ("{\"1\": {\"2\": {\"name\": \"" + "x".repeat(5_000_000)
                + "\", \"gm_id\": \"7\", \"player_role_id\": \"3\", \"gm_role_id\": \"4\", \"players\": []}}}")
                .getBytes(StandardCharsets.UTF_8));
        return bad;
    }

    @Test
    void wrongShapesInASnapshotFileRecoverFromBackupAndJournal() throws IOException {
        for (Map.Entry<String, byte[]> bad : badContents().entrySet()) {
            assertRecoversFully(bad.getValue(), SeedFormat.CAMPAIGNS, bad.getKey());
        }
    }

    @Test
    void journalTruncatedAtEveryOffsetKeepsExactlyTheCompleteEntriesBeforeIt() throws IOException {
        Path journal = journal(healthy);
        byte[] original = healthy.read(journal);
        for (int length = 0; length <= original.length; length++) {
            FakeFileSystem fs = healthy.crashImage();
            fs.replace(journal, Arrays.copyOf(original, length));
            int complete = 0;
            for (int i = 0; i < length; i++) {
                if (original[i] == '\n') {
                    complete++;
                }
            }
            try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
                assertThat(store.sequence()).as("truncated to %d", length).isEqualTo(snapshotSeq + complete);
                assertThat(state(store)).as("truncated to %d", length)
                        .isEqualTo(PowerLossTest.model(mutations, snapshotSeq + complete));
            }
        }
    }

    @Test
    void journalBitFlipStopsReplayAtTheDamagedEntryAndReportsLaterOnesLost() throws IOException {
        Path journal = journal(healthy);
        byte[] original = healthy.read(journal);
        long lines = 0;
        int lastNewline = -1;
        for (int i = 0; i < original.length; i++) {
            if (original[i] == '\n') {
                lines++;
                lastNewline = i;
            }
        }
        for (int offset = 0; offset < original.length; offset++) {
            byte[] damaged = original.clone();
            damaged[offset] ^= (byte) (1 << (offset % 8));
            int before = 0;
            for (int i = 0; i < offset; i++) {
                before += original[i] == '\n' ? 1 : 0;
            }
            FakeFileSystem fs = healthy.crashImage();
            fs.replace(journal, damaged);
            try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
                String what = "bit flip at " + offset + ": " + store.recoveryReport().events();
                // a complete (newline-terminated) line was acknowledged: damage to it is a loss, even in
                // the last line; only the last newline's damage leaves a provably intact entry to replay
                boolean lastEntryIntact = offset == lastNewline;
                boolean inAcknowledgedLine = before < lines && !lastEntryIntact;
                long replayed = before + (lastEntryIntact ? 1 : 0);
                assertThat(store.sequence()).as(what).isEqualTo(snapshotSeq + replayed);
                assertThat(state(store)).as(what).isEqualTo(PowerLossTest.model(mutations, snapshotSeq + replayed));
                assertThat(store.recoveryReport().dataLost()).as(what).isEqualTo(inAcknowledgedLine);
                // whatever was damaged is kept, never deleted by the checkpoint after recovery
                assertThat(store.recoveryReport().movedAside()).as(what)
                        .anyMatch(p -> p.getFileName().toString().startsWith(journal.getFileName() + ".corrupt-"));
                assertThat(store.recoveryReport().events()).as(what).isNotEmpty();
            }
        }
    }

    @Test
    void damagedSnapshotAndNewestBackupFallBackToOlderBackupAndReportTheLoss() throws IOException {
        FakeFileSystem fs = healthy.crashImage();
        fs.replace(dir.resolve(SeedFormat.NPCS), new byte[0]);
        List<Backups.Ref> backups = Backups.list(fs, dir);
        assertThat(backups).hasSizeGreaterThanOrEqualTo(2);
        Path newest = backups.get(0).paths().get(0).resolve(Backups.gzName(SeedFormat.CAMPAIGNS));
        fs.replace(newest, "not gzip".getBytes(StandardCharsets.UTF_8));
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.BACKUP);
            assertThat(report.backupId()).hasValue(backups.get(1).id());
            assertThat(report.dataLost()).isTrue();
            assertThat(report.events()).anyMatch(e -> e.contains("could not be recovered") || e.contains("missing"));
            assertThat(store.sequence()).isEqualTo(backups.get(1).seq());
            assertThat(state(store)).isEqualTo(PowerLossTest.model(mutations, backups.get(1).seq()));
        }
    }

    @Test
    void aParserFailureIsReportedOnOneLine() throws IOException {
        Files.writeString(dir.resolve("campaigns.json"), "{\"1\": {\"2\": {\"name\": \"torn", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonCampaignStore.open(config()))
                .isInstanceOf(DataDamagedException.class)
                .hasMessageContaining("campaigns.json")
                .hasMessageContaining("byte offset")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Troubleshooting"));
    }

    @Test
    void nothingValidLeftFailsNamingFileAndOffsetAndLeavesTheDirectoryUntouched() throws IOException {
        Files.writeString(dir.resolve("campaigns.json"), "{\n  \"1\": {\n    \"2\": [\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("npcs.json"), "{}", StandardCharsets.UTF_8);
        Map<Path, byte[]> before = snapshot(dir);
        before.keySet().removeIf(path -> path.getFileName().toString().equals(".lock"));
        assertThatThrownBy(() -> JsonCampaignStore.open(config()))
                .isInstanceOf(DataDamagedException.class)
                .hasMessageContaining("campaigns.json")
                .hasMessageMatching("(?s).*byte offset \\d+.*");
        Map<Path, byte[]> after = snapshot(dir);
        after.keySet().removeIf(path -> path.getFileName().toString().equals(".lock"));
        assertThat(after).containsOnlyKeys(before.keySet().toArray(Path[]::new));
        before.forEach((path, content) -> assertThat(snapshotOf(path)).as(path.toString()).isEqualTo(content));
        assertThat(DataDirectory.at(dir).lockHolder()).isEmpty();
    }

    @Test
    void seedDirectoryWithEveryKindOfBadFileNeverOpensSilentlyEmpty() throws IOException {
        for (Map.Entry<String, byte[]> bad : badContents().entrySet()) {
            Path seedDir = Files.createDirectories(dir.resolve("seed-" + bad.getKey().replace(' ', '-')));
            Files.write(seedDir.resolve("campaigns.json"), bad.getValue());
            Files.writeString(seedDir.resolve("characters.json"), "{\"1\": {\"5\": {\"2\": {\"name\": \"Kept\","
                    + " \"avatar_url\": \"\", \"description\": \"\"}}}}");
            try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(seedDir)
                    .withJournalPreallocateBytes(0).withCheckpointOnClose(false))) {
                // only data that is valid despite looking odd may open: it must then hold its records
                assertThat(bad.getKey()).isIn("duplicate keys", "huge string");
                assertThat(store.guilds()).as(bad.getKey()).isNotEmpty();
                assertThat(store.recoveryReport().warnings().size() + store.recoveryReport().events().size())
                        .as(bad.getKey()).isPositive();
            } catch (DataDamagedException e) {
                assertThat(e.getMessage()).as(bad.getKey()).contains("campaigns.json");
            }
        }
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(path, Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static byte[] snapshotOf(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
