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

    /** What a scan of one journal found. */
    record Scan(long validEnd, String problem, long problemOffset, int entriesAfterProblem) {
        boolean clean() {
            return problem == null;
        }

        /** A problem with valid entries after it: damage, not a torn tail. */
        boolean corrupt() {
            return problem != null && entriesAfterProblem > 0;
        }
    }

    /** Receives valid lines in order. */
    interface LineConsumer {
        void accept(byte[] line, int length, long offset) throws IOException;
    }

    /**
     * Reads a journal, handing every checksum-valid line before the first bad one to
     * {@code consumer}; stops there (a torn tail after a crash, or damage when valid lines follow).
     */
    static Scan scan(InputStream raw, LineConsumer consumer) throws IOException {
        Bytes in = new Bytes(raw);
        long offset = 0;
        while (true) {
            int first = in.peek();
            if (first < 0) {
                return new Scan(offset, null, -1, 0);
            }
            if (first == 0) {
                long zerosFrom = offset;
                long at = offset;
                int b;
                while ((b = in.read()) == 0) {
                    at++;
                }
                if (b < 0) {
                    return new Scan(zerosFrom, null, -1, 0);
                }
                return new Scan(zerosFrom, "unexpected data after the end of the journal's zero fill", at,
                        countValidAfter(in, b, false));
            }
            int terminator = in.readLine(MAX_LINE);
            byte[] line = in.line;
            int length = in.lineLength;
            if (terminator != '\n') {
                String why = terminator == Bytes.TOO_LONG ? "line longer than " + MAX_LINE + " bytes"
                        : "incomplete last line";
                return new Scan(offset, why, offset, terminator < 0 ? 0 : countValidAfter(in, -1, true));
            }
            if (!JournalCodec.checksumMatches(line, length)) {
                int embedded = containsValidEntry(line, length) ? 1 : 0;
                return new Scan(offset, "checksum mismatch", offset, embedded + countValidAfter(in, -1, false));
            }
            consumer.accept(line, length, offset);
            offset += length + 1;
        }
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

    /** Whether a bad line ends with a complete valid entry (two lines merged by a damaged newline). */
    private static boolean containsValidEntry(byte[] line, int length) {
        byte[] start = "{\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = length - start.length; at > 0; at--) {
            boolean match = true;
            for (int i = 0; i < start.length && match; i++) {
                match = line[at + i] == start[i];
            }
            if (match) {
                byte[] suffix = Arrays.copyOfRange(line, at, length);
                return JournalCodec.checksumMatches(suffix, suffix.length);
            }
        }
        return false;
    }

    /** Counts checksum-valid lines in the rest of a stream (to tell damage from a torn tail). */
    private static int countValidAfter(Bytes in, int first, boolean skipFirst) throws IOException {
        int count = 0;
        byte[] line = new byte[4096];
        int length = 0;
        int b = first < 0 ? in.read() : first;
        while (b >= 0) {
            if (b == '\n') {
                if (!skipFirst && JournalCodec.checksumMatches(line, length)) {
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
