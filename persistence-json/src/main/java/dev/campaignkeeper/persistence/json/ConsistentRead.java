package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a data directory without its lock while a writer may be checkpointing: a load counts only
 * if the directory's version (manifest, journal files, snapshot files) is the same before and
 * after it; otherwise it is repeated, a few times at most.
 */
final class ConsistentRead {

    /**
     * How many times a read is tried while the directory keeps changing under it: with the pauses
     * between them (growing to {@link #MAX_PAUSE_MILLIS}) about 9 s, so a writer that checkpoints
     * every few milliseconds still leaves a gap for one read.
     */
    static final int READ_ATTEMPTS = 40;
    static final long MAX_PAUSE_MILLIS = 250;

    private final FileSystemOps fs;
    private final Path dir;
    private final long preallocate;

    ConsistentRead(FileSystemOps fs, JsonStoreConfig config) {
        this.fs = Objects.requireNonNull(fs, "fs");
        this.dir = config.dataDir();
        this.preallocate = config.journalPreallocateBytes();
    }

    /**
     * Loads a consistent state without the lock, with where each event is (for verify): once,
     * unless the directory changed during the load; then again, a few times at most.
     *
     * @return the state
     * @throws DataDamagedException if nothing valid can be read
     * @throws StoreException if the directory cannot be read
     */
    Loader.Loaded load() {
        return load((dev.campaignkeeper.core.model.GuildId) null);
    }

    /**
     * {@link #load()} building only one guild (null: all); every file is still checked as by a
     * full load (see {@link Loader#load(FileSystemOps, Path, long, dev.campaignkeeper.core.model.GuildId)}).
     *
     * @param only the guild to build, or null for all
     * @return the state of that guild
     */
    Loader.Loaded load(dev.campaignkeeper.core.model.GuildId only) {
        return load(only == null ? null : java.util.Set.of(only));
    }

    /**
     * {@link #load()} building only the guilds of a set (null: all); every file is still checked as
     * by a full load.
     *
     * @param only the guilds to build, or null for all
     * @return the state of those guilds
     */
    Loader.Loaded load(java.util.Set<dev.campaignkeeper.core.model.GuildId> only) {
        StoreException last = null;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            boolean finalAttempt = attempt == READ_ATTEMPTS - 1;
            DirectoryVersion before = version();
            try {
                Loader.Loaded result = Loader.load(fs, dir, preallocate, only);
                if (finalAttempt || before.equals(version())) {
                    return result;
                }
            } catch (DataDamagedException e) {
                if (finalAttempt || before.equals(version())) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                StoreException failure = new StoreException("cannot read " + dir + ": " + IoProblems.describe(e), e);
                // a file listed at the start of the load and gone now also proves a change (e.g. the
                // empty next journal a checkpoint with nothing to write creates and deletes at once)
                boolean vanished = e instanceof java.nio.file.NoSuchFileException;
                if (finalAttempt || (!vanished && before.equals(version()))) {
                    throw failure;
                }
                last = failure;
            }
            try {
                Thread.sleep(Math.min(MAX_PAUSE_MILLIS, 25L * (attempt + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw last != null ? last : new StoreException("cannot read a consistent state of " + dir);
    }

    /**
     * What a checkpoint changes: the manifest, the set of journal files, and each snapshot file's
     * size and modification time (replaced by rename after the manifest switch). Journal appends are
     * not a change: a read sees the valid prefix.
     */
    record DirectoryVersion(Optional<Manifest> manifest, List<String> journals, List<String> liveFiles) {
    }

    DirectoryVersion version() {
        List<String> journals = new ArrayList<>();
        try {
            for (Path journal : Journal.list(fs, dir)) {
                journals.add(journal.getFileName().toString());
            }
        } catch (IOException e) {
            journals.add("unlistable: " + e.getMessage());
        }
        List<String> live = new ArrayList<>();
        for (String file : SeedFormat.FILES) {
            Path path = dir.resolve(file);
            try {
                live.add(file + ":" + fs.size(path) + ":" + fs.lastModifiedMillis(path));
            } catch (IOException e) {
                live.add(file + ": absent");
            }
        }
        return new DirectoryVersion(manifestQuietly(), journals, live);
    }

    Optional<Manifest> manifestQuietly() {
        return manifestQuietly(fs, dir);
    }

    /**
     * The live manifest, or empty when it is missing or unreadable.
     *
     * @param fs the file system
     * @param dir the data directory
     * @return the manifest
     */
    static Optional<Manifest> manifestQuietly(FileSystemOps fs, Path dir) {
        try (InputStream in = fs.openRead(dir.resolve(Manifest.FILE))) {
            return Optional.of(Manifest.decode(in));
        } catch (IOException | FormatException e) {
            return Optional.empty();
        }
    }

}
