package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path dir;

    /**
     * Holds the lock file's lock the way a probe does (another channel). The channel stays open
     * until the test ends: closing a channel on the file would also drop the store's lock.
     */
    private FileChannel probeChannel() throws Exception {
        return FileChannel.open(dir.resolve(DirectoryLock.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Test
    void openWaitsOutALockHeldForAMomentByAProbe() throws Exception {
        try (FileChannel probe = probeChannel()) {
            FileLock held = probe.lock();
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    held.release();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();
            releaser.start();

            try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
                assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
                assertThat(store.failed()).isFalse();
                assertThat(DataDirectory.at(dir).lockHolder()).hasValue(ProcessHandle.current().pid());
            }
            releaser.join();
        }
        assertThat(DataDirectory.at(dir).lockHolder()).isEmpty();
    }

    @Test
    void aLockHeldLongerThanThePatienceStillFails() throws Exception {
        try (FileChannel probe = probeChannel(); FileLock held = probe.lock()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> DirectoryLock.acquire(dir, Duration.ofMillis(300)))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("is in use by");

            long waited = System.nanoTime() - started;
            assertThat(waited).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
            assertThat(waited).isLessThan(TimeUnit.SECONDS.toNanos(3));
        }
    }

    @Test
    void aStoreOfThisJvmHoldingTheLockFailsAtOnce() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> DirectoryLock.acquire(dir, Duration.ofSeconds(5)))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("PID " + ProcessHandle.current().pid());

            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(2));
        }
    }
}
