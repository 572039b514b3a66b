package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.error.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The single-writer lock: {@code DATA_DIR/.lock} held with a {@link FileLock} for the life of the
 * store, containing the owner's PID.
 *
 * <p>Java pitfall: closing any other channel on a locked file releases the lock at OS level. So
 * within this JVM a registry answers "who holds it" for directories locked here, and the lock file
 * is only ever opened while that registry says nobody in this JVM holds it.
 */
final class DirectoryLock implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    private static final Object MONITOR = new Object();
    private static final Set<Path> HELD = new HashSet<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    private static Path key(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    static DataDirectoryLockedException lockedBy(Path dataDir, OptionalLong pid) {
        return new DataDirectoryLockedException("data directory " + dataDir + " is in use by "
                + (pid.isPresent() ? "PID " + pid.getAsLong() : "another process (PID unknown)")
                + "; stop that process first (or use a read-only command)");
    }

    /**
     * How long {@link JsonCampaignStore#open} waits for a lock another process holds before it
     * gives up: long enough to outlast a lock-holder probe (which holds the lock for a moment, see
     * {@link #holder}), short enough that a second writer still fails fast.
     */
    static final Duration OPEN_PATIENCE = Duration.ofSeconds(1);

    /**
     * Takes the lock or fails fast.
     *
     * @throws DataDirectoryLockedException if another process or another store in this JVM holds it
     */
    static DirectoryLock acquire(Path dataDir) {
        return acquire(dataDir, Duration.ZERO);
    }

    /**
     * Takes the lock, retrying while another process holds it for at most {@code patience}; a
     * store in this JVM holding it fails at once (it holds the lock for its whole life).
     *
     * @throws DataDirectoryLockedException if the lock is still held after {@code patience}
     */
    static DirectoryLock acquire(Path dataDir, Duration patience) {
        return acquire(dataDir, patience, FileChannel::open);
    }

    /**
     * {@link #acquire(Path, Duration)} with the lock file's channel opened by {@code channels}
     * (tests: a wrapper that records what is written and forced).
     */
    static DirectoryLock acquire(Path dataDir, Duration patience, NioFileSystemOps.ChannelOpener channels) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 2;
        while (true) {
            OptionalLong[] holder = new OptionalLong[1];
            DirectoryLock lock = attempt(dataDir, holder, channels);
            if (lock != null) {
                return lock;
            }
            long leftNanos = deadline - System.nanoTime();
            if (leftNanos <= 0) {
                throw lockedBy(dataDir, holder[0]);
            }
            long leftMillis = (leftNanos + 999_999) / 1_000_000; // rounded up: waits the whole patience
            try {
                Thread.sleep(Math.min(pauseMillis, leftMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw lockedBy(dataDir, holder[0]);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    /**
     * One try: the lock, or null with the holder's PID in {@code holder[0]} when another process
     * (or a probe) holds it at the OS level.
     */
    private static DirectoryLock attempt(Path dataDir, OptionalLong[] holder,
                                         NioFileSystemOps.ChannelOpener channels) {
        synchronized (MONITOR) {
            Path key = key(dataDir);
            if (HELD.contains(key)) {
                throw lockedBy(dataDir, OptionalLong.of(ProcessHandle.current().pid()));
            }
            Path file = dataDir.resolve(LOCK_FILE);
            FileChannel channel;
            try {
                channel = openLockFile(file, true, channels);
            } catch (IOException e) {
                throw cannotUse(file, e);
            }
            try {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    holder[0] = readPid(channel);
                    channel.close();
                    return null;
                }
                byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
                channel.truncate(0);
                ByteBuffer buffer = ByteBuffer.wrap(pid);
                long at = 0;
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
                channel.force(true);
                HELD.add(key);
                return new DirectoryLock(key, channel, lock);
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Who holds the lock: the PID of the holder, or empty when nobody does.
     */
    static OptionalLong holder(Path dataDir) {
        synchronized (MONITOR) {
            if (HELD.contains(key(dataDir))) {
                return OptionalLong.of(ProcessHandle.current().pid());
            }
            Path file = dataDir.resolve(LOCK_FILE);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return OptionalLong.empty();
            }
            // read-only: the probe must work on a directory (or lock file) this process cannot write,
            // and a shared lock conflicts with the holder's exclusive one just as well
            try (FileChannel channel = openLockFileForReading(file)) {
                FileLock probe;
                try {
                    probe = channel.tryLock(0, Long.MAX_VALUE, true);
                } catch (OverlappingFileLockException e) {
                    probe = null;
                }
                if (probe != null) {
                    probe.release();
                    return OptionalLong.empty();
                }
                OptionalLong pid = readPid(channel);
                return pid.isPresent() ? pid : OptionalLong.of(-1);
            } catch (NoSuchFileException e) {
                return OptionalLong.empty();
            } catch (IOException e) {
                throw cannotUse(file, e);
            }
        }
    }

    /**
     * Opens the lock file without following a link (O_NOFOLLOW) and only if it is a regular file:
     * a lock file linked elsewhere (to {@code /etc/passwd}, say) would otherwise be truncated and
     * overwritten with the PID, and a FIFO would block. A new lock file is created 0600.
     */
    private static FileChannel openLockFile(Path file, boolean create, NioFileSystemOps.ChannelOpener channels)
            throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            NioFileSystemOps.requireRegularFile(file);
        }
        Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
        if (create) {
            options.add(StandardOpenOption.CREATE);
        }
        FileChannel channel = channels.open(file, options, NioFileSystemOps.fileAttributes());
        try {
            // the open may have raced with a swap of the path: check what was opened
            NioFileSystemOps.requireRegularFile(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /** Opens an existing lock file for reading only, without following a link, only if regular. */
    private static FileChannel openLockFileForReading(Path file) throws IOException {
        NioFileSystemOps.requireRegularFile(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            NioFileSystemOps.requireRegularFile(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private static StoreException cannotUse(Path file, IOException e) {
        String fix = e instanceof UnsafeFileException
                ? "; remove it (the store creates a regular lock file itself)" : "";
        return new StoreException("cannot use lock file " + file + ": " + IoProblems.reason(e) + fix, e);
    }

    private static OptionalLong readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        synchronized (MONITOR) {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it anyway
            } finally {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
                HELD.remove(key);
            }
        }
    }
}
