package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the store checkpoints on its own (the journal's triggers, the interval on the store's clock),
 * that a failed journal stops checkpoints before they touch the disk, and that checkpoints leave no
 * journal writer open.
 */
class CheckpointerTest {

    /** Generous: a checkpoint of a few records takes milliseconds even on a loaded machine. */
    private static final long DEADLINE_SECONDS = 60;

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-03T08:00:00Z").toEpochMilli());

        void advance(long by) {
            millis.addAndGet(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withRetention(RetentionPolicy.defaults()).withCheckpointOnClose(false);
    }

    private static void mutate(JsonCampaignStore store, Random random, int count) {
        for (int i = 0; i < count; i++) {
            List<RecordChange> changes = Fixtures.randomChanges(random, store.guild(Fixtures.guild(random.nextInt(3))));
            store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
        }
    }

    /** Counts manifests moved into place (one per checkpoint) and counts down a latch for each. */
    private static AtomicInteger countManifests(FakeFileSystem fs, List<CountDownLatch> latches) {
        AtomicInteger written = new AtomicInteger();
        fs.setFault((op, path) -> {
            if (op == FakeFileSystem.Op.MOVE && path.getFileName().toString().equals("." + Manifest.FILE + ".tmp")) {
                written.incrementAndGet();
                latches.forEach(CountDownLatch::countDown);
            }
            return null;
        });
        return written;
    }

    @Test
    void theJournalTriggerStartsABackgroundCheckpointEachTimeItIsReached() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Random random = new Random(3);
        try (JsonCampaignStore store = JsonCampaignStore.open(
                config().withCheckpointTriggers(3, 1L << 40, Duration.ofHours(1)), fs)) {
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(2);
            countManifests(fs, List.of(first, second));

            mutate(store, random, 3);
            assertThat(first.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("the first checkpoint").isTrue();
            // the second request may arrive while the first runs: keep writing until it is taken
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            while (second.getCount() > 0 && System.nanoTime() < deadline) {
                mutate(store, random, 3);
                second.await(100, TimeUnit.MILLISECONDS);
            }
            assertThat(second.getCount()).as("a later trigger starts another checkpoint").isZero();
        }
    }

    @Test
    void theIntervalCountsOnTheStoresClockAndIsDueWhenExactlyReached() throws Exception {
        HandClock clock = new HandClock();
        FakeFileSystem fs = new FakeFileSystem(dir);
        Duration interval = Duration.ofSeconds(1); // also the period of the background check
        try (JsonCampaignStore store = JsonCampaignStore.open(
                config().withClock(clock).withCheckpointTriggers(1_000_000, 1L << 40, interval), fs)) {
            CountDownLatch due = new CountDownLatch(1);
            AtomicInteger written = countManifests(fs, List.of(due));
            mutate(store, new Random(5), 2);

            // the store's clock stands still: however long the wall clock runs, nothing is due
            assertThat(due.await(2_500, TimeUnit.MILLISECONDS)).as("no checkpoint before the interval").isFalse();
            clock.advance(interval.toMillis() - 1);
            assertThat(due.await(2_500, TimeUnit.MILLISECONDS)).as("none a millisecond before it").isFalse();
            clock.advance(1);
            assertThat(due.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("one once it is reached").isTrue();
            assertThat(written.get()).isEqualTo(1);
        }
    }

    @Test
    void aCheckpointAfterAJournalFailureIsRefusedBeforeItTouchesTheDisk() throws IOException {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            fs.setFault((op, path) -> op == FakeFileSystem.Op.FORCE ? new IOException("EIO") : null);
            assertThatThrownBy(() -> mutate(store, new Random(7), 1)).isInstanceOf(StoreException.class);
            List<String> touched = new ArrayList<>();
            fs.setFault((op, path) -> {
                touched.add(op + " " + path.getFileName());
                return null;
            });

            assertThatThrownBy(store::checkpoint).isInstanceOf(StoreException.class)
                    .hasMessageContaining("refuses writes after an I/O failure").hasMessageContaining("EIO");
            assertThat(touched).as("no file created, written or moved").isEmpty();
        }
    }

    @Test
    void checkpointsAndCloseLeaveNoJournalWriterOpen() throws IOException {
        FakeFileSystem fs = new FakeFileSystem(dir);
        JsonCampaignStore store = JsonCampaignStore.open(config(), fs);
        int open = fs.openFiles(); // the journal and the post log's segment
        assertThat(open).isPositive();

        store.checkpoint(); // nothing changed: the journal it started is discarded
        assertThat(fs.openFiles()).as("after a checkpoint with nothing to write").isEqualTo(open);
        mutate(store, new Random(9), 4);
        store.checkpoint(); // the old journal is closed, the new one open
        assertThat(fs.openFiles()).as("after a checkpoint that wrote a new base").isEqualTo(open);
        store.close();
        assertThat(fs.openFiles()).as("after close").isZero();
    }
}
