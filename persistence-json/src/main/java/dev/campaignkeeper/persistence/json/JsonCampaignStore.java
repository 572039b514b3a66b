package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.GuildTransaction;
import dev.campaignkeeper.core.port.StoreMetrics;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash-safe JSON {@link CampaignStore}: all guilds in memory, every mutation appended to a
 * journal and made durable before {@link #update} returns, background checkpoints into the seed's
 * three JSON files plus a gzip backup.
 *
 * <p>Concurrency: transactions on one guild are serialised by a per-guild lock held while the
 * transaction runs and its change is queued; the next transaction of that guild builds on the
 * queued state, so writers of one guild as well as of different guilds share fsyncs (group commit:
 * the first waiting writer becomes the leader, writes every queued line in one write and syncs
 * once). Every {@link #update} returns only once its change, and any queued change its result rests
 * on, is durable. Readers never block: {@link #guild} returns the immutable state last made durable.
 *
 * <p>Failure: if a journal write or sync fails, that mutation (and any sharing its sync) fails
 * with a {@link StoreException}, memory keeps the previous state, and the store refuses every
 * further write until it is reopened (an fsync is never retried).
 *
 * <p>Only one process (and one store per JVM) may open a data directory; see
 * {@link #open(JsonStoreConfig)}.
 */
public final class JsonCampaignStore implements CampaignStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonCampaignStore.class);

    private final JsonStoreConfig config;
    private final FileSystemOps fs;
    private final Path dir;
    private final DirectoryLock lock;
    private final GroupCommitJournal journal;
    private final Checkpointer checkpointer;
    private final ConcurrentHashMap<GuildId, ReentrantLock> guildLocks = new ConcurrentHashMap<>();
    private final StoreMetrics metrics;
    private final RecoveryReport report;
    private final List<Path> reportAside;
    private volatile boolean closed;
    /** Opened on first use, under this store's lock on the directory; guarded by itself. */
    private final Object postLogMonitor = new Object();
    private JsonPostLog postLog;

    private JsonCampaignStore(JsonStoreConfig config, FileSystemOps fs, DirectoryState directory, DirectoryLock lock,
                              DirectoryState.Repaired repaired, StoreMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.fs = fs;
        this.dir = config.dataDir();
        this.lock = lock;
        this.checkpointer = new Checkpointer(config, fs, directory, repaired);
        this.journal = new GroupCommitJournal(config, repaired.loaded(), checkpointer::request, metrics);
        this.checkpointer.attach(journal);
        this.report = repaired.report();
        this.reportAside = new ArrayList<>(repaired.movedAside());
    }

    /**
     * Opens a data directory for reading and writing: takes its lock, recovers the newest
     * provable state (see {@link RecoveryReport}), and starts a new journal generation.
     *
     * <p>A lock held by another process is retried for about a second before giving up, so a
     * momentary hold (another process asking {@link DataDirectory#lockHolder()}) never makes an
     * open fail; a lock held by a store in this JVM fails at once.
     *
     * @param config the settings
     * @return the open store
     * @throws dev.campaignkeeper.core.error.DataDirectoryLockedException if another process or
     *         another store in this JVM has the directory open ("data directory X is in use by PID N")
     * @throws dev.campaignkeeper.core.error.DataDamagedException if no valid state remains; the
     *         message names the damaged file and byte offset and the directory is left untouched
     * @throws StoreException if the directory cannot be read or written
     */
    public static JsonCampaignStore open(JsonStoreConfig config) {
        return open(config, NioFileSystemOps.INSTANCE);
    }

    /**
     * Opens a data directory as {@link #open(JsonStoreConfig)} does, reporting each update's latency
     * and each group commit's size.
     *
     * @param config the settings
     * @param metrics told about updates and syncs
     * @return the open store
     */
    public static JsonCampaignStore open(JsonStoreConfig config, StoreMetrics metrics) {
        return open(config, NioFileSystemOps.INSTANCE, metrics);
    }

    static JsonCampaignStore open(JsonStoreConfig config, FileSystemOps fs) {
        return open(config, fs, StoreMetrics.none());
    }

    static JsonCampaignStore open(JsonStoreConfig config, FileSystemOps fs, StoreMetrics metrics) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
        Path dir = config.dataDir();
        DirectoryState directory = new DirectoryState(fs, config);
        try {
            directory.create();
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dir + ": " + IoProblems.describe(e), e);
        }
        // a probe (DataDirectory.lockHolder in another process) may hold the lock for a moment
        DirectoryLock lock = DirectoryLock.acquire(dir, DirectoryLock.OPEN_PATIENCE);
        JsonCampaignStore store = null;
        try {
            DirectoryState.Repaired repaired = directory.loadAndRepair();
            Loader.Loaded loaded = repaired.loaded();
            store = new JsonCampaignStore(config, fs, directory, lock, repaired, metrics);
            store.journal.start(directory.startJournal(repaired.nextGeneration(), config.journalPreallocateBytes()));
            if (repaired.needsNewBase()) {
                store.reportAside.addAll(store.checkpointer.checkpoint(true, loaded.damagedJournals()));
            }
            store.checkpointer.startBackground();
            LOG.info("opened {} at sequence {} ({} guilds, source {})", dir, loaded.seq(), loaded.guilds().size(),
                    loaded.source());
            return store;
        } catch (IOException e) {
            closeQuietly(store, lock);
            throw new StoreException("cannot open data directory " + dir + ": " + IoProblems.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(store, lock);
            throw e;
        }
    }

    private static void closeQuietly(JsonCampaignStore store, DirectoryLock lock) {
        if (store != null) {
            store.checkpointer.shutdownNow();
            store.journal.abandon();
        }
        lock.close();
    }

    // ---------------------------------------------------------------- CampaignStore

    @Override
    public GuildState guild(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        checkOpen();
        GuildState state = journal.durable(guild);
        return state != null ? state : GuildState.empty(guild);
    }

    @Override
    public Set<GuildId> guilds() {
        checkOpen();
        return journal.guilds();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Transactions on one guild are serialised by a per-guild lock held while the transaction
     * runs and its change is queued; the next transaction of that guild builds on the queued
     * state, so writers of one guild as well as of different guilds share fsyncs (group commit).
     * Returns only once its change, and any queued change its result rests on, is durable.
     */
    @Override
    public <T> T update(GuildId guild, GuildTransaction<T> transaction) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(transaction, "transaction");
        long started = System.nanoTime();
        boolean changed = false;
        ReentrantLock guildLock = guildLocks.computeIfAbsent(guild, id -> new ReentrantLock());
        GroupCommitJournal.Ticket awaited;
        T result;
        guildLock.lock();
        try {
            checkWritable();
            GroupCommitJournal.Ticket queued = journal.queued(guild);
            GuildState current = queued != null ? queued.next() : guild(guild);
            Update<T> update = transaction.apply(current);
            result = update.result();
            if (update.changes().isEmpty()) {
                // The result may rest on a queued change: return it only once that change is durable.
                awaited = queued;
            } else {
                GuildState next = current.apply(update.changes());
                awaited = journal.enqueue(guild, next, JournalCodec.encodeBody(guild, update.changes()));
                changed = true;
            }
        } finally {
            guildLock.unlock();
        }
        if (awaited != null) {
            journal.awaitDurable(awaited);
        }
        metrics.updated(java.time.Duration.ofNanos(System.nanoTime() - started), changed);
        return result;
    }

    // ---------------------------------------------------------------- checkpoint

    /**
     * Writes a checkpoint now: the three JSON files and a backup at the current sequence number,
     * a new manifest, a new journal generation; then deletes the old journals and prunes backups.
     * Does nothing when nothing changed since the last checkpoint.
     *
     * @return the sequence number the snapshot files now hold
     * @throws StoreException if writing fails (the previous state stays recoverable)
     */
    public long checkpoint() {
        return writeCheckpoint().sequence();
    }

    /**
     * {@link #checkpoint()}, returning the checkpoint in force afterwards.
     *
     * @return the sequence number the snapshot files hold and the backup written with them
     * @throws StoreException if writing fails (the previous state stays recoverable)
     */
    public Checkpoint writeCheckpoint() {
        checkWritable();
        checkpointer.checkpoint(false, Set.of());
        return checkpointer.last().orElseThrow(() -> new StoreException("no checkpoint of " + dir + " is in force"));
    }

    // ---------------------------------------------------------------- post log

    /**
     * The post log in {@code DATA_DIR/posts/}, opened (and recovered) on first use and closed with
     * this store. Each change is durable when the call returns; see the data-format docs.
     *
     * @return the post log
     * @throws StoreException if it cannot be opened
     */
    public dev.campaignkeeper.core.port.PostLog postLog() {
        synchronized (postLogMonitor) {
            checkOpen();
            if (postLog == null) {
                try {
                    postLog = JsonPostLog.open(fs, config);
                } catch (IOException e) {
                    throw new StoreException("cannot open the post log in " + JsonPostLog.dir(dir) + ": "
                            + IoProblems.describe(e), e);
                }
            }
            return postLog;
        }
    }

    // ---------------------------------------------------------------- accessors

    /**
     * What opening found and did (damage, recovery from a backup, lost mutations, moved-aside
     * files, and values kept despite breaking today's rules).
     *
     * @return the report of this open
     */
    public RecoveryReport recoveryReport() {
        return new RecoveryReport(report.sequence(), report.source(), report.backupId(), report.events(),
                report.dataLost(), reportAside, report.warnings());
    }

    /**
     * Sequence number of the last durable mutation.
     *
     * @return the sequence number
     */
    public long sequence() {
        return journal.sequence();
    }

    /**
     * The data directory.
     *
     * @return its path
     */
    public Path dataDir() {
        return dir;
    }

    /**
     * Whether the store refuses writes after an I/O failure (reopen it to recover).
     *
     * @return true after a failed journal write or sync
     */
    public boolean failed() {
        return journal.failure() != null;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store for " + dir + " is closed.");
        }
    }

    private void checkWritable() {
        checkOpen();
        Throwable cause = journal.failure();
        if (cause != null) {
            throw new StoreException("The store for " + dir + " refuses writes after an I/O failure ("
                    + cause.getMessage() + "); reopen it to recover.", cause);
        }
    }

    /**
     * Writes a final checkpoint when configured and anything changed, stops background work,
     * waits for every change already queued to become durable, closes the journal and releases the
     * directory lock. Further calls fail.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkpointer.shutdown();
        try {
            if (config.checkpointOnClose() && journal.failure() == null) {
                try {
                    checkpointer.checkpoint(false, Set.of());
                } catch (RuntimeException e) {
                    LOG.warn("final checkpoint of {} failed; the journal still holds every change", dir, e);
                }
            }
            // no new change is queued from here on; the ones already queued are written and synced
            // by their callers (one of them leads) before the journal closes
            checkpointer.exclusive(journal::close);
            closed = true;
            checkpointer.awaitTermination();
        } finally {
            closed = true;
            synchronized (postLogMonitor) {
                if (postLog != null) {
                    postLog.close();
                }
            }
            lock.close();
            LOG.info("closed {}", dir);
        }
    }
}
