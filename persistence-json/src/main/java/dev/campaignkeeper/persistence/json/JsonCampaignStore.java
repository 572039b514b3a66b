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
import java.util.Optional;
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
 * {@link #open(JsonStoreConfig)}. {@link #openForGuilds} opens it for a few guilds only (an admin
 * tool's writes to a large directory): it builds only their state and never checkpoints.
 */
public final class JsonCampaignStore implements CampaignStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonCampaignStore.class);

    private final JsonStoreConfig config;
    private final FileSystemOps fs;
    private final Path dir;
    private final DirectoryLock lock;
    private final GroupCommitJournal journal;
    /** Null when only some guilds are open ({@link #openForGuilds}): such a store never checkpoints. */
    private final Checkpointer checkpointer;
    /** The guilds this store holds when opened for some only; null when it holds every guild. */
    private final Set<GuildId> only;
    private final ConcurrentHashMap<GuildId, ReentrantLock> guildLocks = new ConcurrentHashMap<>();
    private final StoreMetrics metrics;
    private final RecoveryReport report;
    private final List<Path> reportAside;
    private volatile boolean closed;
    /** Opened on first use, under this store's lock on the directory; guarded by itself. */
    private final Object postLogMonitor = new Object();
    private JsonPostLog postLog;

    private JsonCampaignStore(JsonStoreConfig config, FileSystemOps fs, DirectoryState directory, DirectoryLock lock,
                              DirectoryState.Repaired repaired, StoreMetrics metrics, Set<GuildId> only) {
        this.config = config;
        this.metrics = metrics;
        this.fs = fs;
        this.dir = config.dataDir();
        this.lock = lock;
        this.only = only;
        if (only == null) {
            this.checkpointer = new Checkpointer(config, fs, directory, repaired);
            this.journal = new GroupCommitJournal(config, repaired.loaded(), checkpointer::request, metrics);
            this.checkpointer.attach(journal);
        } else {
            this.checkpointer = null;
            // the thresholds may pass: the next full open checkpoints (it replays these journals)
            this.journal = new GroupCommitJournal(config, repaired.loaded(), () -> { }, metrics);
        }
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
            store = new JsonCampaignStore(config, fs, directory, lock, repaired, metrics, null);
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

    /**
     * Opens a data directory for writing the journal entries of some guilds only, without building
     * (or parsing) any other guild's records: for an admin tool changing a few guilds of a large
     * directory (e.g. {@code campaign-admin import}). Every file is still checked as by
     * {@link #open(JsonStoreConfig)} (the manifest's sizes and checksums, every journal line's
     * checksum and the sequence), the directory lock is held the same way, and a new journal
     * generation is started at the sequence number a full open would continue from, so the next
     * full open replays these changes as its own.
     *
     * <p>Empty, with nothing on disk changed and the lock released again, when the directory needs
     * any repair (damage to move aside, a damaged journal, a missing manifest or a seed import,
     * recovery from a backup, lost mutations, orphaned temp files) or does not exist: those are
     * repaired only from the whole state, so the caller must then use {@link #open(JsonStoreConfig)}.
     *
     * <p>The store returned differs from a full one:
     * <ul>
     *   <li>{@link #guild} and {@link #update} of a guild outside {@code guilds} throw
     *       {@link IllegalArgumentException}, and {@link #guilds()} throws
     *       {@link UnsupportedOperationException} (it does not know the other guilds);</li>
     *   <li>it never checkpoints: no background checkpoint, none on close whatever the settings,
     *       and {@link #checkpoint()} and {@link #writeCheckpoint()} throw
     *       {@link IllegalStateException}; the journal keeps every change until the next full open
     *       checkpoints;</li>
     *   <li>its {@link #recoveryReport()} lists only these guilds' warnings.</li>
     * </ul>
     * Each {@link #update} is durable when it returns, as in a full store.
     *
     * <p>Limit: another guild's journal entries are checked by checksum, sequence number and guild
     * id only; an entry whose checksum is valid but whose changes cannot be decoded (written by a
     * buggy or newer version, never by a torn write) is found only by the next full open.
     *
     * @param config the settings ({@code checkpointOnClose} and the checkpoint triggers are ignored)
     * @param guilds the guilds to open, at least one
     * @return the store, or empty when only a full open may continue from the directory
     * @throws dev.campaignkeeper.core.error.DataDirectoryLockedException if another process or
     *         another store in this JVM has the directory open
     * @throws dev.campaignkeeper.core.error.DataDamagedException if no valid state remains; the
     *         directory is left untouched
     * @throws StoreException if the directory cannot be read or written
     * @throws IllegalArgumentException if {@code guilds} is empty
     */
    public static Optional<JsonCampaignStore> openForGuilds(JsonStoreConfig config, Set<GuildId> guilds) {
        return openForGuilds(config, NioFileSystemOps.INSTANCE, StoreMetrics.none(), guilds);
    }

    static Optional<JsonCampaignStore> openForGuilds(JsonStoreConfig config, FileSystemOps fs, StoreMetrics metrics,
                                                     Set<GuildId> guilds) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
        Set<GuildId> only = Set.copyOf(Objects.requireNonNull(guilds, "guilds"));
        if (only.isEmpty()) {
            throw new IllegalArgumentException("openForGuilds needs at least one guild");
        }
        Path dir = config.dataDir();
        if (!fs.isDirectory(dir)) {
            return Optional.empty(); // a full open creates it
        }
        DirectoryLock lock = DirectoryLock.acquire(dir, DirectoryLock.OPEN_PATIENCE);
        JsonCampaignStore store = null;
        try {
            DirectoryState directory = new DirectoryState(fs, config);
            Optional<DirectoryState.Repaired> unchanged = directory.loadUnchanged(only);
            if (unchanged.isEmpty()) {
                LOG.info("{} needs a repair from the whole state; opening guilds {} alone is refused", dir, only);
                lock.close();
                return Optional.empty();
            }
            DirectoryState.Repaired repaired = unchanged.get();
            store = new JsonCampaignStore(config, fs, directory, lock, repaired, metrics, only);
            store.journal.start(directory.startJournal(repaired.nextGeneration(), config.journalPreallocateBytes()));
            LOG.info("opened {} at sequence {} for guilds {} only", dir, repaired.loaded().seq(), only);
            return Optional.of(store);
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
            if (store.checkpointer != null) {
                store.checkpointer.shutdownNow();
            }
            store.journal.abandon();
        }
        lock.close();
    }

    // ---------------------------------------------------------------- CampaignStore

    @Override
    public GuildState guild(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        checkOpen();
        checkHeld(guild);
        GuildState state = journal.durable(guild);
        return state != null ? state : GuildState.empty(guild);
    }

    @Override
    public Set<GuildId> guilds() {
        checkOpen();
        if (only != null) {
            throw new UnsupportedOperationException("The store for " + dir + " was opened for guilds " + only
                    + " only and does not know the others; open it with JsonCampaignStore.open to list every guild.");
        }
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
        checkHeld(guild);
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
        if (checkpointer == null) {
            throw new IllegalStateException("The store for " + dir + " was opened for guilds " + only
                    + " only; a checkpoint is written from every guild's state, so it needs a store opened with"
                    + " JsonCampaignStore.open.");
        }
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

    /** A store opened for some guilds refuses the others: it would act on an empty state. */
    private void checkHeld(GuildId guild) {
        if (only != null && !only.contains(guild)) {
            throw new IllegalArgumentException("The store for " + dir + " was opened for guilds " + only
                    + " only, not for guild " + guild + ".");
        }
    }

    /**
     * The guilds this store was opened for by {@link #openForGuilds}.
     *
     * @return them, or empty when it holds every guild
     */
    public Optional<Set<GuildId>> openGuilds() {
        return Optional.ofNullable(only);
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
        try {
            if (checkpointer == null) {
                journal.close(); // opened for some guilds: never a checkpoint, see openForGuilds
                closed = true;
            } else {
                closeWithCheckpointer();
            }
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

    private void closeWithCheckpointer() {
        checkpointer.shutdown();
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
    }
}
