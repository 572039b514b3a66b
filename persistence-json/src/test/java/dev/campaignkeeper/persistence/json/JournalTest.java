package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.RecordChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file: names, preallocation, appends and their durability, and reading it back. */
class JournalTest {

    @TempDir
    Path dir;

    private static byte[] line(long seq) {
        return JournalCodec.line(seq, JournalCodec.encodeBody(Fixtures.guild(1),
                List.of(new RecordChange.RemoveCampaign(Fixtures.guild(1), ChannelId.of(seq)))));
    }

    private static List<Long> offsets(byte[] journal) throws Exception {
        List<Long> offsets = new ArrayList<>();
        Journal.scan(new ByteArrayInputStream(journal), (line, length, offset) -> offsets.add(offset));
        return offsets;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void namesCarryTheGenerationInTenDigits() {
        assertThat(Journal.name(7)).isEqualTo("journal-0000000007.log");
        assertThat(Journal.generation(dir.resolve("journal-0000000007.log"))).isEqualTo(7);
        assertThat(Journal.generation(dir.resolve("journal-7.log"))).isEqualTo(-1);
        assertThat(Journal.generation(dir.resolve("journal-0000000007.log.corrupt-1"))).isEqualTo(-1);
    }

    @Test
    void listHasOnlyJournalsOrderedByGeneration() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        for (long generation : new long[] {12, 3, 100}) {
            fs.createNew(dir.resolve(Journal.name(generation))).close();
        }
        fs.createNew(dir.resolve("journal-x.log")).close();
        fs.createNew(dir.resolve("campaigns.json")).close();

        assertThat(Journal.list(fs, dir)).extracting(Journal::generation).containsExactly(3L, 12L, 100L);
    }

    @Test
    void aNewJournalIsPreallocatedWithZerosAndDurableAtOnce() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);

        try (Journal.Writer writer = Journal.Writer.create(fs, dir, 5, 3000)) {
            assertThat(writer.generation()).isEqualTo(5);
            assertThat(writer.position()).isZero();
        }

        FakeFileSystem image = fs.crashImage();
        byte[] survived = image.read(dir.resolve(Journal.name(5)));
        assertThat(survived).hasSize(3000);
        assertThat(survived).containsOnly(0);
    }

    @Test
    void preallocationLargerThanOneZeroBlockIsFilledCompletely() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        int size = (1 << 20) + 123;

        Journal.Writer.create(fs, dir, 1, size).close();

        byte[] content = fs.read(dir.resolve(Journal.name(1)));
        assertThat(content).hasSize(size);
        assertThat(content[size - 1]).isZero();
    }

    @Test
    void appendedLinesAreDurableOnlyOnceSynced() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path path = dir.resolve(Journal.name(1));
        byte[] first = line(1);
        byte[] second = line(2);
        try (Journal.Writer writer = Journal.Writer.create(fs, dir, 1, 4096)) {
            writer.append(ByteBuffer.wrap(first));
            writer.sync();
            writer.append(ByteBuffer.wrap(second));
            assertThat(writer.position()).isEqualTo(first.length + second.length);

            byte[] beforeSync = fs.crashImage().read(path);
            assertThat(Arrays.copyOf(beforeSync, first.length)).isEqualTo(first);
            assertThat(offsets(beforeSync)).containsExactly(0L);

            writer.sync();
            assertThat(offsets(fs.crashImage().read(path))).containsExactly(0L, (long) first.length);
        }
    }

    @Test
    void appendsPastThePreallocationGrowByAnotherPreallocation() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path path = dir.resolve(Journal.name(1));
        byte[] line = line(1);
        try (Journal.Writer writer = Journal.Writer.create(fs, dir, 1, 100)) {
            long end = 0;
            for (int i = 0; i < 5; i++) {
                writer.append(ByteBuffer.wrap(line));
                end += line.length;
            }
            writer.sync();

            // 99-byte lines: the file grew at the 2nd line to 198 + 100, and at the 4th to 396 + 100
            byte[] content = fs.crashImage().read(path);
            assertThat(line.length).isEqualTo(99);
            assertThat(content.length).isEqualTo(4 * line.length + 100);
            assertThat(Arrays.copyOfRange(content, (int) end, content.length)).containsOnly(0);
            assertThat(offsets(content)).hasSize(5);
        }
    }

    @Test
    void withoutPreallocationTheFileIsExactlyItsLines() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        byte[] line = line(1);
        try (Journal.Writer writer = Journal.Writer.create(fs, dir, 1, 0)) {
            writer.append(ByteBuffer.wrap(line));
            writer.append(ByteBuffer.wrap(line));
            writer.sync();
        }

        assertThat(fs.crashImage().read(dir.resolve(Journal.name(1)))).hasSize(2 * line.length);
    }

    @Test
    void scanHandsOverEveryLineWithItsOffsetAndEndsCleanAtTheZeroFill() throws Exception {
        byte[] journal = concat(line(1), line(2), line(3), new byte[64]);

        List<Long> offsets = offsets(journal);

        long second = line(1).length;
        assertThat(offsets).containsExactly(0L, second, second + line(2).length);
        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), (l, n, o) -> { });
        assertThat(scan.clean()).isTrue();
        assertThat(scan.corrupt()).isFalse();
        assertThat(scan.validEnd()).isEqualTo(journal.length - 64);
    }

    @Test
    void scanOfAJournalWithoutZeroFillEndsCleanAtItsEnd() throws Exception {
        byte[] journal = concat(line(1), line(2));

        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), (l, n, o) -> { });

        assertThat(scan.clean()).isTrue();
        assertThat(scan.validEnd()).isEqualTo(journal.length);
        assertThat(Journal.scan(new ByteArrayInputStream(new byte[0]), (l, n, o) -> { }).validEnd()).isZero();
    }

    @Test
    void anIncompleteLastLineStopsTheScanWithNothingValidAfterIt() throws Exception {
        byte[] torn = Arrays.copyOf(line(3), 20);
        byte[] journal = concat(line(1), line(2), torn, new byte[10]);

        List<Long> offsets = offsets(journal);
        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), (l, n, o) -> { });

        assertThat(offsets).hasSize(2);
        assertThat(scan.clean()).isFalse();
        assertThat(scan.corrupt()).isFalse();
        assertThat(scan.validEnd()).isEqualTo(line(1).length + line(2).length);
        assertThat(scan.problemOffset()).isEqualTo(scan.validEnd());
        assertThat(scan.notReplayed()).isZero();
    }

    @Test
    void aDamagedLineFollowedByValidOnesIsCorruptionCountingWhatFollows() throws Exception {
        byte[] damaged = line(2);
        damaged[10] ^= 0x04;
        byte[] journal = concat(line(1), damaged, line(3), line(4));

        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), (l, n, o) -> { });

        assertThat(offsets(journal)).containsExactly(0L);
        assertThat(scan.corrupt()).isTrue();
        assertThat(scan.problemOffset()).isEqualTo(line(1).length);
        assertThat(scan.notReplayed()).isEqualTo(3);
    }

    @Test
    void dataAfterTheZeroFillIsReportedWhereItStarts() throws Exception {
        byte[] journal = concat(line(1), new byte[16], line(2));

        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), (l, n, o) -> { });

        assertThat(scan.clean()).isFalse();
        assertThat(scan.validEnd()).isEqualTo(line(1).length);
        assertThat(scan.problemOffset()).isEqualTo(line(1).length + 16);
        assertThat(scan.notReplayed()).isEqualTo(1);
        assertThat(scan.corrupt()).isTrue();
    }

    @Test
    void twoLinesMergedByALostNewlineCountTheSecondAsValid() throws Exception {
        byte[] first = line(1);
        byte[] merged = concat(Arrays.copyOf(first, first.length - 1), line(2));

        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(merged), (l, n, o) -> { });

        assertThat(scan.problemOffset()).isZero();
        assertThat(scan.notReplayed()).isEqualTo(1);
        assertThat(scan.corrupt()).isTrue();
    }

    @Test
    void longLinesAreReadWhole() throws Exception {
        List<RecordChange> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(new RecordChange.RemoveCampaign(Fixtures.guild(1), ChannelId.of(100_000 + i)));
        }
        byte[] big = JournalCodec.line(1, JournalCodec.encodeBody(Fixtures.guild(1), many));
        assertThat(big.length).isGreaterThan(1 << 16);
        byte[] journal = concat(big, line(2));
        List<Integer> lengths = new ArrayList<>();

        Journal.scan(new ByteArrayInputStream(journal), (line, length, offset) -> lengths.add(length));

        assertThat(lengths).containsExactly(big.length - 1, line(2).length - 1);
    }

    @Test
    void generationZeroIsAJournalToo() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        fs.createNew(dir.resolve(Journal.name(1))).close();
        fs.createNew(dir.resolve(Journal.name(0))).close();

        assertThat(Journal.list(fs, dir)).extracting(Journal::generation).containsExactly(0L, 1L);
    }

    @Test
    void aLineThatFillsThePreallocationExactlyDoesNotGrowTheFile() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        byte[] line = line(1);
        try (Journal.Writer writer = Journal.Writer.create(fs, dir, 1, line.length)) {
            writer.append(ByteBuffer.wrap(line));
            writer.sync();
        }

        assertThat(fs.read(dir.resolve(Journal.name(1)))).isEqualTo(line);
    }

    @Test
    void aClosedWriterCannotAppend() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Journal.Writer writer = Journal.Writer.create(fs, dir, 1, 100);
        writer.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.append(ByteBuffer.wrap(line(1))))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aTornLineCutByTheZeroFillWithValidLinesLaterIsCorruption() throws Exception {
        byte[] journal = concat(line(1), Arrays.copyOf(line(2), 30), new byte[5],
                "junk\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), line(3));

        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), (l, n, o) -> { });

        assertThat(scan.validEnd()).isEqualTo(line(1).length);
        assertThat(scan.notReplayed()).isEqualTo(2);
        assertThat(scan.corrupt()).isTrue();
    }

    @Test
    void aDamagedLineMergedWithAnotherDamagedOneIsDamageCountingTheDamagedLineOnly() throws Exception {
        byte[] first = line(1);
        byte[] second = line(2);
        second[second.length - 4] ^= 0x01; // inside the checksum
        byte[] merged = concat(Arrays.copyOf(first, first.length - 1), second);

        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(merged), (l, n, o) -> { });

        assertThat(scan.problemOffset()).isZero();
        // a complete line (it ends in a newline) was acknowledged: its damage is a loss, not a torn tail
        assertThat(scan.notReplayed()).isEqualTo(1);
        assertThat(scan.corrupt()).isTrue();
    }
}
