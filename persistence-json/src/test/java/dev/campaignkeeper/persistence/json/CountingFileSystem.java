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
final class CountingFileSystem extends ForwardingFileSystem {

    private final Map<String, Integer> opens = new ConcurrentHashMap<>();
    private volatile Consumer<Path> beforeOpen = path -> { };

    CountingFileSystem() {
        super(NioFileSystemOps.INSTANCE);
    }

    /** Runs {@code action} before every open for reading. */
    void beforeOpen(Consumer<Path> action) {
        beforeOpen = action;
    }

    /** How often a file of this name was opened for reading. */
    int opens(String fileName) {
        return opens.getOrDefault(fileName, 0);
    }

    @Override
    public InputStream openRead(Path path) throws IOException {
        beforeOpen.accept(path);
        opens.merge(path.getFileName().toString(), 1, Integer::sum);
        return super.openRead(path);
    }








}
