package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * How a journal scan classifies each way a journal can end, byte for byte: CRLF endings, a lost
 * newline, a file cut before or exactly at its preallocated size, lines across the read buffer,
 * and the counting of entries after damage.
 */
class JournalScanTest {

    /** A checksum-valid line (the scan checks only the checksum) whose content is {@code body}. */
    private static byte[] line(String body) {
        byte[] prefix = body.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(prefix, 0, prefix.length);
        String suffix = ",\"crc32c\":\"" + SeedFormat.hex(crc.getValue()) + "\"}\n";
        return concat(prefix, suffix.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] line(int n) {
        return line("{\"seq\":" + n + ",\"x\":\"" + "y".repeat(n) + "\"");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] crlf(byte[] line) {
        byte[] out = Arrays.copyOf(line, line.length + 1);
        out[line.length - 1] = '\r';
        out[line.length] = '\n';
        return out;
    }

    private record Seen(List<Long> offsets, List<Integer> lengths, Journal.Scan scan) {
    }

    private static Seen scan(byte[] journal, long preallocated) throws Exception {
        List<Long> offsets = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Journal.Scan scan = Journal.scan(new ByteArrayInputStream(journal), preallocated, (l, n, o) -> {
            offsets.add(o);
            lengths.add(n);
        });
        return new Seen(offsets, lengths, scan);
    }

    @Test
    void crlfLinesAreReplayedWithoutTheirCarriageReturnAndCounted() throws Exception {
        byte[] a = crlf(line(1));
        byte[] b = crlf(line(2));
        byte[] c = line(3);

        Seen seen = scan(concat(a, b, c), 0);

        assertThat(seen.offsets()).containsExactly(0L, (long) a.length, (long) a.length + b.length);
        assertThat(seen.lengths()).containsExactly(a.length - 2, b.length - 2, c.length - 1);
        assertThat(seen.scan().crlfLines()).isEqualTo(2);
        assertThat(seen.scan().clean()).isTrue();
        assertThat(seen.scan().validEnd()).isEqualTo(a.length + b.length + c.length);
    }

    @Test
    void aLineEndingInACarriageReturnWhoseChecksumFailsIsDamage() throws Exception {
        byte[] bad = crlf(line(1));
        bad[3] ^= 0x01;

        Seen seen = scan(concat(bad, line(2)), 0);

        assertThat(seen.offsets()).isEmpty();
        assertThat(seen.scan().corrupt()).isTrue();
        assertThat(seen.scan().notReplayed()).isEqualTo(2);
        assertThat(seen.scan().crlfLines()).isZero();
    }

    @Test
    void entriesCountedAfterDamageIncludeCrlfLinesButNotBadOnes() throws Exception {
        byte[] bad = line(1);
        bad[2] ^= 0x01;
        byte[] alsoBad = line(3);
        alsoBad[4] ^= 0x02;

        Seen seen = scan(concat(bad, crlf(line(2)), alsoBad, line(4), crlf(line(5))), 0);

        // the damaged complete line itself, then lines 2, 4 and 5
        assertThat(seen.scan().notReplayed()).isEqualTo(4);
        assertThat(seen.scan().problemOffset()).isZero();
    }

    @Test
    void aLastLineWhoseNewlineIsDamagedIsReplayedAndReportedAsDamage() throws Exception {
        byte[] first = line(1);
        byte[] last = line(2);
        last[last.length - 1] = 'x'; // the newline became another byte, at the end of the file

        Seen seen = scan(concat(first, last), 0);

        assertThat(seen.offsets()).containsExactly(0L, (long) first.length);
        assertThat(seen.lengths()).containsExactly(first.length - 1, last.length - 1);
        assertThat(seen.scan().corrupt()).isTrue();
        assertThat(seen.scan().lossPossible()).isFalse();
        assertThat(seen.scan().validEnd()).isEqualTo(first.length + last.length);
        assertThat(seen.scan().problem()).isEqualTo("the newline ending the entry at byte " + first.length
                + " is damaged");
    }

    @Test
    void aFileCutInsideALineBeforeItsPreallocatedSizeWasTruncated() throws Exception {
        byte[] first = line(1);
        byte[] cut = Arrays.copyOf(line(2), 20);
        byte[] journal = concat(first, cut);

        Seen truncated = scan(journal, journal.length + 1);
        Seen torn = scan(journal, journal.length);
        Seen unknown = scan(journal, 0);

        assertThat(truncated.scan().corrupt()).isTrue();
        assertThat(truncated.scan().lossUnknown()).isTrue();
        assertThat(truncated.scan().problem()).startsWith("the file ends at byte " + journal.length
                + " inside a line, before its preallocated size of " + (journal.length + 1) + " bytes");
        assertThat(truncated.scan().problemOffset()).isEqualTo(first.length);
        // a file that grew to (or past) its preallocation ends with the torn write itself
        assertThat(torn.scan().corrupt()).isFalse();
        assertThat(torn.scan().problem()).isEqualTo("incomplete last line");
        assertThat(unknown.scan().corrupt()).isFalse();
        assertThat(torn.offsets()).containsExactly(0L);
    }

    @Test
    void aLineBrokenOffByZerosCountsTheLinesAfterTheZeros() throws Exception {
        byte[] first = line(1);
        byte[] journal = concat(first, Arrays.copyOf(line(2), 25), new byte[7], line(3), line(4));

        Seen seen = scan(journal, 0);

        assertThat(seen.scan().problem()).isEqualTo("a line broken off by zero bytes, with more data after them");
        assertThat(seen.scan().problemOffset()).isEqualTo(first.length);
        // the broken line, then lines 3 and 4
        assertThat(seen.scan().notReplayed()).isEqualTo(3);
        assertThat(seen.scan().corrupt()).isTrue();
    }

    @Test
    void zeroFillReachingTheEndIsACleanEnd() throws Exception {
        byte[] first = line(1);

        Seen seen = scan(concat(first, new byte[100]), 0);

        assertThat(seen.scan().clean()).isTrue();
        assertThat(seen.scan().validEnd()).isEqualTo(first.length);
    }

    @Test
    void dataAfterTheZeroFillIsFoundAtItsFirstByte() throws Exception {
        byte[] first = line(1);

        Seen seen = scan(concat(first, new byte[1], line(2), line(3)), 0);

        assertThat(seen.scan().problemOffset()).isEqualTo(first.length + 1);
        assertThat(seen.scan().notReplayed()).isEqualTo(2);
    }

    @Test
    void linesAcrossTheReadBufferAndLongerThanTheFirstLineBufferArriveWhole() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        // lengths around the 4 KiB line buffer and across the 64 KiB read buffer
        for (int n : new int[] {4000, 4100, 9000, 30000, 20000, 70000, 3}) {
            lines.add(line(n));
        }
        Seen seen = scan(concat(lines.toArray(byte[][]::new)), 0);

        long offset = 0;
        List<Long> offsets = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (byte[] one : lines) {
            offsets.add(offset);
            lengths.add(one.length - 1);
            offset += one.length;
        }
        assertThat(seen.offsets()).isEqualTo(offsets);
        assertThat(seen.lengths()).isEqualTo(lengths);
        assertThat(seen.scan().clean()).isTrue();
    }

    @Test
    void aLineOfExactlyTheMaximumIsReadAndOneByteMoreIsDamageCountingWhatFollows() throws Exception {
        int max = 16 << 20;
        String filler = "{\"seq\":1,\"x\":\"";
        int suffix = ",\"crc32c\":\"00000000\"}".length();
        byte[] longest = line(filler + "z".repeat(max - filler.length() - suffix));
        assertThat(longest.length - 1).isEqualTo(max);
        byte[] tooLong = line(filler + "z".repeat(max - filler.length() - suffix + 1));

        Seen fits = scan(concat(longest, line(2)), 0);
        Seen over = scan(concat(line(1), tooLong, line(3), crlf(line(4))), 0);

        assertThat(fits.lengths()).containsExactly(max, line(2).length - 1);
        assertThat(over.scan().problem()).isEqualTo("line longer than " + max + " bytes");
        assertThat(over.scan().problemOffset()).isEqualTo(line(1).length);
        // the rest of the long line is skipped, not counted; lines 3 and 4 would have been replayed
        assertThat(over.scan().notReplayed()).isEqualTo(2);
        assertThat(over.offsets()).containsExactly(0L);
    }
}
