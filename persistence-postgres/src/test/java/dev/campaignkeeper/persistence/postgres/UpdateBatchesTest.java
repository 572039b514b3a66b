package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.port.Update;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpdateBatchesTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Runs each update's transaction on an empty state and keeps its result, as the store does. */
    private static void runAll(List<PendingUpdate<?>> batch) {
        for (PendingUpdate<?> update : batch) {
            runOne(update);
        }
    }

    private static <T> void runOne(PendingUpdate<T> update) {
        try {
            Update<T> result = update.transaction().apply(dev.campaignkeeper.core.model.GuildState.empty(update.guild()));
            update.succeed(result.result(), !result.changes().isEmpty());
        } catch (RuntimeException e) {
            update.fail(e);
        }
    }

    private static PendingUpdate<String> pending(long guild, String result) {
        return new PendingUpdate<>(GuildId.of(guild), state -> Update.of(result));
    }

    private Future<String> submit(UpdateBatches batches, PendingUpdate<String> update) {
        return threads.submit(() -> {
            batches.submit(update);
            return update.outcome();
        });
    }

    private static void awaitQueued(UpdateBatches batches, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.queuedCount() != count) {
            assertThat(System.nanoTime()).as("%s updates queued in time", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void aLoneCallerRunsItsOwnUpdateAtOnceOnItsOwnThread() {
        List<Thread> ranOn = new ArrayList<>();
        UpdateBatches batches = new UpdateBatches(2, 64, batch -> {
            ranOn.add(Thread.currentThread());
            runAll(batch);
        });
        PendingUpdate<String> update = pending(1, "done");

        batches.submit(update);

        assertThat(update.isDone()).isTrue();
        assertThat(update.outcome()).isEqualTo("done");
        assertThat(ranOn).containsExactly(Thread.currentThread());
    }

    /**
     * One update holds the only leader slot while {@code count} more queue behind it; then it is
     * released. Checks every update's own result and returns the sizes of the batches that ran.
     */
    private List<Integer> batchSizesBehindOneHeldUpdate(int batchSize, int count) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        UpdateBatches batches = new UpdateBatches(1, batchSize, batch -> {
            sizes.add(batch.size());
            if (sizes.size() == 1) {
                await(release);
            }
            runAll(batch);
        });
        Future<String> first = submit(batches, pending(1, "first"));
        awaitRunning(sizes, 1);
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queued.add(submit(batches, pending(10 + i, "queued " + i)));
        }
        awaitQueued(batches, count);

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (int i = 0; i < count; i++) {
            assertThat(queued.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("queued " + i);
        }
        return sizes;
    }

    @Test
    void updatesQueuedWhileEveryLeaderRunsShareTheNextBatchAndEachGetsItsOwnResult() throws Exception {
        assertThat(batchSizesBehindOneHeldUpdate(64, 5)).containsExactly(1, 5);
    }

    @Test
    void aBatchTakesNoMoreThanTheBatchSizeAndTheRestRunNext() throws Exception {
        assertThat(batchSizesBehindOneHeldUpdate(3, 7)).containsExactly(1, 3, 3, 1);
    }

    @Test
    void aGuildInARunningBatchWaitsForItWhileOtherGuildsRunBeside() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<List<GuildId>> started = Collections.synchronizedList(new ArrayList<>());
        UpdateBatches batches = new UpdateBatches(2, 64, batch -> {
            started.add(batch.stream().map(PendingUpdate::guild).toList());
            if (started.size() == 1) {
                await(release);
            }
            runAll(batch);
        });
        Future<String> holding = submit(batches, pending(1, "holds guild 1"));
        awaitRunning(started, 1);
        Future<String> sameGuild = submit(batches, pending(1, "guild 1 again"));
        awaitQueued(batches, 1);

        // the second leader slot is free, but guild 1 is busy: another guild's update runs now
        Future<String> otherGuild = submit(batches, pending(2, "guild 2"));
        assertThat(otherGuild.get(10, TimeUnit.SECONDS)).isEqualTo("guild 2");
        assertThat(sameGuild.isDone()).isFalse();

        release.countDown();

        assertThat(holding.get(10, TimeUnit.SECONDS)).isEqualTo("holds guild 1");
        assertThat(sameGuild.get(10, TimeUnit.SECONDS)).isEqualTo("guild 1 again");
        assertThat(started).containsExactly(List.of(GuildId.of(1)), List.of(GuildId.of(2)), List.of(GuildId.of(1)));
    }

    /**
     * Two leader slots. The first two updates run alone, held; three more queue; releasing the first
     * starts a batch of those three beside the second, held; the second is released. Then the test
     * goes on with this setup's batches, its sizes so far and its release latches (by batch index).
     */
    private record Held(UpdateBatches batches, List<Integer> sizes, List<CountDownLatch> releases,
                        List<Future<String>> results) {
    }

    private Held threeRunningBesideNothing() throws Exception {
        return threeRunningBesideNothing(java.time.Duration.ofSeconds(60));
    }

    private Held threeRunningBesideNothing(java.time.Duration hold) throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        List<CountDownLatch> releases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            releases.add(new CountDownLatch(1));
        }
        UpdateBatches batches = new UpdateBatches(2, 64, hold, batch -> {
            int index;
            synchronized (sizes) {
                index = sizes.size();
                sizes.add(batch.size());
            }
            await(releases.get(index));
            runAll(batch);
        });
        List<Future<String>> results = new ArrayList<>();
        results.add(submit(batches, pending(1, "u1")));
        awaitRunning(sizes, 1);
        results.add(submit(batches, pending(2, "u2")));
        awaitRunning(sizes, 2);
        for (int i = 3; i <= 5; i++) {
            results.add(submit(batches, pending(i, "u" + i)));
        }
        awaitQueued(batches, 3);
        releases.get(0).countDown();
        awaitRunning(sizes, 3);
        releases.get(1).countDown();
        assertThat(results.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("u2");
        assertThat(sizes).containsExactly(1, 1, 3);
        return new Held(batches, sizes, releases, results);
    }

    /** Releases every held batch; then each update u1, u2, ... gets its own result. */
    private static void releaseAllAndExpectEachResult(Held held) throws Exception {
        held.releases().forEach(CountDownLatch::countDown);
        for (int i = 0; i < held.results().size(); i++) {
            assertThat(held.results().get(i).get(10, TimeUnit.SECONDS)).isEqualTo("u" + (i + 1));
        }
    }

    @Test
    void aBatchBesideARunningOneWaitsUntilAsManyUpdatesAreQueuedAsThatOneHolds() throws Exception {
        Held held = threeRunningBesideNothing();
        held.results().add(submit(held.batches(), pending(6, "u6")));
        held.results().add(submit(held.batches(), pending(7, "u7")));
        awaitQueued(held.batches(), 2);
        Thread.sleep(50); // time to start a batch of two, which must not happen
        assertThat(held.sizes()).containsExactly(1, 1, 3);

        held.results().add(submit(held.batches(), pending(8, "u8")));
        awaitRunning(held.sizes(), 4);

        assertThat(held.sizes()).containsExactly(1, 1, 3, 3);
        releaseAllAndExpectEachResult(held);
    }

    @Test
    void fewerQueuedUpdatesRunAsSoonAsTheRunningBatchEnds() throws Exception {
        Held held = threeRunningBesideNothing();
        held.results().add(submit(held.batches(), pending(6, "u6")));
        held.results().add(submit(held.batches(), pending(7, "u7")));
        awaitQueued(held.batches(), 2);

        held.releases().get(2).countDown();
        awaitRunning(held.sizes(), 4);

        assertThat(held.sizes()).containsExactly(1, 1, 3, 2);
        releaseAllAndExpectEachResult(held);
    }

    @Test
    void queuedUpdatesOfGuildsARunningBatchHoldsDoNotCountTowardsStartingOneBeside() throws Exception {
        Held held = threeRunningBesideNothing(); // running: guilds 3, 4 and 5
        held.results().add(submit(held.batches(), pending(3, "u6")));
        awaitQueued(held.batches(), 1);
        held.results().add(submit(held.batches(), pending(4, "u7")));
        awaitQueued(held.batches(), 2);
        held.results().add(submit(held.batches(), pending(6, "u8")));
        awaitQueued(held.batches(), 3);
        Thread.sleep(50); // three queued, but a batch could take only one of them now
        assertThat(held.sizes()).containsExactly(1, 1, 3);

        held.results().add(submit(held.batches(), pending(7, "u9")));
        held.results().add(submit(held.batches(), pending(8, "u10")));
        awaitRunning(held.sizes(), 4);

        assertThat(held.sizes()).containsExactly(1, 1, 3, 3); // guilds 6, 7 and 8
        releaseAllAndExpectEachResult(held);
    }

    @Test
    void aBatchThatRunsLongNoLongerHoldsASmallerOneBack() throws Exception {
        Held held = threeRunningBesideNothing(java.time.Duration.ofMillis(20));
        held.results().add(submit(held.batches(), pending(6, "u6")));

        awaitRunning(held.sizes(), 4); // the batch of three is still running: released only below

        assertThat(held.sizes()).containsExactly(1, 1, 3, 1);
        held.releases().get(3).countDown();
        assertThat(held.results().get(5).get(10, TimeUnit.SECONDS)).isEqualTo("u6");
        assertThat(held.results().get(2).isDone()).isFalse(); // the long batch is still running
        releaseAllAndExpectEachResult(held);
    }

    @Test
    void manyWritersOnFewGuildsNeverHaveAGuildInTwoRunningBatchesAndLoseNoUpdate() throws Exception {
        Set<GuildId> running = new HashSet<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        Consumer<List<PendingUpdate<?>>> runner = batch -> {
            Set<GuildId> mine = new HashSet<>();
            batch.forEach(update -> mine.add(update.guild()));
            synchronized (running) {
                for (GuildId guild : mine) {
                    if (!running.add(guild)) {
                        overlaps.incrementAndGet();
                    }
                }
            }
            Thread.yield();
            runAll(batch);
            ran.addAndGet(batch.size());
            synchronized (running) {
                running.removeAll(mine);
            }
        };
        UpdateBatches batches = new UpdateBatches(3, 4, runner);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    PendingUpdate<String> update = pending((writer + i) % 3, "x");
                    batches.submit(update);
                    assertThat(update.isDone()).isTrue();
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }

        assertThat(overlaps.get()).isZero();
        assertThat(ran.get()).isEqualTo(12 * 300);
        assertThat(batches.queuedCount()).isZero();
    }

    @Test
    void aRunnerThatThrowsFailsItsWholeBatchAndStrandsNoCaller() {
        IllegalStateException bug = new IllegalStateException("bug in the runner");
        UpdateBatches batches = new UpdateBatches(1, 64, batch -> {
            throw bug;
        });
        PendingUpdate<String> update = pending(1, "never");

        batches.submit(update);

        assertThat(update.isDone()).isTrue();
        assertThatThrownBy(update::outcome).isSameAs(bug);
    }

    @Test
    void aRunnerThatThrowsAfterSettlingSomeUpdatesFailsOnlyTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        UpdateBatches batches = new UpdateBatches(1, 64, batch -> {
            if (calls.incrementAndGet() == 1) {
                await(release);
                runAll(batch);
                batch.forEach(PendingUpdate::settle);
                return;
            }
            runOne(batch.get(0));
            batch.get(0).settle();
            throw new IllegalStateException("failed after the first");
        });
        Future<String> holding = submit(batches, pending(1, "holding"));
        awaitQueued(batches, 0);
        while (calls.get() == 0) {
            Thread.sleep(1);
        }
        Future<String> settled = submit(batches, pending(2, "settled"));
        awaitQueued(batches, 1);
        Future<String> unsettled = submit(batches, pending(3, "unsettled"));
        awaitQueued(batches, 2);

        release.countDown();

        assertThat(holding.get(10, TimeUnit.SECONDS)).isEqualTo("holding");
        assertThat(settled.get(10, TimeUnit.SECONDS)).isEqualTo("settled");
        assertThatThrownBy(() -> unsettled.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("failed after the first");
    }

    @Test
    void theSlotOfABatchWhoseRunnerThrewIsFreeForTheNextUpdate() {
        AtomicInteger calls = new AtomicInteger();
        UpdateBatches batches = new UpdateBatches(1, 64, batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first batch fails");
            }
            runAll(batch);
        });
        PendingUpdate<String> failing = pending(1, "never");
        batches.submit(failing);
        PendingUpdate<String> next = pending(1, "next");

        batches.submit(next);

        assertThatThrownBy(failing::outcome).hasMessage("first batch fails");
        assertThat(next.outcome()).isEqualTo("next");
    }

    @Test
    void refusesNoLeadersOrAnEmptyBatchSize() {
        assertThatThrownBy(() -> new UpdateBatches(0, 1, UpdateBatchesTest::runAll))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpdateBatches(1, 0, UpdateBatchesTest::runAll))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitRunning(List<?> started, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.size() < count) {
            assertThat(System.nanoTime()).as("%s batches started in time", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the batch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
