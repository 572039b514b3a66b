package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a complete, consistent state: a gzip backup set, then the manifest naming it, then the
 * three live files. Every file goes through the atomic-replace recipe: dot-prefixed {@code .tmp}
 * in the same directory created 0600, every byte written, {@code force(true)}, close, atomic
 * rename, directory fsync.
 *
 * <p>Crash safety: until the new manifest is durable the old manifest, old live files and old
 * journals describe the old state exactly. Once it is durable, the live files either match it or
 * (crash during the renames) do not, and recovery then uses the backup it names, which is already
 * durable, plus the journals from its generation. Old journals are deleted by the caller only after
 * this returns.
 */
final class StateWriter {

    private StateWriter() {
    }

    /** Sorts guilds into file order and drops empty ones. */
    static List<GuildState> ordered(Collection<GuildState> guilds) {
        List<GuildState> list = new ArrayList<>();
        for (GuildState state : guilds) {
            if (!state.isEmpty()) {
                list.add(state);
            }
        }
        list.sort((a, b) -> SeedFormat.GUILD_ORDER.compare(a.guild(), b.guild()));
        return list;
    }

    static Path temp(Path dir, String name) {
        return dir.resolve("." + name + ".tmp");
    }

    /**
     * Writes the state at {@code seq}, replay to continue from journal generation {@code journalFrom}.
     *
     * @return the manifest now in force
     */
    static Manifest write(FileSystemOps fs, Path dataDir, Collection<GuildState> guilds, long seq,
                          long journalFrom, Instant now) throws IOException {
        return write(fs, dataDir, guilds, seq, journalFrom, now, null);
    }

    /**
     * Writes the state at {@code seq} like {@link #write(FileSystemOps, Path, Collection, long, long, Instant)},
     * copying the entries of guilds unchanged since the last write through {@code cache} from that
     * write's files instead of serialising them again (same bytes, same protocol).
     *
     * @param cache the store's checkpoint cache, or null to serialise everything
     * @return the manifest now in force
     */
    static Manifest write(FileSystemOps fs, Path dataDir, Collection<GuildState> guilds, long seq,
                          long journalFrom, Instant now, CheckpointCache cache) throws IOException {
        if (cache == null) {
            return writeState(fs, dataDir, guilds, seq, journalFrom, now, null);
        }
        boolean done = false;
        try {
            cache.begin();
            Manifest manifest = writeState(fs, dataDir, guilds, seq, journalFrom, now, cache);
            cache.commit(manifest.backupId());
            done = true;
            return manifest;
        } finally {
            if (!done) {
                cache.clear();
            }
        }
    }

    private static Manifest writeState(FileSystemOps fs, Path dataDir, Collection<GuildState> guilds, long seq,
                                       long journalFrom, Instant now, CheckpointCache cache) throws IOException {
        List<GuildState> list = ordered(guilds);
        Path backups = Backups.dir(dataDir);
        String unsafe = Backups.unsafeDir(fs, dataDir);
        if (unsafe != null) {
            throw new UnsafeFileException(backups, unsafe); // never write through a link
        }
        if (fs.kind(backups) == FileSystemOps.Kind.MISSING) {
            fs.createDirectory(backups);
            fs.fsyncDirectory(dataDir);
        }
        Instant stamp = now;
        String id = Backups.newId(stamp, seq);
        while (fs.exists(backups.resolve(id))) {
            stamp = stamp.plusMillis(1);
            id = Backups.newId(stamp, seq);
        }
        Path tmpBackup = temp(backups, id);
        removeTree(fs, tmpBackup);
        fs.createDirectory(tmpBackup);

        Map<String, SeedFormat.FileSum> sums = new LinkedHashMap<>();
        for (String file : SeedFormat.FILES) {
            Path liveTmp = temp(dataDir, file);
            fs.delete(liveTmp);
            try (FileSystemOps.WritableFile live = fs.createNew(liveTmp);
                 FileSystemOps.WritableFile gz = fs.createNew(tmpBackup.resolve(Backups.gzName(file)))) {
                FileOutput liveOut = new FileOutput(live);
                FileOutput gzOut = new FileOutput(gz);
                if (cache != null) {
                    sums.put(file, cache.write(fs, dataDir, file, list, liveOut, gzOut));
                    liveOut.flush();
                    gzOut.flush();
                    live.force(true);
                    gz.force(true);
                    continue;
                }
                GZIPOutputStream gzip = new GZIPOutputStream(gzOut, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
                SeedFormat.SummingOutputStream summing = new SeedFormat.SummingOutputStream(new Tee(liveOut, gzip));
                SeedFormat.write(file, list, summing);
                summing.flush();
                gzip.finish();
                liveOut.flush();
                gzOut.flush();
                live.force(true);
                gz.force(true);
                sums.put(file, summing.sum());
            }
        }
        Manifest backupManifest = new Manifest(Manifest.BACKUP, seq, journalFrom, sums, "", now);
        try (FileSystemOps.WritableFile file = fs.createNew(tmpBackup.resolve(Backups.MANIFEST))) {
            file.write(ByteBuffer.wrap(backupManifest.encode()), 0);
            file.force(true);
        }
        fs.fsyncDirectory(tmpBackup);
        fs.moveAtomic(tmpBackup, backups.resolve(id));
        fs.fsyncDirectory(backups);

        Manifest manifest = new Manifest(Manifest.LIVE, seq, journalFrom, sums, id, now);
        writeAtomically(fs, dataDir, Manifest.FILE, manifest.encode());

        for (String file : SeedFormat.FILES) {
            fs.moveAtomic(temp(dataDir, file), dataDir.resolve(file));
        }
        fs.fsyncDirectory(dataDir);
        return manifest;
    }

    /** The atomic-replace recipe for a small file. */
    static void writeAtomically(FileSystemOps fs, Path dir, String name, byte[] content) throws IOException {
        Path tmp = temp(dir, name);
        fs.delete(tmp);
        try (FileSystemOps.WritableFile file = fs.createNew(tmp)) {
            file.write(ByteBuffer.wrap(content), 0);
            file.force(true);
        }
        fs.moveAtomic(tmp, dir.resolve(name));
        fs.fsyncDirectory(dir);
    }

    static void removeTree(FileSystemOps fs, Path path) throws IOException {
        FileSystemOps.Kind kind = fs.kind(path);
        if (kind == FileSystemOps.Kind.MISSING) {
            return;
        }
        // a link to a directory is removed itself, never what it points to
        if (kind == FileSystemOps.Kind.DIRECTORY) {
            for (Path inner : fs.list(path)) {
                removeTree(fs, inner);
            }
        }
        fs.delete(path);
    }

    /** Removes orphaned dot-prefixed temp files and directories left by a crash. */
    static List<Path> removeOrphans(FileSystemOps fs, Path dataDir) throws IOException {
        List<Path> removed = new ArrayList<>(removeTemps(fs, dataDir));
        if (fs.kind(Backups.dir(dataDir)) == FileSystemOps.Kind.DIRECTORY) {
            removed.addAll(removeTemps(fs, Backups.dir(dataDir)));
        }
        return removed;
    }

    /**
     * The orphaned temp files and directories {@link #removeOrphans} would remove, without removing
     * them.
     */
    static List<Path> orphans(FileSystemOps fs, Path dataDir) throws IOException {
        List<Path> found = new ArrayList<>(temps(fs, dataDir));
        if (fs.kind(Backups.dir(dataDir)) == FileSystemOps.Kind.DIRECTORY) {
            found.addAll(temps(fs, Backups.dir(dataDir)));
        }
        return found;
    }

    private static List<Path> temps(FileSystemOps fs, Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path path : fs.list(dir)) {
            if (isTemp(path)) {
                found.add(path);
            }
        }
        return found;
    }

    private static boolean isTemp(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** Removes the dot-prefixed {@code .tmp} files and directories directly in one directory. */
    static List<Path> removeTemps(FileSystemOps fs, Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path path : fs.list(dir)) {
            if (isTemp(path)) {
                removeTree(fs, path);
                removed.add(path);
            }
        }
        return removed;
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
