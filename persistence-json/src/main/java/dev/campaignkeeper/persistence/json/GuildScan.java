package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * One guild's part of a snapshot file the manifest vouches for, found without a JSON parser: the
 * file's bytes are summed (size and CRC32C, as {@link SeedFormat.SummingInputStream} does) and
 * scanned at the byte level (strings and escapes tracked, nesting counted) for the top-level
 * entries named by the guild's id; only those entries are kept, as a small document of the same
 * shape for {@link SeedFormat#readChanges}. Whether the rest is sound is proven by the checksum,
 * not by parsing it: the caller compares the sum with the manifest and treats a mismatch as damage
 * whatever the scan found. A file whose structure the scan cannot follow (a key with an escape, a
 * nesting that does not close) is reported as {@link #unsure()}: the caller then parses it whole.
 */
final class GuildScan {

    private final byte[] document;
    private final SeedFormat.FileSum sum;
    private final boolean unsure;

    private GuildScan(byte[] document, SeedFormat.FileSum sum, boolean unsure) {
        this.document = document;
        this.sum = sum;
        this.unsure = unsure;
    }

    /**
     * {@code {"G": ..., "G": ...}}: the guild's entries only (an empty object when it has none); of no
     * use when {@link #unsure()}.
     */
    byte[] document() {
        return document.clone();
    }

    /** The whole file's size and CRC32C. */
    SeedFormat.FileSum sum() {
        return sum;
    }

    /** Whether the bytes did not have the shape the store writes (the file must be parsed whole). */
    boolean unsure() {
        return unsure;
    }

    /** Bytes read from the file at a time. */
    private static final int CHUNK = 1 << 20;

    /** How a file the store wrote begins: its guilds pretty-printed with a two-space indent. */
    private static final byte[] INDENTED = {'{', '\n', ' ', ' ', '"'};

    /**
     * Reads a file to its end, keeping the guild's top-level entries.
     *
     * <p>A file that begins as the store writes it (pretty-printed, two-space indent: {@code {\n  "})
     * is searched for the guild's key line ({@code \n  "G":}, found by a Boyer-Moore-Horspool skip
     * rather than byte by byte), each entry ending at the next line indented by exactly two spaces
     * (its closing bracket, or the next key after a one-line value) or at the file's closing
     * brace. This relies on what any valid JSON guarantees (a newline byte is never inside a
     * string) and on the indent being the same throughout, which the checksum the caller compares
     * vouches for: the bytes are the ones the store wrote. Any other file is tracked byte by byte
     * (strings, escapes, nesting).
     *
     * @param in the file, opened by {@link FileSystemOps#openRead} (no link followed)
     * @param guild the guild
     * @param limit the most bytes read (the size the manifest lists; more is damage)
     * @return what was found
     * @throws IOException if reading fails
     */
    static GuildScan scan(InputStream in, GuildId guild, long limit) throws IOException {
        return scan(in, guild, limit, CHUNK);
    }

    /** {@link #scan(InputStream, GuildId, long)} reading {@code chunk} bytes at a time (tests: small reads). */
    static GuildScan scan(InputStream in, GuildId guild, long limit, int chunk) throws IOException {
        byte[] key = guild.value().getBytes(StandardCharsets.UTF_8);
        byte[] window = new byte[chunk + key.length + 16];
        long max = limit + 1; // one byte more than listed proves a size mismatch
        int want = (int) Math.min(Math.max(chunk, INDENTED.length), max); // enough to tell the layout
        int n = in.readNBytes(window, 0, want);
        boolean indented = n >= INDENTED.length
                && Arrays.equals(window, 0, INDENTED.length, INDENTED, 0, INDENTED.length);
        return indented ? scanIndented(in, key, window, n, n < want, max, chunk)
                : scanBytes(in, key, window, n, max, chunk);
    }

    /**
     * Reads a file to its end, keeping the top-level entries of several guilds. A file in the
     * store's layout is split by {@link GuildSplit}; any other is {@link #unsure()} (the caller then
     * parses it whole).
     *
     * @param in the file, opened by {@link FileSystemOps#openRead} (no link followed)
     * @param guilds the guilds
     * @param limit the most bytes read (the size the manifest lists; more is damage)
     * @return what was found
     * @throws IOException if reading fails
     */
    static GuildScan scan(InputStream in, Set<GuildId> guilds, long limit) throws IOException {
        Set<String> keys = new HashSet<>();
        guilds.forEach(guild -> keys.add(guild.value()));
        GuildSplit split = new GuildSplit(in, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean first = true;
        for (GuildSplit.Entry entry = split.next(); entry != null; entry = split.next()) {
            if (keys.contains(entry.key())) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(('"' + entry.key() + "\":").getBytes(StandardCharsets.UTF_8));
                out.write(entry.value());
            }
        }
        split.drain();
        out.write('}');
        return new GuildScan(out.toByteArray(), split.sum(), split.unsure());
    }

    /** The store's own layout: key lines found by a skip search, entries ended by the indent. */
    private static GuildScan scanIndented(InputStream in, byte[] key, byte[] window, int firstRead,
                                          boolean ended, long max, int chunk) throws IOException {
        byte[] needle = new byte[key.length + 6]; // \n  "G":
        needle[0] = '\n';
        needle[1] = ' ';
        needle[2] = ' ';
        needle[3] = '"';
        System.arraycopy(key, 0, needle, 4, key.length);
        needle[key.length + 4] = '"';
        needle[key.length + 5] = ':';
        int m = needle.length;
        int[] skip = new int[256];
        Arrays.fill(skip, m);
        for (int k = 0; k < m - 1; k++) {
            skip[needle[k] & 0xff] = m - 1 - k;
        }
        CRC32C crc = new CRC32C();
        crc.update(window, 0, firstRead);
        long count = firstRead;
        Kept out = new Kept();
        out.write('{');
        boolean firstKept = true;
        boolean keeping = false;
        boolean unsure = false;
        int keepFrom = 0;
        int pos = 0;
        int length = firstRead;
        boolean end = ended; // at the limit, the next pass reads nothing and ends
        while (true) {
            if (!keeping) {
                int found = -1;
                int i = pos;
                while (i <= length - m) {
                    byte last = window[i + m - 1];
                    if (last == ':' && Arrays.equals(window, i, i + m, needle, 0, m)) {
                        found = i;
                        break;
                    }
                    i += skip[last & 0xff];
                }
                if (found >= 0) {
                    if (!firstKept) {
                        out.write(',');
                    }
                    firstKept = false;
                    out.write(needle, 3, m - 3); // "G":
                    keeping = true;
                    keepFrom = found + m;
                    pos = keepFrom;
                    continue;
                }
                pos = i; // every start before i is ruled out; a key line from i on may straddle the next read
            } else {
                // the entry ends at the next line indented by exactly two spaces, or at the file's "\n}"
                int close = -1;
                boolean oneLine = false; // the value ends before the newline at close
                int j = pos;
                for (; j + 3 < length; j++) {
                    if (window[j] != '\n') {
                        continue;
                    }
                    byte b1 = window[j + 1];
                    if (b1 == '}') { // the file's closing brace: a one-line last value
                        oneLine = true;
                        close = j;
                        break;
                    }
                    if (b1 != ' ' || window[j + 2] != ' ') {
                        continue;
                    }
                    byte b3 = window[j + 3];
                    if (b3 == '}' || b3 == ']') { // the value's closing bracket
                        close = j + 4;
                        break;
                    }
                    if (b3 == '"') { // the next key: the value was on one line
                        oneLine = true;
                        close = j;
                        break;
                    }
                    if (b3 != ' ' && b3 != '\t' && b3 != '\r' && b3 != '\n') {
                        unsure = true; // a top-level value that is not an object: not the store's shape
                    }
                }
                for (int k = j; close < 0 && end && k + 1 < length; k++) {
                    if (window[k] == '\n' && window[k + 1] == '}') { // "\n}" in the file's last bytes
                        oneLine = true;
                        close = k;
                    }
                }
                if (close >= 0) {
                    out.write(window, keepFrom, close - keepFrom);
                    if (oneLine) {
                        out.dropSeparator(); // the value ended before "," and the newline
                    }
                    keeping = false;
                    pos = close;
                    continue;
                }
                int safe = Math.max(keepFrom, length - 3); // a "\n  X" may straddle the next read
                out.write(window, keepFrom, safe - keepFrom);
                keepFrom = safe;
                pos = safe;
            }
            if (end) {
                break;
            }
            // keep the unsearched tail, read the next chunk behind it
            int from = keeping ? Math.min(keepFrom, pos) : pos;
            int tail = length - from;
            System.arraycopy(window, from, window, 0, tail);
            keepFrom -= from;
            pos -= from;
            int want = (int) Math.min(chunk, max - count);
            int n = in.readNBytes(window, tail, want);
            crc.update(window, tail, n);
            count += n;
            length = tail + n;
            end = n < want || count >= max;
        }
        unsure |= keeping; // the file ended inside an entry
        out.write('}');
        return new GuildScan(out.toByteArray(), new SeedFormat.FileSum(count, crc.getValue()), unsure);
    }

    /** The kept bytes; a one-line value's trailing blanks and comma are dropped once its end is known. */
    private static final class Kept extends ByteArrayOutputStream {
        /** Drops trailing blanks, then one comma; the key's colon before the value stops it. */
        void dropSeparator() {
            while (isBlank(buf[count - 1])) {
                count--;
            }
            if (buf[count - 1] == ',') {
                count--;
            }
        }

        private static boolean isBlank(byte b) {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }
    }

    /** Any other layout: strings, escapes and nesting tracked byte by byte. */
    private static GuildScan scanBytes(InputStream in, byte[] key, byte[] buffer, int firstRead, long max,
                                       int chunk) throws IOException {
        CRC32C crc = new CRC32C();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean firstKept = true;
        long count = 0;
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        boolean expectKey = false; // at depth 1, the next string is a key
        boolean inKey = false;
        int keyPos = 0; // bytes of the key matched so far, -1 once it differs
        boolean keyEscaped = false;
        boolean matched = false; // the last key was the guild's
        boolean keeping = false; // inside a kept value (or its key)
        boolean unsure = false;
        int n = firstRead;
        while (n > 0) {
            crc.update(buffer, 0, n);
            count += n;
            int keepFrom = keeping ? 0 : -1;
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (inString) {
                    if (escape) {
                        escape = false;
                    } else if (b == '\\') {
                        escape = true;
                        keyEscaped |= inKey;
                    } else if (b == '"') {
                        inString = false;
                        if (inKey) {
                            inKey = false;
                            unsure |= keyEscaped;
                            matched = keyPos == key.length;
                        }
                    } else if (inKey && keyPos >= 0) {
                        keyPos = keyPos < key.length && key[keyPos] == b ? keyPos + 1 : -1;
                    }
                    continue;
                }
                switch (b) {
                    case '"' -> {
                        inString = true;
                        if (depth == 1 && expectKey) {
                            expectKey = false;
                            inKey = true;
                            keyPos = 0;
                            keyEscaped = false;
                        }
                    }
                    case '{', '[' -> {
                        depth++;
                        if (depth == 1) {
                            expectKey = b == '{';
                        }
                    }
                    case '}', ']' -> {
                        if (depth == 1 && keeping) {
                            out.write(buffer, keepFrom, i - keepFrom);
                            keeping = false;
                            keepFrom = -1;
                        }
                        depth--;
                        if (depth < 0) {
                            unsure = true;
                        }
                    }
                    case ':' -> {
                        if (depth == 1 && matched) {
                            matched = false;
                            if (!firstKept) {
                                out.write(',');
                            }
                            firstKept = false;
                            out.write('"');
                            out.write(key, 0, key.length);
                            out.write('"');
                            out.write(':');
                            keeping = true;
                            keepFrom = i + 1;
                        }
                    }
                    case ',' -> {
                        if (depth == 1) {
                            if (keeping) {
                                out.write(buffer, keepFrom, i - keepFrom);
                                keeping = false;
                                keepFrom = -1;
                            }
                            expectKey = true;
                        }
                    }
                    default -> {
                        // whitespace, numbers, literals: nothing to track
                    }
                }
            }
            if (keeping) {
                out.write(buffer, keepFrom, n - keepFrom);
            }
            n = in.read(buffer, 0, (int) Math.min(chunk, max - count)); // 0 once at the limit
        }
        if (depth != 0 || inString || keeping) {
            unsure = true;
        }
        out.write('}');
        return new GuildScan(out.toByteArray(), new SeedFormat.FileSum(count, crc.getValue()), unsure);
    }
}
