package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A snapshot file in the store's own layout (pretty-printed, two-space indent) split into its
 * top-level entries without a JSON parser, one entry at a time ({@link #next()}), the whole file
 * summed (size and CRC32C) as it goes. An entry is a line {@code   "KEY": VALUE} whose value either
 * ends on that line or continues on lines indented deeper up to the line indented by two spaces
 * that closes it; the comma separating it from the next entry is not part of it, so an entry reads
 * the same wherever it stands in the file. Like {@link GuildScan}, this relies on a newline byte
 * never being inside a JSON string and on the checksum the caller compares: whether the bytes are
 * sound is proven by the checksum, not by parsing them. A file in any other layout (or a key with
 * an escape) is reported as {@link #unsure()} and split no further.
 */
final class GuildSplit {

    /** One top-level entry: its key's text and its value's bytes (no separator). */
    record Entry(String key, byte[] value) {
    }

    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final long max;
    private final CRC32C crc = new CRC32C();
    private byte[] buffer;
    private int position;
    private int limit;
    private long count;
    private boolean eof;
    private int lineStart;
    private int keepFrom = -1;
    private int lineEnd;
    private boolean started;
    private boolean closed;
    private boolean unsure;

    /**
     * Splits a file.
     *
     * @param in the file's bytes (closed by the caller)
     * @param limit the most bytes read (the size the manifest lists; reading one more proves a mismatch)
     */
    GuildSplit(InputStream in, long limit) {
        this(in, limit, CHUNK);
    }

    /** {@link #GuildSplit(InputStream, long)} starting with a buffer of {@code chunk} bytes (tests: small reads). */
    GuildSplit(InputStream in, long limit, int chunk) {
        this.in = in;
        this.max = limit + 1;
        this.buffer = new byte[chunk];
    }

    /** Whether the file is not in the store's layout (its entries are then unknown). */
    boolean unsure() {
        return unsure;
    }

    /**
     * The size and CRC32C of every byte read so far (after {@link #drain()}: of the whole file, up to
     * one byte past the limit).
     */
    SeedFormat.FileSum sum() {
        return new SeedFormat.FileSum(count, crc.getValue());
    }

    /** Reads (and sums) the rest of the file, e.g. after the split became unsure. */
    void drain() throws IOException {
        position = limit;
        while (fill()) {
            position = limit;
        }
    }

    /**
     * The next entry.
     *
     * @return it, or null at the file's end or once the split is unsure
     * @throws IOException if reading fails
     */
    Entry next() throws IOException {
        if (unsure || closed) {
            return null;
        }
        if (!started) {
            started = true;
            if (!readLine()) {
                fail();
                return null;
            }
            if (lineIs("{}")) {
                end();
                return null;
            }
            if (!lineIs("{")) {
                fail();
                return null;
            }
        }
        if (!readLine()) {
            fail(); // ended without the closing brace
            return null;
        }
        if (lineIs("}")) {
            end();
            return null;
        }
        byte[] line = buffer;
        int s = lineStart;
        int e = lineEnd;
        if (e - s < 4 || line[s] != ' ' || line[s + 1] != ' ' || line[s + 2] != '"') {
            fail();
            return null;
        }
        int keyEnd = s + 3;
        while (keyEnd < e && line[keyEnd] != '"') {
            if (line[keyEnd] == '\\') {
                fail();
                return null;
            }
            keyEnd++;
        }
        if (keyEnd + 1 >= e || line[keyEnd + 1] != ':') {
            fail();
            return null;
        }
        String key = new String(line, s + 3, keyEnd - s - 3, StandardCharsets.UTF_8);
        int valueStart = keyEnd + 2;
        int last = trimmedEnd(line, valueStart, e);
        if (last <= valueStart) {
            fail();
            return null;
        }
        byte opener = line[last - 1];
        if (opener != '{' && opener != '[') {
            return new Entry(key, withoutComma(line, valueStart, e)); // a one-line value
        }
        keepFrom = valueStart; // the value's lines stay in the buffer until its closing line
        while (true) {
            if (!readLine()) {
                fail();
                return null;
            }
            s = lineStart;
            e = lineEnd;
            if (e - s < 3 || buffer[s] != ' ' || buffer[s + 1] != ' ') {
                fail();
                return null;
            }
            if (buffer[s + 2] == '}' || buffer[s + 2] == ']') {
                int end = withoutCommaEnd(buffer, s, e);
                byte[] value = Arrays.copyOfRange(buffer, keepFrom, end);
                keepFrom = -1;
                return new Entry(key, value);
            }
            if (buffer[s + 2] != ' ') {
                fail();
                return null;
            }
        }
    }

    private void fail() {
        unsure = true;
    }

    private void end() throws IOException {
        closed = true;
        // only blank bytes may follow the closing brace
        while (true) {
            while (position < limit) {
                byte b = buffer[position++];
                if (b != '\n' && b != ' ' && b != '\r' && b != '\t') {
                    unsure = true; // the caller drains the rest
                    return;
                }
            }
            if (!fill()) {
                return;
            }
        }
    }

    private boolean lineIs(String text) {
        int e = trimmedEnd(buffer, lineStart, lineEnd);
        int length = e - lineStart;
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[lineStart + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int trimmedEnd(byte[] line, int from, int to) {
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\r' || line[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    /** The bytes without trailing blanks, one trailing comma and the blanks before it. */
    private static byte[] withoutComma(byte[] line, int from, int to) {
        return Arrays.copyOfRange(line, from, withoutCommaEnd(line, from, to));
    }

    /**
     * Where the bytes end without trailing blanks, one trailing comma and the blanks before it; they
     * do not end blank (a one-line value is not empty, a closing line has its bracket).
     */
    private static int withoutCommaEnd(byte[] line, int from, int to) {
        int end = trimmedEnd(line, from, to);
        if (line[end - 1] == ',') {
            end = trimmedEnd(line, from, end - 1);
        }
        return end;
    }

    /**
     * The next line into [lineStart, lineEnd) of buffer (no newline); false at the end of the file.
     * Bytes from {@link #keepFrom} on (an entry being read) stay in the buffer, moved to its front.
     */
    private boolean readLine() throws IOException {
        int from = position;
        int i = from;
        while (true) {
            while (i < limit && buffer[i] != '\n') {
                i++;
            }
            if (i < limit) {
                lineStart = from;
                lineEnd = i;
                position = i + 1;
                return true;
            }
            // the line goes on past what is buffered: move what is kept to the front and read more
            int base = keepFrom >= 0 ? keepFrom : from;
            int kept = limit - base;
            if (kept == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            System.arraycopy(buffer, base, buffer, 0, kept);
            from -= base;
            i -= base;
            keepFrom = Math.min(keepFrom, 0); // a kept entry now begins the buffer (-1: none)
            limit = kept;
            position = kept;
            if (!fill()) {
                if (limit == from) {
                    return false;
                }
                lineStart = from;
                lineEnd = limit; // the last line, without a newline
                position = limit;
                return true;
            }
        }
    }

    /** Appends the next read after limit; false at the end (or past the limit). */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (limit == buffer.length) {
            // all consumed (drain, end): readLine moves a line it keeps to the front, with room after it
            limit = 0;
            position = 0;
        }
        int want = (int) Math.min(buffer.length - limit, max - count);
        int n = in.read(buffer, limit, want); // 0 once at the limit
        if (n <= 0) {
            eof = true;
            return false;
        }
        crc.update(buffer, limit, n);
        count += n;
        limit += n;
        return true;
    }
}
