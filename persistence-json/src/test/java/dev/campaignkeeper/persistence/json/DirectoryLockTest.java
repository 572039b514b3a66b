package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    /** Generous: nothing here takes more than milliseconds unless the machine is overloaded. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** Runs {@code action} on its own thread, so the test can watch it wait. */
    private static final class Attempt<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Thread thread;

        Attempt(Callable<T> action) {
            thread = new Thread(() -> {
                try {
                    result.complete(action.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "lock-attempt");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the attempt sleeps between retries (or has finished, which fails the test). */
        void awaitRetrying() throws InterruptedException {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (thread.getState() != Thread.State.TIMED_WAITING) {
                assertThat(result).as("the attempt ended instead of retrying").isNotDone();
                assertThat(System.nanoTime()).as("the attempt started retrying").isLessThan(deadline);
                Thread.sleep(1);
            }
        }

        T get() throws Exception {
            try {
                return result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    @Test
    void acquireRetriesWhileAProbeHoldsTheLockAndTakesItOnceReleased() throws Exception {
        try (FileChannel probe = probeChannel()) {
            FileLock held = probe.lock();
            Attempt<DirectoryLock> acquire = new Attempt<>(() -> DirectoryLock.acquire(dir, DEADLINE));

            acquire.awaitRetrying();
            held.release();

            try (DirectoryLock lock = acquire.get()) {
                assertThat(DataDirectory.at(dir).lockHolder()).hasValue(ProcessHandle.current().pid());
            }
        }
        assertThat(DataDirectory.at(dir).lockHolder()).isEmpty();
    }

    @Test
    void openIsPatientWithALockHeldByAProbeButGivesUpNamingTheDirectory() throws Exception {
        try (FileChannel probe = probeChannel(); FileLock held = probe.lock()) {
            Attempt<JsonCampaignStore> open = new Attempt<>(() -> JsonCampaignStore.open(Fixtures.config(dir)));

            open.awaitRetrying();

            assertThatThrownBy(open::get)
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("data directory " + dir + " is in use by");
        }
    }

    @Test
    void openTakesTheLockAndReleasesItOnClose() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            assertThat(store.failed()).isFalse();
            assertThat(DataDirectory.at(dir).lockHolder()).hasValue(ProcessHandle.current().pid());
        }
        assertThat(DataDirectory.at(dir).lockHolder()).isEmpty();
    }

    @Test
    void aLockHeldLongerThanThePatienceStillFailsAfterTheWholePatience() throws Exception {
        try (FileChannel probe = probeChannel(); FileLock held = probe.lock()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> DirectoryLock.acquire(dir, Duration.ofMillis(300)))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("is in use by");

            // a lower bound only: the code guarantees it however loaded the machine is
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        }
    }

    @Test
    void aStoreOfThisJvmHoldingTheLockFailsAtOnceDespiteAnyPatience() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            // waiting out a store of this JVM would take the whole (endless) patience
            Attempt<DirectoryLock> acquire = new Attempt<>(() -> DirectoryLock.acquire(dir, Duration.ofDays(365)));

            assertThatThrownBy(acquire::get)
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("PID " + ProcessHandle.current().pid());
        }
    }

    @Test
    void theLockFileHoldsTheOwnersPidOnOneLine() throws Exception {
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            assertThat(java.nio.file.Files.readString(dir.resolve(DirectoryLock.LOCK_FILE)))
                    .isEqualTo(ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void aLockFileNobodyHoldsNamesNoHolder() throws Exception {
        assertThat(DirectoryLock.holder(dir)).isEmpty();
        java.nio.file.Files.writeString(dir.resolve(DirectoryLock.LOCK_FILE), "12345\n");

        assertThat(DirectoryLock.holder(dir)).isEmpty();
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            assertThat(DirectoryLock.holder(dir)).hasValue(ProcessHandle.current().pid());
        }
        assertThat(DirectoryLock.holder(dir)).isEmpty();
    }

    @Test
    void aHolderWhosePidIsUnreadableIsReportedAsUnknown() throws Exception {
        try (FileChannel probe = probeChannel(); FileLock held = probe.lock()) {
            assertThat(DataDirectory.at(dir).lockHolder()).hasValue(-1);
            assertThatThrownBy(() -> DirectoryLock.acquire(dir))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("another process (PID unknown)");
        }
    }

    @Test
    void aHolderThatWroteItsPidIsNamed() throws Exception {
        try (FileChannel probe = probeChannel(); FileLock held = probe.lock()) {
            probe.write(java.nio.ByteBuffer.wrap("4242\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);

            assertThat(DataDirectory.at(dir).lockHolder()).hasValue(4242);
            assertThatThrownBy(() -> DirectoryLock.acquire(dir))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessage("data directory " + dir + " is in use by PID 4242; stop that process first (or use a "
                            + "read-only command)");
        }
    }

    @Test
    void releasingTwiceIsHarmlessAndTheLockCanBeTakenAgain() {
        DirectoryLock lock = DirectoryLock.acquire(dir);
        lock.close();
        lock.close();

        try (DirectoryLock again = DirectoryLock.acquire(dir)) {
            assertThat(DirectoryLock.holder(dir)).hasValue(ProcessHandle.current().pid());
        }
    }

    @Test
    void theOwnersPidIsForcedToTheLockFileBeforeTheLockIsHandedOut() throws Exception {
        RecordingChannels channels = new RecordingChannels();
        try (DirectoryLock lock = DirectoryLock.acquire(dir, Duration.ZERO, channels)) {
            assertThat(java.nio.file.Files.readString(dir.resolve(DirectoryLock.LOCK_FILE)))
                    .isEqualTo(ProcessHandle.current().pid() + "\n");
            // what a reader after a power loss (or another process on a network file system) sees
            assertThat(channels.events()).containsExactly("open .lock", "truncate .lock", "write .lock",
                    "force(true) .lock");
            assertThat(DirectoryLock.holder(dir)).hasValue(ProcessHandle.current().pid());
        }
        assertThat(channels.events()).endsWith("close .lock");
    }

    @Test
    void aLockFileSwappedForALinkWhileItIsOpenedIsRefusedAndItsTargetNeverWritten() throws Exception {
        java.nio.file.Path target = java.nio.file.Files.writeString(
                java.nio.file.Files.createTempFile("not-a-lock", ".txt"), "precious\n");
        try {
            java.nio.file.Path lockFile = dir.resolve(DirectoryLock.LOCK_FILE);
            // opens the real file, then (the race) puts a link where it was before the store looks again
            NioFileSystemOps.ChannelOpener swapping = (path, options, attributes) -> {
                java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path, options, attributes);
                java.nio.file.Files.delete(path);
                java.nio.file.Files.createSymbolicLink(path, target);
                return channel;
            };

            assertThatThrownBy(() -> DirectoryLock.acquire(dir, Duration.ZERO, swapping))
                    .isInstanceOf(dev.campaignkeeper.core.error.StoreException.class)
                    .hasMessageContaining("cannot use lock file " + lockFile)
                    .hasMessageContaining("symbolic link");
            assertThat(java.nio.file.Files.readString(target)).isEqualTo("precious\n");
        } finally {
            java.nio.file.Files.deleteIfExists(target);
        }
    }
}
