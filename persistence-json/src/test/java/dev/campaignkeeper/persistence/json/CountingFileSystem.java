package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The real file system, counting how often each file name is opened for reading and letting a
 * test act (e.g. checkpoint a running store) just before an open.
 */
final class CountingFileSystem implements FileSystemOps {

    private final FileSystemOps delegate = NioFileSystemOps.INSTANCE;
    private final Map<String, Integer> opens = new ConcurrentHashMap<>();
    private volatile Consumer<Path> beforeOpen = path -> { };

    /** Runs {@code action} before every open for reading. */
    void beforeOpen(Consumer<Path> action) {
        beforeOpen = action;
    }

    /** How often a file of this name was opened for reading. */
    int opens(String fileName) {
        return opens.getOrDefault(fileName, 0);
    }

    @Override
    public WritableFile createNew(Path path) throws IOException {
        return delegate.createNew(path);
    }

    @Override
    public InputStream openRead(Path path) throws IOException {
        beforeOpen.accept(path);
        opens.merge(path.getFileName().toString(), 1, Integer::sum);
        return delegate.openRead(path);
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return delegate.isDirectory(path);
    }

    @Override
    public long size(Path path) throws IOException {
        return delegate.size(path);
    }

    @Override
    public long lastModifiedMillis(Path path) throws IOException {
        return delegate.lastModifiedMillis(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return delegate.list(dir);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        delegate.createDirectory(dir);
    }

    @Override
    public void moveAtomic(Path source, Path target) throws IOException {
        delegate.moveAtomic(source, target);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public void fsyncDirectory(Path dir) throws IOException {
        delegate.fsyncDirectory(dir);
    }
}
