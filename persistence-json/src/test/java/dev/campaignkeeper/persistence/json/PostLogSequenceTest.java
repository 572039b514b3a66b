package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post log's sequence numbers: carried across reopens and compactions, and checked on load, so
 * a line or a segment that went missing is reported (and its segment kept) rather than passed over.
 */
class PostLogSequenceTest {

    private static final GuildId GUILD = GuildId.of(1000);
    private static final ChannelId CAMPAIGN = ChannelId.of(3000);
    private static final UserId ALICE = UserId.of(11);
    private static final FileSystemOps FS = NioFileSystemOps.INSTANCE;

    @TempDir
    Path dir;

    private long nextMessage = 500;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withPostRetentionPerCampaign(5).withJournalPreallocateBytes(0);
    }

    private PostRecord post(String text) {
        nextMessage++;
        return new PostRecord(GUILD, CAMPAIGN, WebhookId.of(77), Optional.empty(), List.of(MessageId.of(nextMessage)),
                ALICE, Optional.empty(), "Aria", Instant.parse("2026-12-01T20:00:00Z").plusSeconds(nextMessage), text);
    }

    private List<PostRecord> appendInOneOpening(int count) throws IOException {
        List<PostRecord> posts = new ArrayList<>();
        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).isEmpty();
            for (int i = 0; i < count; i++) {
                PostRecord post = post("post " + nextMessage);
                log.append(post);
                posts.add(post);
            }
        }
        return posts;
    }

    private List<Path> segments() throws IOException {
        return Journal.list(FS, JsonPostLog.dir(dir));
    }

    private static List<byte[]> lines(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static void write(Path segment, List<byte[]> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        Files.write(segment, out.toByteArray());
    }

    private static byte[] line(long seq, PostLogCodec.Event event) {
        byte[] line = JournalCodec.line(seq, PostLogCodec.encode(event));
        return Arrays.copyOf(line, line.length - 1); // without its newline
    }

    @Test
    void sequenceNumbersRunOnAcrossReopensAndCompactions() throws IOException {
        for (int round = 0; round < 4; round++) {
            appendInOneOpening(12); // more than the compaction threshold of 10 each time
        }
        List<Long> seqs = new ArrayList<>();
        for (Path segment : segments()) {
            for (byte[] line : lines(segment)) {
                seqs.add(PostLogCodec.seq(line, line.length));
            }
        }
        assertThat(seqs).hasSizeGreaterThan(5);
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("line %d of %s", i, seqs).isEqualTo(seqs.get(i - 1) + 1);
        }
        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).isEmpty();
            assertThat(log.dataLost()).isFalse();
        }
    }

    @Test
    void aLineRemovedFromTheMiddleOfASegmentIsReportedAndTheSegmentKept() throws IOException {
        List<PostRecord> posts = appendInOneOpening(5);
        Path segment = segments().get(0);
        List<byte[]> lines = lines(segment);
        int offset = lines.get(0).length + lines.get(1).length + 2;
        lines.remove(2);
        write(segment, lines);

        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).singleElement().asString()
                    .contains(JsonPostLog.DIR + "/" + segment.getFileName())
                    .contains("byte offset " + offset)
                    .contains("sequence number 4 where 3 was due: 1 event is missing before it");
            assertThat(log.dataLost()).isTrue();
            assertThat(log.movedAside()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .startsWith(segment.getFileName() + ".corrupt-"));
            assertThat(log.find(GUILD, posts.get(2).id())).isEmpty();
            for (int i : new int[] {0, 1, 3, 4}) {
                assertThat(log.find(GUILD, posts.get(i).id())).as("post %d, after the gap too", i).isPresent();
            }
        }
    }

    @Test
    void aMissingSegmentIsReportedAtTheStartOfTheNext() throws IOException {
        appendInOneOpening(3);
        appendInOneOpening(3);
        List<PostRecord> last = appendInOneOpening(3);
        List<Path> segments = segments();
        Path removed = segments.get(1);
        Path next = segments.get(2);
        Files.delete(removed);

        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).singleElement().asString()
                    .contains(JsonPostLog.DIR + "/" + next.getFileName() + ": the event at byte offset 0")
                    .contains("sequence number 7 where 4 was due: 3 events are missing before it");
            assertThat(log.dataLost()).isTrue();
            assertThat(log.find(GUILD, last.get(0).id())).isPresent();
        }
    }

    @Test
    void segmentsThatRestartLowerAsEarlierVersionsWroteThemAreAcceptedAndContinued() throws IOException {
        PostRecord compacted = post("kept by compaction");
        PostRecord later = post("written after a reopen");
        Path posts = Files.createDirectories(JsonPostLog.dir(dir));
        write(posts.resolve(Journal.name(1)), List.of(line(101, new PostLogCodec.Reset()),
                line(102, new PostLogCodec.Append(compacted))));
        write(posts.resolve(Journal.name(2)), List.of(line(3, new PostLogCodec.Append(later))));

        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).isEmpty();
            assertThat(log.find(GUILD, compacted.id())).isPresent();
            assertThat(log.find(GUILD, later.id())).isPresent();
            log.append(post("the next"));
        }
        List<Path> segments = segments();
        Path newest = segments.get(segments.size() - 1);
        List<byte[]> lines = lines(newest);
        assertThat(lines).hasSize(1);
        assertThat(PostLogCodec.seq(lines.get(0), lines.get(0).length)).isEqualTo(4);
    }

    @Test
    void theSegmentAfterADamagedOneIsNotReportedAgain() throws IOException {
        appendInOneOpening(3);
        appendInOneOpening(2);
        Path damaged = segments().get(0);
        byte[] bytes = Files.readAllBytes(damaged);
        int secondLine = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
        bytes[secondLine + 3] ^= 0x10;
        Files.write(damaged, bytes);

        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).singleElement().asString().contains("checksum mismatch")
                    .contains("2 later events were not replayed");
            assertThat(log.dataLost()).isTrue();
        }
    }

    /** A checksum-valid line of any text (without its newline): what a hostile edit can produce. */
    private static byte[] checksummed(String text) {
        byte[] prefix = text.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(prefix);
        byte[] line = (text + ",\"crc32c\":\"" + SeedFormat.hex(crc.getValue()) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(JournalCodec.checksumMatches(line, line.length)).isTrue();
        return line;
    }

    @Test
    void aLineWithoutALeadingSequenceNumberIsReportedAndTheCountGoesOnAfterIt() throws IOException {
        Path posts = Files.createDirectories(JsonPostLog.dir(dir));
        PostRecord unnumbered = post("no seq");
        PostRecord next = post("numbered again");
        String body = new String(PostLogCodec.encode(new PostLogCodec.Append(unnumbered)), StandardCharsets.UTF_8);
        write(posts.resolve(Journal.name(1)), List.of(line(1, new PostLogCodec.Append(post("first"))),
                checksummed("{\"op0\":1," + body), line(3, new PostLogCodec.Append(next))));

        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).singleElement().asString()
                    .contains("has no sequence number (\"seq\" must come first)");
            assertThat(log.dataLost()).isTrue();
            assertThat(log.find(GUILD, unnumbered.id())).as("its event is still applied").isPresent();
            assertThat(log.find(GUILD, next.id())).isPresent();
        }
    }

    @Test
    void aChecksumValidLineThatIsNoEventIsReportedSkippedAndItsSegmentKept() throws IOException {
        Path posts = Files.createDirectories(JsonPostLog.dir(dir));
        PostRecord before = post("before");
        PostRecord after = post("after");
        Path segment = posts.resolve(Journal.name(1));
        write(segment, List.of(line(1, new PostLogCodec.Append(before)), checksummed("{\"seq\":2,\"op\":\"explode\""),
                line(3, new PostLogCodec.Append(after))));

        try (JsonPostLog log = JsonPostLog.open(FS, config(), 10)) {
            assertThat(log.events()).singleElement().asString()
                    .contains(JsonPostLog.DIR + "/" + segment.getFileName() + ": the event at byte offset")
                    .contains("cannot be applied (unknown post-log event \"explode\"); skipped");
            assertThat(log.find(GUILD, before.id())).isPresent();
            assertThat(log.find(GUILD, after.id())).isPresent();
            assertThat(log.movedAside()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .startsWith(segment.getFileName() + ".corrupt-"));
        }
    }

    @Test
    void theSequenceNumberIsReadOnlyInTheFormWritten() {
        assertThat(seq("{\"seq\":12,\"op\":\"reset\"}")).isEqualTo(12);
        assertThat(seq("{\"seq\":123456789012345678,\"op\":1}")).isEqualTo(123_456_789_012_345_678L);
        assertThat(seq("{\"seq\":1234567890123456789,\"op\":1}")).as("19 digits").isEqualTo(-1);
        assertThat(seq("{\"seq\":012,\"op\":1}")).as("a leading zero").isEqualTo(-1);
        assertThat(seq("{\"seq\":0,\"op\":1}")).isEqualTo(-1);
        assertThat(seq("{\"seq\":12}")).as("no comma after it").isEqualTo(-1);
        assertThat(seq("{\"seq\":12")).as("the line ends in the number").isEqualTo(-1);
        assertThat(seq("{\"seq\":,\"op\":1}")).isEqualTo(-1);
        assertThat(seq("{\"seq\":")).isEqualTo(-1);
        assertThat(seq("{\"sec\":12,\"op\":1}")).isEqualTo(-1);
        assertThat(seq("{\"seq\":-3,\"op\":1}")).isEqualTo(-1);
    }

    @Test
    void aSequenceNumberFollowsTheOneBeforeWithinASegmentAndMayRestartLowerAtItsStart() {
        assertThat(JsonPostLog.sequenceProblem(5, 4, false)).isNull();
        assertThat(JsonPostLog.sequenceProblem(1, 0, true)).isNull();
        assertThat(JsonPostLog.sequenceProblem(5, 4, true)).isNull();
        assertThat(JsonPostLog.sequenceProblem(3, 10, true)).isNull();
        assertThat(JsonPostLog.sequenceProblem(6, 4, false)).isEqualTo(
                "has sequence number 6 where 5 was due: 1 event is missing before it");
        assertThat(JsonPostLog.sequenceProblem(13, 10, true)).isEqualTo(
                "has sequence number 13 where 11 was due: 2 events are missing before it");
        assertThat(JsonPostLog.sequenceProblem(4, 4, false)).isEqualTo(
                "has sequence number 4, not after 4 (lines out of order or repeated)");
        assertThat(JsonPostLog.sequenceProblem(2, 4, false)).contains("not after 4");
        assertThat(JsonPostLog.sequenceProblem(-1, 4, false)).isEqualTo(
                "has no sequence number (\"seq\" must come first)");
        assertThat(JsonPostLog.sequenceProblem(-1, 0, true)).startsWith("has no sequence number");
    }

    private static long seq(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return PostLogCodec.seq(bytes, bytes.length);
    }
}
