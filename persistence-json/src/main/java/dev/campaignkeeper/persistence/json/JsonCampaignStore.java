package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.GuildTransaction;
import dev.campaignkeeper.core.port.StoreMetrics;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
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
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final JsonStoreConfig config;
    private final StoreMetrics metrics;
    private final FileSystemOps fs;
    private final Path dir;
    private final DirectoryLock lock;
    private final ConcurrentHashMap<GuildId, GuildState> guilds;
    private final ConcurrentHashMap<GuildId, ReentrantLock> guildLocks = new ConcurrentHashMap<>();
    private final ReentrantLock commitLock = new ReentrantLock();
    private final Condition committed = commitLock.newCondition();
    private final ReentrantLock checkpointMutex = new ReentrantLock();
    private final ScheduledExecutorService background;
    private final RecoveryReport report;
    private final List<Path> reportAside;

    // guarded by commitLock
    private long nextSeq;
    private long durableSeq;
    private List<Pending> pending = new ArrayList<>();
    /** Per guild, its newest change queued but not yet durable; only written under commitLock. */
    private final ConcurrentHashMap<GuildId, Pending> queuedFor = new ConcurrentHashMap<>();
    private boolean leaderActive;
    private Journal.Writer journal;
    private long entriesSinceCheckpoint;
    private long bytesSinceCheckpoint;
    private boolean checkpointRequested;
    private long lastWriteMillis;

    private volatile Throwable failure;
    private volatile boolean closed;
    /** Opened on first use, under this store's lock on the directory; guarded by itself. */
    private final Object postLogMonitor = new Object();
    private JsonPostLog postLog;
    private volatile long checkpointSeq;
    private volatile long lastCheckpointMillis;

    private static final class Pending {
        final long seq;
        final GuildId guild;
        final GuildState next;
        final byte[] line;
        boolean done;
        Throwable error;

        Pending(long seq, GuildId guild, GuildState next, byte[] line) {
            this.seq = seq;
            this.guild = guild;
            this.next = next;
            this.line = line;
        }
    }

    private JsonCampaignStore(JsonStoreConfig config, FileSystemOps fs, DirectoryLock lock, Loader.Result loaded,
                              List<Path> movedAside, StoreMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.fs = fs;
        this.dir = config.dataDir();
        this.lock = lock;
        this.guilds = new ConcurrentHashMap<>(loaded.guilds);
        this.nextSeq = loaded.seq;
        this.durableSeq = loaded.seq;
        this.checkpointSeq = loaded.manifest != null && !loaded.needsCheckpoint ? loaded.manifest.seq() : -1;
        this.entriesSinceCheckpoint = loaded.journalEntries;
        this.bytesSinceCheckpoint = loaded.journalBytes;
        this.lastCheckpointMillis = config.clock().millis();
        this.report = loaded.report(movedAside);
        this.reportAside = new ArrayList<>(movedAside);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "campaign-keeper-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.background = executor;
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
        try {
            createDirectories(fs, dir);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dir + ": " + IoProblems.describe(e), e);
        }
        // a probe (DataDirectory.lockHolder in another process) may hold the lock for a moment
        DirectoryLock lock = DirectoryLock.acquire(dir, DirectoryLock.OPEN_PATIENCE);
        JsonCampaignStore store = null;
        try {
            Loader.Result loaded = Loader.load(fs, dir, config.journalPreallocateBytes());
            StateWriter.removeOrphans(fs, dir);
            List<Path> movedAside = new ArrayList<>();
            for (Path damaged : loaded.damaged) {
                movedAside.add(moveAside(fs, damaged, config.clock().instant()));
            }
            if (!movedAside.isEmpty()) {
                fs.fsyncDirectory(dir);
            }
            store = new JsonCampaignStore(config, fs, lock, loaded, movedAside, metrics);
            store.startJournal(loaded.maxGeneration + 1);
            if (loaded.needsCheckpoint || loaded.manifest == null) {
                List<Path> asideJournals = store.checkpointInternal(true, loaded.damagedJournals);
                store.reportAside.addAll(asideJournals);
            }
            store.startBackground();
            LOG.info("opened {} at sequence {} ({} guilds, source {})", dir, loaded.seq, loaded.guilds.size(),
                    loaded.source);
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
            store.background.shutdownNow();
            try {
                if (store.journal != null) {
                    store.journal.close();
                }
            } catch (IOException ignored) {
                // already failing
            }
        }
        lock.close();
    }

    static void createDirectories(FileSystemOps fs, Path dir) throws IOException {
        if (fs.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !fs.isDirectory(parent)) {
            createDirectories(fs, parent);
        }
        fs.createDirectory(dir);
        if (parent != null) {
            fs.fsyncDirectory(parent);
        }
    }

    static Path moveAside(FileSystemOps fs, Path damaged, Instant now) throws IOException {
        String base = damaged.getFileName() + ".corrupt-" + ASIDE_TIME.format(now);
        Path target = damaged.resolveSibling(base);
        for (int i = 1; fs.exists(target); i++) {
            target = damaged.resolveSibling(base + "-" + i);
        }
        fs.moveAtomic(damaged, target);
        LOG.warn("moved damaged {} aside to {}", damaged, target.getFileName());
        return target;
    }

    private void startJournal(long generation) throws IOException {
        Journal.Writer writer = Journal.Writer.create(fs, dir, generation, config.journalPreallocateBytes());
        commitLock.lock();
        try {
            journal = writer;
        } finally {
            commitLock.unlock();
        }
    }

    private void startBackground() {
        long period = Math.max(1000, Math.min(config.checkpointInterval().toMillis(), 30_000));
        background.scheduleWithFixedDelay(() -> {
            if (closed || failure != null) {
                return;
            }
            long since = config.clock().millis() - lastCheckpointMillis;
            boolean dirty;
            commitLock.lock();
            try {
                dirty = durableSeq != checkpointSeq;
            } finally {
                commitLock.unlock();
            }
            if (dirty && since >= config.checkpointInterval().toMillis()) {
                backgroundCheckpoint();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- CampaignStore

    @Override
    public GuildState guild(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        checkOpen();
        GuildState state = guilds.get(guild);
        return state != null ? state : GuildState.empty(guild);
    }

    @Override
    public Set<GuildId> guilds() {
        checkOpen();
        return Set.copyOf(guilds.keySet());
    }

    @Override
    public <T> T update(GuildId guild, GuildTransaction<T> transaction) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(transaction, "transaction");
        long started = System.nanoTime();
        ReentrantLock guildLock = guildLocks.computeIfAbsent(guild, id -> new ReentrantLock());
        Pending awaited;
        boolean changed = false;
        T result;
        guildLock.lock();
        try {
            checkWritable();
            Pending queued = queuedFor.get(guild);
            GuildState current = queued != null ? queued.next : guild(guild);
            Update<T> update = transaction.apply(current);
            result = update.result();
            if (update.changes().isEmpty()) {
                // The result may rest on a queued change: return it only once that change is durable.
                awaited = queued;
            } else {
                GuildState next = current.apply(update.changes());
                awaited = enqueue(guild, next, JournalCodec.encodeBody(guild, update.changes()));
                changed = true;
            }
        } finally {
            guildLock.unlock();
        }
        if (awaited != null) {
            awaitDurable(awaited);
        }
        metrics.updated(java.time.Duration.ofNanos(System.nanoTime() - started), changed);
        return result;
    }

    /**
     * Queues a guild's next state for the journal. Called with the guild's lock held, so changes of
     * one guild are queued in the order they were computed; the lock is released before the fsync,
     * so the guild's next transaction can build on this queued state and share the same fsync.
     * Readers ({@link #guild}) see only durable states.
     */
    private Pending enqueue(GuildId guild, GuildState next, byte[] body) {
        commitLock.lock();
        try {
            checkWritable();
            long seq = ++nextSeq;
            Pending mine = new Pending(seq, guild, next, JournalCodec.line(seq, body));
            pending.add(mine);
            queuedFor.put(guild, mine);
            return mine;
        } finally {
            commitLock.unlock();
        }
    }

    private void awaitDurable(Pending mine) {
        commitLock.lock();
        try {
            while (!mine.done) {
                if (!leaderActive) {
                    lead();
                } else {
                    committed.awaitUninterruptibly();
                }
            }
            if (mine.error != null) {
                throw new StoreException("The change could not be saved durably (" + mine.error.getMessage()
                        + "); nothing was changed. The store refuses further writes until it is reopened.",
                        mine.error);
            }
        } finally {
            commitLock.unlock();
        }
    }

    /** Called with commitLock held; releases it while writing and syncing. */
    private void lead() {
        leaderActive = true;
        List<Pending> batch = pending;
        pending = new ArrayList<>();
        Journal.Writer writer = journal;
        int bytes = 0;
        for (Pending p : batch) {
            bytes += p.line.length;
        }
        commitLock.unlock();
        Throwable error = null;
        try {
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            for (Pending p : batch) {
                buffer.put(p.line);
            }
            buffer.flip();
            writer.append(buffer);
            writer.sync();
        } catch (IOException | RuntimeException | Error e) {
            error = e;
        } finally {
            commitLock.lock();
        }
        if (error == null) {
            for (Pending p : batch) {
                if (p.next.isEmpty()) {
                    guilds.remove(p.guild);
                } else {
                    guilds.put(p.guild, p.next);
                }
                queuedFor.remove(p.guild, p);
                p.done = true;
            }
            durableSeq = batch.get(batch.size() - 1).seq;
            metrics.committed(batch.size());
            entriesSinceCheckpoint += batch.size();
            bytesSinceCheckpoint += bytes;
            lastWriteMillis = config.clock().millis();
            if (!checkpointRequested && (entriesSinceCheckpoint >= config.checkpointAfterEntries()
                    || bytesSinceCheckpoint >= config.checkpointAfterBytes())) {
                checkpointRequested = true;
                try {
                    background.execute(this::backgroundCheckpoint);
                } catch (RuntimeException rejected) {
                    checkpointRequested = false;
                }
            }
        } else {
            LOG.error("journal write to {} failed; the store refuses further writes until reopened", dir, error);
            failure = error;
            for (Pending p : batch) {
                p.error = error;
                p.done = true;
            }
            for (Pending p : pending) {
                p.error = error;
                p.done = true;
            }
            pending = new ArrayList<>();
            queuedFor.clear();
        }
        leaderActive = false;
        committed.signalAll();
    }

    private void backgroundCheckpoint() {
        if (closed || failure != null) {
            return;
        }
        try {
            checkpointInternal(false, Set.of());
        } catch (RuntimeException e) {
            LOG.error("background checkpoint of {} failed; will retry later", dir, e);
        } finally {
            commitLock.lock();
            try {
                checkpointRequested = false;
            } finally {
                commitLock.unlock();
            }
        }
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
        checkOpen();
        checkpointInternal(false, Set.of());
        return checkpointSeq;
    }

    /** Returns the damaged journals it moved aside. */
    private List<Path> checkpointInternal(boolean force, Set<Path> damagedJournals) {
        checkpointMutex.lock();
        try {
            checkWritable();
            Journal.Writer next;
            long generation;
            commitLock.lock();
            try {
                generation = journal.generation() + 1;
            } finally {
                commitLock.unlock();
            }
            try {
                next = Journal.Writer.create(fs, dir, generation, config.journalPreallocateBytes());
            } catch (IOException e) {
                throw new StoreException("checkpoint failed: cannot create the next journal: " + IoProblems.describe(e), e);
            }
            Map<GuildId, GuildState> snapshot;
            long seq;
            Journal.Writer old;
            commitLock.lock();
            try {
                while (leaderActive) {
                    committed.awaitUninterruptibly();
                }
                if (failure != null || (!force && durableSeq == checkpointSeq)) {
                    old = null;
                    snapshot = null;
                    seq = durableSeq;
                } else {
                    seq = durableSeq;
                    snapshot = new HashMap<>(guilds);
                    old = journal;
                    journal = next;
                    entriesSinceCheckpoint = 0;
                    bytesSinceCheckpoint = 0;
                }
            } finally {
                commitLock.unlock();
            }
            if (snapshot == null) {
                discard(next, generation);
                checkWritable();
                return List.of();
            }
            try {
                old.close();
            } catch (IOException e) {
                LOG.warn("closing journal {} failed: {}", Journal.name(old.generation()), e.toString());
            }
            long started = System.nanoTime();
            Manifest manifest;
            try {
                manifest = StateWriter.write(fs, dir, snapshot.values(), seq, generation, config.clock().instant());
            } catch (IOException | RuntimeException e) {
                throw new StoreException("checkpoint of " + dir + " failed (" + e.getMessage()
                        + "); the previous snapshot and the journals still hold every change", e);
            }
            checkpointSeq = seq;
            lastCheckpointMillis = config.clock().millis();
            List<Path> aside = new ArrayList<>();
            try {
                for (Path path : Journal.list(fs, dir)) {
                    if (Journal.generation(path) < generation) {
                        if (damagedJournals.contains(path)) {
                            aside.add(moveAside(fs, path, config.clock().instant()));
                        } else {
                            fs.delete(path);
                        }
                    }
                }
                fs.fsyncDirectory(dir);
                prune(fs, dir, config.retention(), manifest.backupId(), false);
            } catch (IOException e) {
                LOG.warn("cleanup after checkpoint of {} failed: {}", dir, e.toString());
            }
            LOG.info("checkpoint of {} at sequence {} took {} ms (backup {})", dir, seq,
                    (System.nanoTime() - started) / 1_000_000, manifest.backupId());
            return aside;
        } finally {
            checkpointMutex.unlock();
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

    static List<Backups.Ref> prune(FileSystemOps fs, Path dir, RetentionPolicy policy, String protect, boolean dryRun)
            throws IOException {
        List<Backups.Ref> remove = Backups.toPrune(Backups.list(fs, dir), policy, protect);
        if (!dryRun && !remove.isEmpty()) {
            for (Backups.Ref ref : remove) {
                Backups.delete(fs, ref);
            }
            fs.fsyncDirectory(Backups.dir(dir));
        }
        return remove;
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
        commitLock.lock();
        try {
            return durableSeq;
        } finally {
            commitLock.unlock();
        }
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
        return failure != null;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store for " + dir + " is closed.");
        }
    }

    private void checkWritable() {
        checkOpen();
        Throwable cause = failure;
        if (cause != null) {
            throw new StoreException("The store for " + dir + " refuses writes after an I/O failure ("
                    + cause.getMessage() + "); reopen it to recover.", cause);
        }
    }

    /**
     * Writes a final checkpoint when configured and anything changed, stops background work,
     * closes the journal and releases the directory lock. Further calls fail.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        background.shutdown();
        try {
            if (config.checkpointOnClose() && failure == null) {
                try {
                    checkpointInternal(false, Set.of());
                } catch (RuntimeException e) {
                    LOG.warn("final checkpoint of {} failed; the journal still holds every change", dir, e);
                }
            }
            checkpointMutex.lock();
            try {
                commitLock.lock();
                try {
                    // no new change is queued from here on; the ones already queued are written and
                    // synced by their callers (one of them leads) before the journal closes
                    closed = true;
                    while (leaderActive || !pending.isEmpty()) {
                        committed.awaitUninterruptibly();
                    }
                    try {
                        if (journal != null) {
                            journal.close();
                        }
                    } catch (IOException e) {
                        LOG.warn("closing the journal of {} failed: {}", dir, e.toString());
                    }
                } finally {
                    commitLock.unlock();
                }
            } finally {
                checkpointMutex.unlock();
            }
            try {
                background.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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

    long lastWriteMillis() {
        commitLock.lock();
        try {
            return lastWriteMillis;
        } finally {
            commitLock.unlock();
        }
    }
}
