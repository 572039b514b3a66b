package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** {@code {"G": ..., "G": ...}}: the guild's entries only (an empty object when it has none). */
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

    /**
     * Reads a file to its end, keeping the guild's top-level entries.
     *
     * @param in the file, opened by {@link FileSystemOps#openRead} (no link followed)
     * @param guild the guild
     * @param limit the most bytes read (the size the manifest lists; more is damage)
     * @return what was found
     * @throws IOException if reading fails
     */
    static GuildScan scan(InputStream in, GuildId guild, long limit) throws IOException {
        byte[] key = guild.value().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean firstKept = true;
        byte[] buffer = new byte[1 << 16];
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
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - count))) > 0) {
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
        }
        if (depth != 0 || inString || keeping) {
            unsure = true;
        }
        out.write('}');
        return new GuildScan(out.toByteArray(), new SeedFormat.FileSum(count, crc.getValue()), unsure);
    }
}
