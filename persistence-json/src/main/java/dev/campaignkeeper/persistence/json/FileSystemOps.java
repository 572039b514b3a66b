package dev.campaignkeeper.persistence.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Every file operation the store performs, so tests can inject faults and simulate power loss.
 * The lock file is deliberately not routed through here (see {@link DirectoryLock}).
 */
interface FileSystemOps {

    /** A file opened for writing. */
    interface WritableFile extends Closeable {
        /** Writes all of {@code src} at {@code position}. */
        void write(ByteBuffer src, long position) throws IOException;

        /** Flushes to stable storage; {@code metadata=false} is fdatasync. */
        void force(boolean metadata) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Creates a new file (fails if it exists) with permissions 0600, open for writing. */
    WritableFile createNew(Path path) throws IOException;

    /**
     * Opens a regular file for reading without following a symbolic link.
     *
     * @throws UnsafeFileException if the path is a link, a directory, a FIFO, a socket or a device
     */
    InputStream openRead(Path path) throws IOException;

    /** Whether anything (a file, a directory, a link, even a dangling one) exists at the path. */
    boolean exists(Path path);

    /** What is at a path, without following a symbolic link. */
    enum Kind { MISSING, FILE, DIRECTORY, LINK, OTHER }

    /** What is at the path, without following a symbolic link. */
    default Kind kind(Path path) {
        if (!exists(path)) {
            return Kind.MISSING;
        }
        return isDirectory(path) ? Kind.DIRECTORY : Kind.FILE;
    }

    /** Whether the path is a directory. */
    boolean isDirectory(Path path);

    /** Size of a file in bytes. */
    long size(Path path) throws IOException;

    /** Last modification time in epoch milliseconds. */
    long lastModifiedMillis(Path path) throws IOException;

    /** The entries of a directory (full paths), empty if it does not exist. */
    List<Path> list(Path dir) throws IOException;

    /** Creates a directory with permissions 0700 (parent must exist). */
    void createDirectory(Path dir) throws IOException;

    /** Renames atomically, replacing the target. */
    void moveAtomic(Path source, Path target) throws IOException;

    /** Deletes a file or an empty directory if it exists. */
    void delete(Path path) throws IOException;

    /** Makes the directory's entries (creations, renames, deletions) durable. */
    void fsyncDirectory(Path dir) throws IOException;
}
