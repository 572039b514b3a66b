package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checkpoints of a {@link GroupCommitJournal}'s durable state: on demand, in the background
 * when the journal asks (entries or bytes) or the interval passed, and on close. One at a time: it
 * creates the next journal, has the journal switch to it between two group commits, writes the
 * copied state as the new base and retires the old journals (all through {@link DirectoryState}).
 *
 * <p>Thread-safe.
 */
final class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final JsonStoreConfig config;
    private final FileSystemOps fs;
    private final Path dir;
    private final DirectoryState directory;
    private final ReentrantLock mutex = new ReentrantLock();
    /** Where the last checkpoint put each guild, so the next copies the unchanged ones; guarded by mutex. */
    private final CheckpointCache cache = new CheckpointCache();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ScheduledExecutorService background;
    private GroupCommitJournal journal;

    private volatile long checkpointSeq;
    private volatile Checkpoint last;
    private volatile long lastCheckpointMillis;

    /**
     * A checkpointer, not yet attached to its journal.
     *
     * @param config the settings
     * @param fs the file system
     * @param directory the directory's protocol
     * @param repaired what opening recovered (tells whether the files on disk are a valid base)
     */
    Checkpointer(JsonStoreConfig config, FileSystemOps fs, DirectoryState directory,
                 DirectoryState.Repaired repaired) {
        this.config = Objects.requireNonNull(config, "config");
        this.fs = Objects.requireNonNull(fs, "fs");
        this.dir = config.dataDir();
        this.directory = Objects.requireNonNull(directory, "directory");
        if (repaired.needsNewBase()) {
            this.checkpointSeq = -1;
        } else {
            Manifest manifest = repaired.loaded().manifest().orElseThrow();
            this.checkpointSeq = manifest.seq();
            this.last = new Checkpoint(manifest.seq(), manifest.backupId());
        }
        this.lastCheckpointMillis = config.clock().millis();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "campaign-keeper-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.background = executor;
    }

    /**
     * Attaches the journal whose state it writes (once, before any checkpoint).
     *
     * @param journal the journal
     */
    void attach(GroupCommitJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Starts the interval check. */
    void startBackground() {
        long period = Math.max(1000, Math.min(config.checkpointInterval().toMillis(), 30_000));
        background.scheduleWithFixedDelay(() -> {
            if (journal.failure() != null) {
                return;
            }
            long since = config.clock().millis() - lastCheckpointMillis;
            if (journal.changedSince(checkpointSeq) && since >= config.checkpointInterval().toMillis()) {
                runInBackground();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Asks for a background checkpoint (the journal grew past a threshold); only hands work off. */
    void request() {
        if (requested.compareAndSet(false, true)) {
            try {
                background.execute(this::runInBackground);
            } catch (RuntimeException rejected) {
                requested.set(false);
            }
        }
    }

    private void runInBackground() {
        try {
            if (journal.failure() == null) {
                checkpoint(false, Set.of());
            }
        } catch (RuntimeException e) {
            LOG.error("background checkpoint of {} failed; will retry later", dir, e);
        } finally {
            requested.set(false);
        }
    }

    /**
     * The checkpoint in force (the last one written, or the one the store opened on).
     *
     * @return it, or empty when the files on disk are not yet a valid base
     */
    Optional<Checkpoint> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Writes a checkpoint unless nothing changed since the last one.
     *
     * @param force write even when nothing changed (a new base after recovery)
     * @param damagedJournals journals to move aside rather than delete once the base is written
     * @return the damaged journals moved aside
     * @throws StoreException if writing fails (the previous state stays recoverable) or the journal failed
     */
    List<Path> checkpoint(boolean force, Set<Path> damagedJournals) {
        mutex.lock();
        try {
            checkJournal();
            long generation = journal.generation() + 1;
            Journal.Writer next;
            try {
                next = directory.startJournal(generation, config.journalPreallocateBytes());
            } catch (IOException e) {
                throw new StoreException("checkpoint failed: cannot create the next journal: " + IoProblems.describe(e), e);
            }
            GroupCommitJournal.Switched switched = journal.switchTo(next, force, checkpointSeq);
            if (switched == null) {
                discard(next, generation);
                checkJournal();
                return List.of();
            }
            try {
                switched.old().close();
            } catch (IOException e) {
                LOG.warn("closing journal {} failed: {}", Journal.name(switched.old().generation()), e.toString());
            }
            long started = System.nanoTime();
            Checkpoint written;
            try {
                written = directory.writeNewBase(switched.guilds().values(), switched.seq(), generation,
                        config.clock().instant(), cache);
            } catch (IOException | RuntimeException e) {
                throw new StoreException("checkpoint of " + dir + " failed (" + e.getMessage()
                        + "); the previous snapshot and the journals still hold every change", e);
            }
            checkpointSeq = switched.seq();
            last = written;
            lastCheckpointMillis = config.clock().millis();
            List<Path> aside = new ArrayList<>();
            try {
                aside.addAll(directory.retireJournals(generation, damagedJournals));
                directory.prune(config.retention(), written.backupId(), false);
            } catch (IOException e) {
                LOG.warn("cleanup after checkpoint of {} failed: {}", dir, e.toString());
            }
            LOG.info("checkpoint of {} at sequence {} took {} ms (backup {})", dir, switched.seq(),
                    (System.nanoTime() - started) / 1_000_000, written.backupId());
            return aside;
        } finally {
            mutex.unlock();
        }
    }

    private void checkJournal() {
        Throwable cause = journal.failure();
        if (cause != null) {
            throw new StoreException("The store for " + dir + " refuses writes after an I/O failure ("
                    + cause.getMessage() + "); reopen it to recover.", cause);
        }
    }

    private void discard(Journal.Writer next, long generation) {
        try {
            next.close();
            fs.delete(dir.resolve(Journal.name(generation)));
        } catch (IOException e) {
            LOG.debug("could not remove unused journal {}: {}", generation, e.toString());
        }
    }

    /** Stops background work from starting; a running checkpoint finishes. */
    void shutdown() {
        background.shutdown();
    }

    /** Stops background work at once (a failed open). */
    void shutdownNow() {
        background.shutdownNow();
    }

    /**
     * Runs an action while no checkpoint runs (closing the journal).
     *
     * @param action the action
     */
    void exclusive(Runnable action) {
        mutex.lock();
        try {
            action.run();
        } finally {
            mutex.unlock();
        }
    }

    /** Waits a little for a running background checkpoint to end. */
    void awaitTermination() {
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
