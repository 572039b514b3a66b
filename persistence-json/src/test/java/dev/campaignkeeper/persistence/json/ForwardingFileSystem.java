package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A file system that passes every call on to another one; tests extend it and override only the
 * calls they watch or break.
 */
abstract class ForwardingFileSystem implements FileSystemOps {

    private final FileSystemOps delegate;

    ForwardingFileSystem(FileSystemOps delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The file system the calls go to. */
    final FileSystemOps delegate() {
        return delegate;
    }

    @Override
    public WritableFile createNew(Path path) throws IOException {
        return delegate.createNew(path);
    }

    @Override
    public InputStream openRead(Path path) throws IOException {
        return delegate.openRead(path);
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public Kind kind(Path path) {
        return delegate.kind(path);
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
    public List<Path> list(Path directory) throws IOException {
        return delegate.list(directory);
    }

    @Override
    public void createDirectory(Path directory) throws IOException {
        delegate.createDirectory(directory);
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
    public void fsyncDirectory(Path directory) throws IOException {
        delegate.fsyncDirectory(directory);
    }
}
