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

    /** Opens a file for reading. */
    InputStream openRead(Path path) throws IOException;

    /** Whether a file or directory exists. */
    boolean exists(Path path);

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
