package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Makes a checkpoint cost what changed: remembers where the last checkpoint put each guild's entry
 * in each live snapshot file and in its backup's gzip file, so the next checkpoint copies the
 * entries of unchanged guilds (the same {@link GuildState} object, states being immutable) from
 * those files and serialises and compresses only the others. The files it writes are byte for byte
 * what a full write produces; every copied range is checked against the CRC32C it had when written
 * and, if it differs (or the file is gone), serialised again.
 *
 * <p>Only offsets and checksums are kept (about 200 bytes a guild), never the bytes themselves.
 * Used by one checkpoint at a time; a failed checkpoint {@link #clear}s it, so the next is full.
 */
final class CheckpointCache {

    private static final byte[] FIRST = "{\n  ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT = ",\n  ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final int SLOT = 5;

    /** One guild's places in the three files; per file: live offset, live length|crc, gz offset, gz length|crc, first. */
    private static final class Entry {
        final GuildState state;
        final long[] slots = new long[SeedFormat.FILES.size() * SLOT];

        Entry(GuildState state) {
            this.state = state;
        }
    }

    private Map<GuildId, Entry> entries = new HashMap<>();
    private String backupId;
    private Map<GuildId, Entry> next;
    private long reused;
    private long written;

    /** Forgets everything: the next checkpoint writes every guild. */
    void clear() {
        entries = new HashMap<>();
        backupId = null;
        next = null;
    }

    /** Starts a checkpoint. */
    void begin() {
        next = new HashMap<>(Math.max(16, entries.size() * 4 / 3 + 1));
        reused = 0;
        written = 0;
    }

    /** Makes the checkpoint just written (backup {@code id}) the base of the next one. */
    void commit(String id) {
        entries = next;
        backupId = id;
        next = null;
    }

    /** Guild entries copied from the previous checkpoint's files by the current or last checkpoint. */
    long reused() {
        return reused;
    }

    /** Guild entries serialised by the current or last checkpoint. */
    long written() {
        return written;
    }

    /**
     * Writes one snapshot file to {@code live} and its gzip to {@code gz}.
     *
     * @return the live file's size and CRC32C
     */
    SeedFormat.FileSum write(FileSystemOps fs, Path dataDir, String file, List<GuildState> guilds,
                             OutputStream live, OutputStream gz) throws IOException {
        int f = SeedFormat.FILES.indexOf(file);
        if (f < 0) {
            throw new IllegalArgumentException("unknown snapshot file " + file);
        }
        FragmentSerializer serializer = new FragmentSerializer();
        try (Source oldLive = Source.open(fs, entries.isEmpty() ? null : dataDir.resolve(file));
             Source oldGz = Source.open(fs, entries.isEmpty() || backupId == null ? null
                     : Backups.dir(dataDir).resolve(backupId).resolve(Backups.gzName(file)));
             DeflatePieces deflate = new DeflatePieces()) {
            CRC32C liveCrc = new CRC32C();
            CRC32 gzipCrc = new CRC32();
            long livePos = 0;
            long gzPos = 0;
            gz.write(DeflatePieces.HEADER);
            gzPos += DeflatePieces.HEADER.length;
            boolean first = true;
            for (GuildState state : guilds) {
                Entry old = entries.get(state.guild());
                Entry entry = next.computeIfAbsent(state.guild(), g -> new Entry(state));
                int base = f * SLOT;
                boolean same = old != null && old.state == state;
                byte[] body = null;
                if (same && old.slots[base + 1] != 0) {
                    body = oldLive.read(old.slots[base], old.slots[base + 1]);
                } else if (same) {
                    continue; // no entry in this file, and unchanged
                }
                if (body == null) {
                    body = serializer.fragment(file, state);
                    if (body.length == 0) {
                        continue;
                    }
                    written++;
                } else {
                    reused++;
                }
                byte[] separator = first ? FIRST : NEXT;
                byte[] piece = null;
                if (body != null && same && (old.slots[base + 4] == 1) == first) {
                    piece = oldGz.read(old.slots[base + 2], old.slots[base + 3]);
                }
                if (piece == null) {
                    piece = deflate.piece(separator, body);
                }
                live.write(separator);
                liveCrc.update(separator);
                gzipCrc.update(separator);
                livePos += separator.length;
                entry.slots[base] = livePos;
                entry.slots[base + 1] = lengthAndCrc(body);
                live.write(body);
                liveCrc.update(body);
                gzipCrc.update(body);
                livePos += body.length;
                entry.slots[base + 2] = gzPos;
                entry.slots[base + 3] = lengthAndCrc(piece);
                entry.slots[base + 4] = first ? 1 : 0;
                gz.write(piece);
                gzPos += piece.length;
                first = false;
            }
            byte[] end = first ? EMPTY : END;
            live.write(end);
            liveCrc.update(end);
            gzipCrc.update(end);
            livePos += end.length;
            gz.write(deflate.piece(new byte[0], end));
            deflate.finish(gz, gzipCrc.getValue(), livePos);
            return new SeedFormat.FileSum(livePos, liveCrc.getValue());
        }
    }

    /** A byte count (high 32 bits) and CRC32C (low 32 bits); never 0 for a non-empty range. */
    private static long lengthAndCrc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return ((long) bytes.length << 32) | crc.getValue();
    }

    /** The previous checkpoint's file, read forward; any range it cannot give back is null. */
    private static final class Source implements AutoCloseable {
        private final InputStream in;
        private long position;
        private boolean broken;

        private Source(InputStream in) {
            this.in = in;
            this.broken = in == null;
        }

        static Source open(FileSystemOps fs, Path path) {
            if (path == null) {
                return new Source(null);
            }
            try {
                return new Source(new BufferedInputStream(fs.openRead(path), 1 << 16));
            } catch (IOException | RuntimeException e) {
                return new Source(null); // gone or unsafe: everything is serialised again
            }
        }

        /** The bytes at {@code offset} if they still have the length and CRC32C recorded, else null. */
        byte[] read(long offset, long lengthAndCrc) {
            if (broken || offset < position) {
                return null;
            }
            int length = (int) (lengthAndCrc >>> 32);
            try {
                long skip = offset - position;
                while (skip > 0) {
                    long n = in.skip(skip);
                    if (n <= 0) {
                        broken = true;
                        return null;
                    }
                    skip -= n;
                    position += n;
                }
                byte[] bytes = in.readNBytes(length);
                position += bytes.length;
                if (bytes.length != length || lengthAndCrc(bytes) != lengthAndCrc) {
                    return null;
                }
                return bytes;
            } catch (IOException e) {
                broken = true;
                return null;
            }
        }

        @Override
        public void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // read-only; nothing to lose
                }
            }
        }
    }
}
