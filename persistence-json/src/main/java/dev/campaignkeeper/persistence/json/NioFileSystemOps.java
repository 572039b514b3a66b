package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real file system through NIO; permissions set at creation on POSIX systems. Nothing inside
 * the data directory is followed if it is a symbolic link: reads open regular files only
 * ({@code O_NOFOLLOW}), new files are created exclusively ({@code O_EXCL}), and renames replace a
 * link itself, never its target.
 */
final class NioFileSystemOps implements FileSystemOps {

    static final NioFileSystemOps INSTANCE = new NioFileSystemOps(FileChannel::open);

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * How a channel is opened: {@link FileChannel#open(Path, Set, FileAttribute[])}, or in tests a
     * wrapper that records which channels were forced (a {@code force} no test could see otherwise).
     */
    @FunctionalInterface
    interface ChannelOpener {
        FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
                throws IOException;
    }

    private final ChannelOpener channels;

    /** The real file system, its channels opened by {@code channels} (tests). */
    NioFileSystemOps(ChannelOpener channels) {
        this.channels = channels;
    }

    static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    static FileAttribute<?>[] dirAttributes() {
        return POSIX ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    @Override
    public WritableFile createNew(Path path) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel channel = channels.open(path, options, fileAttributes());
        return new WritableFile() {
            @Override
            public void write(ByteBuffer src, long position) throws IOException {
                long at = position;
                while (src.hasRemaining()) {
                    at += channel.write(src, at);
                }
            }

            @Override
            public void force(boolean metadata) throws IOException {
                channel.force(metadata);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public InputStream openRead(Path path) throws IOException {
        requireRegularFile(path);
        // NOFOLLOW_LINKS (O_NOFOLLOW) closes the window between the check and the open for links
        return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Fails unless the path is a regular file, looking at the path itself (a link is not followed).
     * A FIFO would block the open forever and a device could be read without end, so both are
     * refused before any open.
     */
    static void requireRegularFile(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        String refused = refusal(attributes);
        if (refused != null) {
            throw new UnsafeFileException(path, refused);
        }
    }

    /** Why a path with these attributes is not a regular file, or null when it is one. */
    static String refusal(BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isSymbolicLink()) {
            return "is a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "is a directory";
        }
        return "is a special file (a FIFO, socket or device), not a regular file";
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Kind kind(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Kind.MISSING;
        }
        if (attributes.isRegularFile()) {
            return Kind.FILE;
        }
        if (attributes.isDirectory()) {
            return Kind.DIRECTORY;
        }
        return attributes.isSymbolicLink() ? Kind.LINK : Kind.OTHER;
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public long size(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
    }

    @Override
    public long lastModifiedMillis(Path path) throws IOException {
        return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return new ArrayList<>(entries.toList());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, dirAttributes());
    }

    @Override
    public void moveAtomic(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = channels.open(dir, Set.of(StandardOpenOption.READ))) {
            channel.force(true);
        }
    }
}
