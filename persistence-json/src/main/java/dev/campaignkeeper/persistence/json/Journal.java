package dev.campaignkeeper.persistence.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Journal files {@code journal-NNNNNNNNNN.log}: a generation number in the name, mutations as
 * JSON lines inside. A new generation starts at every checkpoint and every open; files are
 * preallocated with zeros so appends within the allocation only need fdatasync.
 */
final class Journal {

    static final Pattern NAME = Pattern.compile("journal-(\\d{10})\\.log");
    private static final int MAX_LINE = 16 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private Journal() {
    }

    static String name(long generation) {
        return String.format("journal-%010d.log", generation);
    }

    /** Generation of a journal file name, or -1 if it is not one. */
    static long generation(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The journal files of a directory, ordered by generation. */
    static List<Path> list(FileSystemOps fs, Path dir) throws IOException {
        List<Path> journals = new ArrayList<>();
        for (Path path : fs.list(dir)) {
            if (generation(path) >= 0) {
                journals.add(path);
            }
        }
        journals.sort((a, b) -> Long.compare(generation(a), generation(b)));
        return journals;
    }

    /** Appends lines to one journal file. Not thread-safe: the group-commit leader owns it. */
    static final class Writer implements Closeable {
        private final FileSystemOps.WritableFile file;
        private final long generation;
        private final long preallocate;
        private long position;
        private long allocated;
        private boolean metadataDirty;

        private Writer(FileSystemOps.WritableFile file, long generation, long preallocate, long allocated) {
            this.file = file;
            this.generation = generation;
            this.preallocate = preallocate;
            this.allocated = allocated;
        }

        /** Creates a new journal, preallocated and durable (file and directory entry). */
        static Writer create(FileSystemOps fs, Path dir, long generation, long preallocate) throws IOException {
            Path path = dir.resolve(name(generation));
            FileSystemOps.WritableFile file = fs.createNew(path);
            try {
                zeros(file, 0, preallocate);
                file.force(true);
                fs.fsyncDirectory(dir);
                return new Writer(file, generation, preallocate, preallocate);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }

        private static void zeros(FileSystemOps.WritableFile file, long from, long length) throws IOException {
            long at = from;
            long end = from + length;
            while (at < end) {
                ByteBuffer chunk = ZEROS.duplicate();
                chunk.limit((int) Math.min(chunk.capacity(), end - at));
                int n = chunk.remaining();
                file.write(chunk, at);
                at += n;
            }
        }

        long generation() {
            return generation;
        }

        long position() {
            return position;
        }

        /** Writes bytes at the end of the valid data. */
        void append(ByteBuffer data) throws IOException {
            int length = data.remaining();
            file.write(data, position);
            position += length;
            if (position > allocated) {
                metadataDirty = true;
                if (preallocate > 0) {
                    zeros(file, position, preallocate);
                    allocated = position + preallocate;
                } else {
                    allocated = position;
                }
            }
        }

        /** Makes everything appended durable: fdatasync, or fsync when the size changed. */
        void sync() throws IOException {
            file.force(metadataDirty);
            metadataDirty = false;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /**
     * What a scan of one journal found.
     *
     * @param validEnd byte offset after the last line handed to the consumer
     * @param problem what stopped the scan, or null when the journal is clean
     * @param problemOffset where that problem starts, or -1
     * @param notReplayed lines after the problem that look like entries (checksum-valid, or complete
     *                    lines whose checksum fails), which a replay cannot apply
     * @param damaged whether the problem is damage rather than a torn tail: anything but an
     *                incomplete last line (no newline, only zero fill or the file's end after it)
     * @param lossUnknown whether an unknown number of entries may be gone (a truncated or unreadable file)
     * @param crlfLines lines that ended in CRLF (a text tool converted the file) and were still accepted
     */
    record Scan(long validEnd, String problem, long problemOffset, int notReplayed, boolean damaged,
                boolean lossUnknown, int crlfLines) {

        static Scan unreadable(String why) {
            return new Scan(0, why, 0, 0, true, true, 0);
        }

        boolean clean() {
            return problem == null;
        }

        /** Damage (reported, the file kept), not a torn tail of a crashed write (dropped quietly). */
        boolean corrupt() {
            return damaged;
        }

        /** Whether entries may have been lost: lines not replayed, or an unknown amount gone. */
        boolean lossPossible() {
            return damaged && (notReplayed > 0 || lossUnknown);
        }

        private Scan withCrlf(int lines) {
            return new Scan(validEnd, problem, problemOffset, notReplayed, damaged, lossUnknown, lines);
        }
    }

    /** Receives valid lines in order. */
    interface LineConsumer {
        void accept(byte[] line, int length, long offset) throws IOException;
    }

    /** {@link #scan(InputStream, long, LineConsumer)} without knowing the preallocation size. */
    static Scan scan(InputStream raw, LineConsumer consumer) throws IOException {
        return scan(raw, 0, consumer);
    }

    /**
     * Reads a journal, handing every checksum-valid line before the first bad one to
     * {@code consumer}, and classifies what stopped it. Only an incomplete last line (no newline)
     * followed by nothing but the zero fill, or by the file's end in a file that grew past its
     * preallocation, is a torn tail (a write a crash interrupted: never acknowledged). Everything
     * else is damage: a complete line whose checksum fails, a line longer than the limit, data after
     * the zero fill, or a file that ends inside a line before its preallocated size (truncated).
     *
     * @param preallocated the size journals are preallocated to (0 if unknown or none)
     */
    static Scan scan(InputStream raw, long preallocated, LineConsumer consumer) throws IOException {
        Bytes in = new Bytes(raw);
        long offset = 0;
        int crlf = 0;
        while (true) {
            Scan stop = scanStep(in, offset, preallocated, consumer);
            if (stop != null) {
                return stop.withCrlf(crlf);
            }
            if (in.crlf) {
                crlf++;
            }
            offset += in.lineLength + 1;
        }
    }

    /** Reads one line: null when it was valid and handed on, else why the scan ends. */
    private static Scan scanStep(Bytes in, long offset, long preallocated, LineConsumer consumer)
            throws IOException {
        in.crlf = false;
        int first = in.peek();
        if (first < 0) {
            return new Scan(offset, null, -1, 0, false, false, 0);
        }
        if (first == 0) {
            long at = offset;
            int b;
            while ((b = in.read()) == 0) {
                at++;
            }
            if (b < 0) {
                return new Scan(offset, null, -1, 0, false, false, 0);
            }
            return new Scan(offset, "unexpected data after the end of the journal's zero fill", at,
                    countAfter(in, b, false), true, false, 0);
        }
        int terminator = in.readLine(MAX_LINE);
        byte[] line = in.line;
        int length = in.lineLength;
        if (terminator == Bytes.TOO_LONG) {
            return new Scan(offset, "line longer than " + MAX_LINE + " bytes", offset,
                    countAfter(in, -1, true), true, false, 0);
        }
        if (terminator != '\n') {
            return incompleteLine(in, offset, terminator, line, length, preallocated, consumer);
        }
        int valid = length;
        if (!JournalCodec.checksumMatches(line, length) && length > 0 && line[length - 1] == '\r'
                && JournalCodec.checksumMatches(line, length - 1)) {
            valid = length - 1;
            in.crlf = true;
        }
        if (valid == length && !JournalCodec.checksumMatches(line, length)) {
            // a complete line was acknowledged: one entry not replayed, also when a lost newline merged
            // a damaged entry with a valid one (the line counts once either way)
            return new Scan(offset, "checksum mismatch in a complete line", offset,
                    1 + countAfter(in, -1, false), true, false, 0);
        }
        consumer.accept(line, valid, offset);
        return null;
    }

    /** The last line has no newline: a torn tail, or damage when data or a too-short file says so. */
    private static Scan incompleteLine(Bytes in, long offset, int terminator, byte[] line, int length,
                                       long preallocated, LineConsumer consumer) throws IOException {
        long end = offset + length;
        if (terminator == 0) {
            int b;
            while ((b = in.read()) == 0) {
                end++;
            }
            if (b >= 0) {
                return new Scan(offset, "a line broken off by zero bytes, with more data after them", offset,
                        1 + countAfter(in, b, false), true, false, 0);
            }
        } else if (preallocated > 0 && end < preallocated) {
            return new Scan(offset, "the file ends at byte " + end + " inside a line, before its preallocated size of "
                    + preallocated + " bytes (it was truncated; what followed is gone)", offset, 0, true, true, 0);
        }
        if (length > 1 && JournalCodec.checksumMatches(line, length - 1)) {
            // a complete entry whose newline was damaged: it is provably intact, so replay it
            consumer.accept(line, length - 1, offset);
            return new Scan(offset + length, "the newline ending the entry at byte " + offset + " is damaged", offset,
                    0, true, false, 0);
        }
        return new Scan(offset, "incomplete last line", offset, 0, false, false, 0);
    }

    /** Unsynchronised buffered reading: single bytes, or whole lines found by scanning the buffer. */
    private static final class Bytes {
        static final int TOO_LONG = -2;
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        byte[] line = new byte[4096];
        int lineLength;
        boolean crlf;

        Bytes(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        int peek() throws IOException {
            return fill() ? buffer[position] & 0xff : -1;
        }

        int read() throws IOException {
            return fill() ? buffer[position++] & 0xff : -1;
        }

        /**
         * Reads bytes into {@link #line} up to a newline (consumed, returns '\n'), a NUL (not
         * consumed, returns 0), the end (returns -1) or {@code max} bytes (returns TOO_LONG).
         */
        int readLine(int max) throws IOException {
            lineLength = 0;
            while (fill()) {
                int i = position;
                while (i < limit && buffer[i] != '\n' && buffer[i] != 0) {
                    i++;
                }
                int n = i - position;
                if (lineLength + n > max) {
                    return TOO_LONG;
                }
                if (lineLength + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
                }
                System.arraycopy(buffer, position, line, lineLength, n);
                lineLength += n;
                position = i;
                if (i < limit) {
                    if (buffer[i] == '\n') {
                        position++;
                        return '\n';
                    }
                    return 0;
                }
            }
            return -1;
        }
    }

    /**
     * Counts, in the rest of a stream, the lines a replay would have applied: checksum-valid lines
     * (a CRLF ending tolerated). Zero fill ends the count.
     */
    private static int countAfter(Bytes in, int first, boolean skipFirst) throws IOException {
        int count = 0;
        byte[] line = new byte[4096];
        int length = 0;
        int b = first < 0 ? in.read() : first;
        while (b >= 0) {
            if (b == '\n') {
                if (!skipFirst && (JournalCodec.checksumMatches(line, length) || (length > 0
                        && line[length - 1] == '\r' && JournalCodec.checksumMatches(line, length - 1)))) {
                    count++;
                }
                skipFirst = false;
                length = 0;
            } else if (length < MAX_LINE) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = (byte) b;
            }
            b = in.read();
        }
        return count;
    }
}
