package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group-commit journal: alone owns the open journal file, the queue of changes waiting for
 * their fsync, the durable state and its sequence number. The first waiting writer becomes the
 * leader, writes every queued line in one write and syncs once; a change is published to readers
 * only once its line is durable. An fsync failure is never retried: every queued change fails and
 * the journal refuses further changes.
 *
 * <p>Thread-safe.
 */
final class GroupCommitJournal {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitJournal.class);

    /** A change queued for the journal; done once it is durable or failed. Guarded by the lock. */
    static final class Ticket {
        private final long seq;
        private final GuildId guild;
        private final GuildState next;
        private final byte[] line;
        private boolean done;
        private Throwable error;

        private Ticket(long seq, GuildId guild, GuildState next, byte[] line) {
            this.seq = seq;
            this.guild = guild;
            this.next = next;
            this.line = line;
        }

        /**
         * The guild's state once this change is applied.
         *
         * @return the queued state
         */
        GuildState next() {
            return next;
        }
    }

    /**
     * The durable state at a journal switch, and the journal it was written to.
     *
     * @param seq the sequence number of the last durable change
     * @param guilds a copy of every guild's durable state
     * @param old the journal written until the switch (closed by the caller)
     */
    record Switched(long seq, Map<GuildId, GuildState> guilds, Journal.Writer old) {
    }

    private final Path dir;
    private final JsonStoreConfig config;
    private final dev.campaignkeeper.core.port.StoreMetrics metrics;
    private final Runnable checkpointDue;
    private final ConcurrentHashMap<GuildId, GuildState> guilds;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    /** Per guild, its newest change queued but not yet durable; only written under the lock. */
    private final ConcurrentHashMap<GuildId, Ticket> queuedFor = new ConcurrentHashMap<>();

    // guarded by lock
    private long nextSeq;
    private long durableSeq;
    private List<Ticket> pending = new ArrayList<>();
    private boolean leaderActive;
    private Journal.Writer journal;
    private long entriesSinceSwitch;
    private long bytesSinceSwitch;
    private boolean closed;

    private volatile Throwable failure;

    /**
     * A journal continuing from a recovered state.
     *
     * @param config the settings (data directory, checkpoint thresholds)
     * @param loaded the recovered state
     * @param checkpointDue called (with the lock held, so it must only hand work off) when the
     *                      entries or bytes since the last switch reach the configured thresholds
     */
    GroupCommitJournal(JsonStoreConfig config, Loader.Loaded loaded, Runnable checkpointDue) {
        this(config, loaded, checkpointDue, dev.campaignkeeper.core.port.StoreMetrics.none());
    }

    /** As above, telling {@code metrics} the size of each group commit. */
    GroupCommitJournal(JsonStoreConfig config, Loader.Loaded loaded, Runnable checkpointDue,
                       dev.campaignkeeper.core.port.StoreMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.config = Objects.requireNonNull(config, "config");
        this.dir = config.dataDir();
        this.checkpointDue = Objects.requireNonNull(checkpointDue, "checkpointDue");
        this.guilds = new ConcurrentHashMap<>(loaded.guilds());
        this.nextSeq = loaded.seq();
        this.durableSeq = loaded.seq();
        this.entriesSinceSwitch = loaded.journalEntries();
        this.bytesSinceSwitch = loaded.journalBytes();
    }

    /**
     * Starts writing to the first journal file.
     *
     * @param writer the journal
     */
    void start(Journal.Writer writer) {
        lock.lock();
        try {
            journal = writer;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A guild's durable state.
     *
     * @param guild the guild
     * @return its state, or null when it has none
     */
    GuildState durable(GuildId guild) {
        return guilds.get(guild);
    }

    /**
     * The guilds with a durable state.
     *
     * @return a copy of their ids
     */
    Set<GuildId> guilds() {
        return Set.copyOf(guilds.keySet());
    }

    /**
     * The guild's newest queued change not yet durable. Call with the guild's lock held.
     *
     * @param guild the guild
     * @return the ticket, or null when nothing is queued for it
     */
    Ticket queued(GuildId guild) {
        return queuedFor.get(guild);
    }

    /**
     * Queues a guild's next state. Called with the guild's lock held, so changes of one guild are
     * queued in the order they were computed.
     *
     * @param guild the guild
     * @param next its state after the change
     * @param body the encoded change
     * @return the ticket to wait on
     * @throws StoreException if the journal is closed or failed
     */
    Ticket enqueue(GuildId guild, GuildState next, byte[] body) {
        lock.lock();
        try {
            checkWritable();
            long seq = ++nextSeq;
            Ticket mine = new Ticket(seq, guild, next, JournalCodec.line(seq, body));
            pending.add(mine);
            queuedFor.put(guild, mine);
            return mine;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once the ticket's change (and every change queued before it) is durable, leading a
     * group commit if nobody else is.
     *
     * @param mine the ticket
     * @throws StoreException if the write or sync failed
     */
    void awaitDurable(Ticket mine) {
        lock.lock();
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
            lock.unlock();
        }
    }

    /** Called with the lock held; releases it while writing and syncing. */
    private void lead() {
        leaderActive = true;
        List<Ticket> batch = pending;
        pending = new ArrayList<>();
        Journal.Writer writer = journal;
        int bytes = 0;
        for (Ticket p : batch) {
            bytes += p.line.length;
        }
        lock.unlock();
        Throwable error = null;
        try {
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            for (Ticket p : batch) {
                buffer.put(p.line);
            }
            buffer.flip();
            writer.append(buffer);
            writer.sync();
        } catch (IOException | RuntimeException | Error e) {
            error = e;
        } finally {
            lock.lock();
        }
        if (error == null) {
            for (Ticket p : batch) {
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
            entriesSinceSwitch += batch.size();
            bytesSinceSwitch += bytes;
            if (entriesSinceSwitch >= config.checkpointAfterEntries()
                    || bytesSinceSwitch >= config.checkpointAfterBytes()) {
                checkpointDue.run();
            }
        } else {
            LOG.error("journal write to {} failed; the store refuses further writes until reopened", dir, error);
            failure = error;
            for (Ticket p : batch) {
                p.error = error;
                p.done = true;
            }
            for (Ticket p : pending) {
                p.error = error;
                p.done = true;
            }
            pending = new ArrayList<>();
            queuedFor.clear();
        }
        leaderActive = false;
        committed.signalAll();
    }

    /**
     * The generation of the journal being written.
     *
     * @return its generation
     */
    long generation() {
        lock.lock();
        try {
            return journal.generation();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Switches to the next journal between two group commits, copying the durable state at that
     * point, unless nothing changed since {@code lastSeq} (and {@code force} is false) or the
     * journal failed.
     *
     * @param next the next journal (already created and durable)
     * @param force switch even when nothing changed
     * @param lastSeq the sequence number of the last checkpoint
     * @return the state at the switch and the old journal, or null when there was no switch
     */
    Switched switchTo(Journal.Writer next, boolean force, long lastSeq) {
        lock.lock();
        try {
            while (leaderActive) {
                committed.awaitUninterruptibly();
            }
            if (closed || failure != null || (!force && durableSeq == lastSeq)) {
                return null;
            }
            Journal.Writer old = journal;
            journal = next;
            entriesSinceSwitch = 0;
            bytesSinceSwitch = 0;
            return new Switched(durableSeq, new HashMap<>(guilds), old);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether anything became durable since a sequence number.
     *
     * @param seq the sequence number
     * @return true when the durable sequence differs
     */
    boolean changedSince(long seq) {
        return sequence() != seq;
    }

    /**
     * The sequence number of the last durable change.
     *
     * @return the sequence number
     */
    long sequence() {
        lock.lock();
        try {
            return durableSeq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The failure that stopped the journal, if any.
     *
     * @return the failure, or null
     */
    Throwable failure() {
        return failure;
    }

    /**
     * Refuses new changes, waits until every queued one is written and synced by its caller (one of
     * them leads), then closes the journal file. Atomic with respect to queued changes: a change
     * queued before this is durable (or failed) when it returns; one queued after is refused.
     */
    void close() {
        lock.lock();
        try {
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
            lock.unlock();
        }
    }

    /**
     * Closes the journal file at once (a failed open; nothing is queued).
     */
    void abandon() {
        lock.lock();
        try {
            closed = true;
            if (journal != null) {
                journal.close();
            }
        } catch (IOException ignored) {
            // already failing
        } finally {
            lock.unlock();
        }
    }

    private void checkWritable() {
        if (closed) {
            throw new StoreException("The store for " + dir + " is closed.");
        }
        Throwable cause = failure;
        if (cause != null) {
            throw new StoreException("The store for " + dir + " refuses writes after an I/O failure ("
                    + cause.getMessage() + "); reopen it to recover.", cause);
        }
    }
}
