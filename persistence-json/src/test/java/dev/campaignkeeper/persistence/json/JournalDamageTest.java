package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.ByteArrayOutputStream;
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
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of journal damage the audit found: recovery keeps the last provable state, reports
 * the journal, the byte offset and the entries not replayed, keeps the journal aside (never deletes
 * it, not even at the closing checkpoint), and verify says the same. Only an incomplete last line
 * may be dropped quietly.
 */
class JournalDamageTest {

    private static final int ENTRIES = 10;

    @TempDir
    Path dir;

    private List<List<RecordChange>> mutations;
    private Path journal;
    /** The journal's data (without its zero fill) and where each line starts. */
    private byte[] data;
    private List<Integer> lineStarts;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(false);
    }

    @BeforeEach
    void writeTenEntriesAfterASnapshot() throws IOException {
        Random random = new Random(5);
        mutations = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            GuildId guild = Fixtures.guild(random.nextInt(2));
            mutations.add(Fixtures.randomChanges(random, GuildState.empty(guild)));
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (List<RecordChange> changes : mutations) {
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            journal = files.filter(p -> Journal.generation(p) >= 0)
                    .max(java.util.Comparator.comparingLong(Journal::generation)).orElseThrow();
        }
        byte[] whole = Files.readAllBytes(journal);
        int end = 0;
        lineStarts = new ArrayList<>();
        while (end < whole.length && whole[end] != 0) {
            lineStarts.add(end);
            while (whole[end] != '\n') {
                end++;
            }
            end++;
        }
        data = Arrays.copyOf(whole, end);
        assertThat(lineStarts).hasSize(ENTRIES);
    }

    /** Writes the journal as {@code content} followed by the zero fill the store preallocates. */
    private void replaceJournal(byte[] content) throws IOException {
        long size = Math.max(Files.size(journal), content.length);
        byte[] whole = Arrays.copyOf(content, (int) size);
        Files.write(journal, whole);
    }

    private String journalName() {
        return journal.getFileName().toString();
    }

    private Map<GuildId, GuildState> state(JsonCampaignStore store) {
        Map<GuildId, GuildState> state = new HashMap<>();
        store.guilds().forEach(g -> state.put(g, store.guild(g)));
        return state;
    }

    /** Opens, checks recovery stopped after {@code replayed} entries, and that the journal was kept. */
    private RecoveryReport openExpecting(long replayed, boolean dataLost) throws IOException {
        RecoveryReport report;
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            report = store.recoveryReport();
            assertThat(store.sequence()).as("%s", report.events()).isEqualTo(replayed);
            assertThat(state(store)).isEqualTo(PowerLossTest.model(mutations, replayed));
            assertThat(report.dataLost()).as("%s", report.events()).isEqualTo(dataLost);
            assertThat(report.events()).anyMatch(e -> e.contains(journalName()));
            assertThat(report.movedAside()).anyMatch(p -> p.getFileName().toString()
                    .startsWith(journalName() + ".corrupt-"));
            assertThat(report.events()).noneMatch(e -> e.contains("never acknowledged")
                    || e.contains("Exception") || e.contains("setStrictness"));
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config().withCheckpointOnClose(true))) {
            assertThat(store.sequence()).isEqualTo(replayed);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith(journalName() + ".corrupt-")))
                    .as("the damaged journal survives later checkpoints").hasSize(1);
        }
        return report;
    }

    private DataDirectory.Problem verifyProblem() {
        List<DataDirectory.Problem> problems = DataDirectory.at(config()).verify().problems();
        return problems.stream().filter(p -> p.file().equals(journalName())).findFirst()
                .orElseThrow(() -> new AssertionError("verify names no journal problem: " + problems));
    }

    private static byte[] withChecksum(String lineWithoutCrc) {
        byte[] prefix = lineWithoutCrc.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(prefix, 0, prefix.length);
        return (lineWithoutCrc + ",\"crc32c\":\"" + SeedFormat.hex(crc.getValue()) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] splice(int line, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, lineStarts.get(line));
        out.writeBytes(replacement);
        int next = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : data.length;
        out.write(data, next, data.length - next);
        return out.toByteArray();
    }

    @Test
    void bitFlipInACompleteLineFollowedByValidLinesIsReportedWithOffsetAndCount() throws IOException {
        byte[] damaged = data.clone();
        int at = lineStarts.get(4) + 20;
        damaged[at] ^= 0x04;
        replaceJournal(damaged);

        DataDirectory.Problem problem = verifyProblem();
        assertThat(problem.severity()).isEqualTo(DataDirectory.Severity.ERROR);
        assertThat(problem.where()).isEqualTo("byte " + lineStarts.get(4));
        assertThat(problem.message()).contains("6 later journal entries were not replayed");

        RecoveryReport report = openExpecting(4, true);
        assertThat(report.events()).anyMatch(e -> e.contains("byte offset " + lineStarts.get(4))
                && e.contains("6 later journal entries were not replayed"));
    }

    @Test
    void bitFlipInTheLastCompleteLineIsALossNotATornTail() throws IOException {
        byte[] damaged = data.clone();
        damaged[lineStarts.get(ENTRIES - 1) + 12] ^= 0x01;
        replaceJournal(damaged);
        openExpecting(ENTRIES - 1, true);
    }

    @Test
    void truncationInTheMiddleOfTheJournalIsALoss() throws IOException {
        int cut = lineStarts.get(6) + 30;
        Files.write(journal, Arrays.copyOf(data, cut)); // the zero fill is gone too: truncated

        assertThat(verifyProblem().message()).contains("truncated");
        RecoveryReport report = openExpecting(6, true);
        assertThat(report.events()).anyMatch(e -> e.contains("truncated"));
    }

    @Test
    void incompleteLastLineBeforeTheZeroFillIsDroppedQuietly() throws IOException {
        byte[] torn = Arrays.copyOf(data, lineStarts.get(ENTRIES - 1) + 25);
        replaceJournal(torn);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.sequence()).isEqualTo(ENTRIES - 1);
            assertThat(store.recoveryReport().dataLost()).isFalse();
            assertThat(store.recoveryReport().events()).isEmpty();
        }
    }

    @Test
    void crlfLineEndingsAreReplayedAndReported() throws IOException {
        String text = new String(data, StandardCharsets.UTF_8).replace("\n", "\r\n");
        replaceJournal(text.getBytes(StandardCharsets.UTF_8));

        RecoveryReport report = openExpecting(ENTRIES, false);
        assertThat(report.events()).anyMatch(e -> e.contains(ENTRIES + " lines end in CRLF"));
    }

    @Test
    void lineLongerThanTheLimitKeepsTheJournalAndReportsTheEntriesAfterIt() throws IOException {
        byte[] huge = new byte[(16 << 20) + 10];
        Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(data, 0, lineStarts.get(3));
        content.writeBytes(huge);
        content.write(data, lineStarts.get(3), data.length - lineStarts.get(3));
        replaceJournal(content.toByteArray());

        RecoveryReport report = openExpecting(3, true);
        assertThat(report.events()).anyMatch(e -> e.contains("longer than") && e.contains("7 later journal entries"));
    }

    @Test
    void checksumValidLineThatIsNotStrictJsonStopsReplayThereInsteadOfFailingTheOpen() throws IOException {
        String line = new String(data, lineStarts.get(5), lineStarts.get(6) - lineStarts.get(5) - 1,
                StandardCharsets.UTF_8);
        String body = line.substring(0, line.indexOf(",\"crc32c\""));
        String nan = body.replaceFirst("\"seq\":\\d+", "\"seq\":NaN");
        replaceJournal(splice(5, withChecksum(nan)));

        RecoveryReport report = openExpecting(5, true);
        assertThat(report.events()).anyMatch(e -> e.contains("cannot be decoded") && e.contains("byte offset "
                + lineStarts.get(5)));
    }

    @Test
    void checksumValidArrayInsteadOfAnObjectIsDamage() throws IOException {
        replaceJournal(splice(2, withChecksum("[\"seq\",3,\"guild\",\"1000\"")));
        openExpecting(2, true);
    }

    @Test
    void missingJournalNamedByTheManifestIsALoss() throws IOException {
        Manifest manifest;
        try (var in = Files.newInputStream(dir.resolve(Manifest.FILE))) {
            manifest = Manifest.decode(in);
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
        assertThat(Journal.generation(journal)).isEqualTo(manifest.journalFrom());
        Files.delete(journal);

        assertThat(verifyProblem().message()).contains("is missing");
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            assertThat(store.recoveryReport().dataLost()).isTrue();
            assertThat(store.recoveryReport().events()).anyMatch(e -> e.startsWith(journalName()) && e.contains(
                    "is missing"));
        }
    }
}
