package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.model.GuildId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for the PostgreSQL store: concurrent updates share transactions, so one commit (one
 * WAL flush) makes many updates durable.
 *
 * <p>Each caller queues its update and waits. A waiting caller becomes a leader when a batch may
 * start: it takes up to {@code batchSize} queued updates and runs them, on its own thread, as one
 * batch. A batch may start when fewer than {@code leaders} batches run and either none runs, or as
 * many updates a batch could take are queued as the smallest running batch holds, or every running
 * batch has run for {@value #HOLD_MILLIS} ms or more. So the callers a batch releases come back to
 * one batch of about their number, not to one of the first of them and another of the rest, each
 * with a commit of its own; and a batch that is slow (waiting for another process's row lock, say)
 * does not hold the other updates back for long.
 *
 * <p>A guild is in at most one running batch, so concurrent batches of this process never wait for
 * each other's row locks, and a guild's state this process cached is still the committed one when
 * its batch starts (unless another process wrote it). A caller alone with a free slot runs its own
 * update at once, so a single writer waits for nobody. When a batch ends, its updates' callers are
 * woken, and so are the callers of the oldest updates a batch could take now, one per free slot, to
 * see whether they may lead them; a caller held back by a running batch waits at most until that
 * batch has run {@value #HOLD_MILLIS} ms. So no queued update is left without a leader.
 */
final class UpdateBatches {

    private final int leaders;
    private final int batchSize;
    private final long holdNanos;
    private final Consumer<List<PendingUpdate<?>>> runner;
    private final ReentrantLock lock = new ReentrantLock();
    /** Each waiting caller's own signal, by its update: a batch's end wakes only whom it concerns. */
    private final Map<PendingUpdate<?>, Condition> waiting = new IdentityHashMap<>();
    private final ArrayDeque<PendingUpdate<?>> queued = new ArrayDeque<>();
    private final Set<GuildId> busy = new HashSet<>();
    /** How long a running batch holds a smaller one back (see the class comment). */
    static final long HOLD_MILLIS = 5;
    /** {@link #startAt}'s answer when no slot is free. */
    private static final long NEVER = Long.MAX_VALUE;

    /** A running batch: how many updates it holds and when it started ({@link System#nanoTime}). */
    private record Run(int size, long started) {
    }

    private final List<Run> runs = new ArrayList<>();
    private int running;

    /**
     * @param leaders how many batches may run at once (each on its own connection)
     * @param batchSize the most updates one batch takes
     * @param runner runs a batch and settles every update's outcome; if it throws, the updates it did
     *     not settle fail with what it threw
     */
    UpdateBatches(int leaders, int batchSize, Consumer<List<PendingUpdate<?>>> runner) {
        this(leaders, batchSize, java.time.Duration.ofMillis(HOLD_MILLIS), runner);
    }

    /** As {@link #UpdateBatches(int, int, Consumer)}, a running batch holding others back for {@code hold} (tests). */
    UpdateBatches(int leaders, int batchSize, java.time.Duration hold, Consumer<List<PendingUpdate<?>>> runner) {
        if (leaders < 1 || batchSize < 1) {
            throw new IllegalArgumentException("leaders and batch size are at least 1");
        }
        this.leaders = leaders;
        this.batchSize = batchSize;
        this.holdNanos = hold.toNanos();
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Queues the update and returns once a batch ran it (its outcome is then set). */
    void submit(PendingUpdate<?> update) {
        lock.lock();
        try {
            queued.addLast(update);
            Condition mine = lock.newCondition();
            waiting.put(update, mine);
            boolean interrupted = false;
            while (!update.isDone()) {
                long now = System.nanoTime();
                long startAt = startAt(now);
                List<PendingUpdate<?>> batch = startAt == 0 ? take() : List.of();
                if (!batch.isEmpty()) {
                    lead(batch);
                } else if (startAt == 0 || startAt == NEVER) {
                    mine.awaitUninterruptibly();
                } else {
                    try {
                        mine.awaitNanos(startAt - now); // held back by a running batch: until it is slow
                    } catch (InterruptedException e) {
                        interrupted = true; // like the other waits: the update is still to be run
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * When a batch may start: 0 for now, {@link #NEVER} while no slot is free, else the time
     * ({@link System#nanoTime}) at which a running batch that holds it back has run
     * {@value #HOLD_MILLIS} ms. A batch started beside a running one with fewer updates would cost
     * a commit of its own for little; its updates wait instead for more to come or for the running
     * batch to end, which is when the callers the running batch released come back.
     */
    private long startAt(long now) {
        if (running >= leaders) {
            return NEVER;
        }
        int smallest = Integer.MAX_VALUE;
        long lapses = NEVER;
        for (Run run : runs) {
            long slow = run.started() + holdNanos;
            if (slow - now > 0) { // still holds others back
                smallest = Math.min(smallest, run.size());
                lapses = Math.min(lapses, slow);
            }
        }
        if (smallest == Integer.MAX_VALUE || takeable() >= smallest) {
            return 0;
        }
        return lapses;
    }

    /** How many queued updates a batch could take now (those of guilds no running batch holds). */
    private int takeable() {
        int count = 0;
        for (PendingUpdate<?> next : queued) {
            if (!busy.contains(next.guild())) {
                count++;
            }
        }
        return count;
    }

    /**
     * Takes the oldest queued updates, up to the batch size, of guilds no running batch holds; the
     * others stay queued in order, so one guild's updates run in the order they came.
     */
    private List<PendingUpdate<?>> take() {
        List<PendingUpdate<?>> batch = new ArrayList<>();
        Iterator<PendingUpdate<?>> oldestFirst = queued.iterator();
        Set<GuildId> taken = new HashSet<>();
        while (batch.size() < batchSize && oldestFirst.hasNext()) {
            PendingUpdate<?> next = oldestFirst.next();
            if (!busy.contains(next.guild())) {
                oldestFirst.remove();
                batch.add(next);
                taken.add(next.guild());
            }
        }
        busy.addAll(taken);
        return batch;
    }

    /** Runs one batch; called and returns with the lock held, which it releases while the batch runs. */
    private void lead(List<PendingUpdate<?>> batch) {
        running++;
        Run run = new Run(batch.size(), System.nanoTime());
        runs.add(run);
        if (running < leaders) {
            wakeLeaders(); // another slot is free: others may lead beside this batch
        }
        lock.unlock();
        try {
            runner.accept(batch);
        } catch (RuntimeException | Error e) {
            // the runner settles every outcome itself; if it fails, the updates it did not settle
            // fail with it, and none of the callers is left waiting
            for (PendingUpdate<?> update : batch) {
                if (!update.isSettled()) {
                    update.fail(e);
                    update.settle();
                }
            }
        } finally {
            lock.lock();
            running--;
            runs.remove(run);
            for (PendingUpdate<?> update : batch) {
                update.markDone();
                busy.remove(update.guild());
                Condition owner = waiting.remove(update);
                if (owner != null) {
                    owner.signal();
                }
            }
            wakeLeaders();
        }
    }

    /**
     * Slots are free: wakes the callers of the oldest queued updates a batch could take now, one per
     * free slot, to see whether they may lead them ({@link #startAt}). The end of each batch wakes
     * the next, so no queued update is left.
     */
    private void wakeLeaders() {
        int free = leaders - running;
        for (PendingUpdate<?> next : queued) {
            if (free == 0) {
                return;
            }
            if (!busy.contains(next.guild())) {
                Condition owner = waiting.get(next);
                if (owner != null) {
                    owner.signal();
                    free--;
                }
            }
        }
    }

    /** Updates queued and not yet taken by a batch (for tests). */
    int queuedCount() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }
}
