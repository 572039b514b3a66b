package dev.campaignkeeper.persistence.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory file system that models what survives power loss: file data survives only once
 * forced, directory entries (creations, renames, deletions) only once their directory is fsynced.
 * {@link #crashImage()} returns what a machine would find after losing power now. Faults can be
 * injected at the N-th mutating operation (simulated power loss: that and every later operation
 * fails) or by kind (disk full, EIO).
 */
final class FakeFileSystem implements FileSystemOps {

    /** Kinds of mutating operations, for fault injection. */
    enum Op { CREATE, WRITE, FORCE, MKDIR, MOVE, DELETE, FSYNC_DIR }

    /** Decides whether an operation fails. */
    interface Fault {
        IOException check(Op op, Path path);
    }

    private static final class FileNode {
        byte[] data = new byte[0];
        int length;
        byte[] durable = new byte[0];
        long modified;
    }

    private static final class DirNode {
        final Map<String, Object> live = new HashMap<>();
        Map<String, Object> durable = new HashMap<>();
    }

    private final DirNode root;
    private long operations;
    private long crashAt = Long.MAX_VALUE;
    private boolean crashed;
    private Fault fault = (op, path) -> null;
    private int openFiles;
    private long clock;

    /** A file system where {@code existing} (and its ancestors) exist durably. */
    FakeFileSystem(Path existing) {
        root = new DirNode();
        DirNode dir = root;
        for (Path name : existing.toAbsolutePath()) {
            DirNode child = new DirNode();
            dir.live.put(name.toString(), child);
            dir.durable.put(name.toString(), child);
            dir = child;
        }
    }

    private FakeFileSystem(DirNode root) {
        this.root = root;
    }

    /** Fails the {@code n}-th mutating operation (1-based) and everything after it. */
    synchronized void crashAtOperation(long n) {
        crashAt = n;
    }

    /** Files created and not yet closed (writers a store or log left open). */
    synchronized int openFiles() {
        return openFiles;
    }

    synchronized void setFault(Fault newFault) {
        fault = newFault;
    }

    synchronized long operations() {
        return operations;
    }

    synchronized boolean crashed() {
        return crashed;
    }

    /** What survives a power loss now: only forced data and fsynced directory entries. */
    synchronized FakeFileSystem crashImage() {
        return new FakeFileSystem(copyDurable(root));
    }

    private static DirNode copyDurable(DirNode dir) {
        DirNode copy = new DirNode();
        for (Map.Entry<String, Object> entry : dir.durable.entrySet()) {
            Object value = entry.getValue();
            Object child;
            if (value instanceof DirNode sub) {
                child = copyDurable(sub);
            } else {
                FileNode file = (FileNode) value;
                FileNode survived = new FileNode();
                survived.data = file.durable.clone();
                survived.length = survived.data.length;
                survived.durable = survived.data.clone();
                child = survived;
            }
            copy.live.put(entry.getKey(), child);
        }
        copy.durable = new HashMap<>(copy.live);
        return copy;
    }

    private void mutating(Op op, Path path) throws IOException {
        if (crashed) {
            throw new IOException("simulated power loss: the machine is off");
        }
        operations++;
        if (operations >= crashAt) {
            crashed = true;
            throw new IOException("simulated power loss during " + op + " " + path);
        }
        IOException injected = fault.check(op, path);
        if (injected != null) {
            throw injected;
        }
    }

    private void reading() throws IOException {
        if (crashed) {
            throw new IOException("simulated power loss: the machine is off");
        }
    }

    private DirNode dir(Path path) throws IOException {
        DirNode dir = root;
        for (Path name : path.toAbsolutePath()) {
            Object child = dir.live.get(name.toString());
            if (!(child instanceof DirNode sub)) {
                throw new NoSuchFileException(path.toString());
            }
            dir = sub;
        }
        return dir;
    }

    private Object node(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            return dir(parent).live.get(path.getFileName().toString());
        } catch (IOException e) {
            return null;
        }
    }

    private FileNode file(Path path) throws IOException {
        Object node = node(path);
        if (!(node instanceof FileNode file)) {
            throw new NoSuchFileException(path.toString());
        }
        return file;
    }

    @Override
    public synchronized WritableFile createNew(Path path) throws IOException {
        mutating(Op.CREATE, path);
        DirNode parent = dir(path.toAbsolutePath().getParent());
        String name = path.getFileName().toString();
        if (parent.live.containsKey(name)) {
            throw new FileAlreadyExistsException(path.toString());
        }
        FileNode file = new FileNode();
        file.modified = ++clock;
        parent.live.put(name, file);
        openFiles++;
        return new WritableFile() {
            private boolean closed;

            @Override
            public void write(ByteBuffer src, long position) throws IOException {
                synchronized (FakeFileSystem.this) {
                    check();
                    mutating(Op.WRITE, path);
                    int n = src.remaining();
                    int end = (int) position + n;
                    if (end > file.data.length) {
                        file.data = Arrays.copyOf(file.data, Math.max(end, file.data.length * 2));
                    }
                    src.get(file.data, (int) position, n);
                    file.length = Math.max(file.length, end);
                    file.modified = ++clock;
                }
            }

            @Override
            public void force(boolean metadata) throws IOException {
                synchronized (FakeFileSystem.this) {
                    check();
                    mutating(Op.FORCE, path);
                    file.durable = Arrays.copyOf(file.data, file.length);
                }
            }

            private void check() throws IOException {
                if (closed) {
                    throw new IOException("closed");
                }
            }

            @Override
            public void close() {
                synchronized (FakeFileSystem.this) {
                    if (!closed) {
                        openFiles--;
                    }
                    closed = true;
                }
            }
        };
    }

    @Override
    public synchronized InputStream openRead(Path path) throws IOException {
        reading();
        FileNode file = file(path);
        return new ByteArrayInputStream(Arrays.copyOf(file.data, file.length));
    }

    @Override
    public synchronized boolean exists(Path path) {
        return node(path) != null || isRoot(path);
    }

    private boolean isRoot(Path path) {
        return path.toAbsolutePath().getParent() == null;
    }

    @Override
    public synchronized boolean isDirectory(Path path) {
        return node(path) instanceof DirNode || isRoot(path);
    }

    @Override
    public synchronized long size(Path path) throws IOException {
        reading();
        return file(path).length;
    }

    @Override
    public synchronized long lastModifiedMillis(Path path) throws IOException {
        reading();
        return file(path).modified;
    }

    @Override
    public synchronized List<Path> list(Path dir) throws IOException {
        reading();
        DirNode node;
        try {
            node = dir(dir);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (String name : node.live.keySet()) {
            paths.add(dir.resolve(name));
        }
        return paths;
    }

    @Override
    public synchronized void createDirectory(Path dir) throws IOException {
        mutating(Op.MKDIR, dir);
        DirNode parent = dir(dir.toAbsolutePath().getParent());
        String name = dir.getFileName().toString();
        if (parent.live.containsKey(name)) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        parent.live.put(name, new DirNode());
    }

    @Override
    public synchronized void moveAtomic(Path source, Path target) throws IOException {
        mutating(Op.MOVE, source);
        DirNode from = dir(source.toAbsolutePath().getParent());
        DirNode to = dir(target.toAbsolutePath().getParent());
        Object node = from.live.remove(source.getFileName().toString());
        if (node == null) {
            throw new NoSuchFileException(source.toString());
        }
        Object replaced = to.live.get(target.getFileName().toString());
        if (replaced instanceof DirNode existing && !existing.live.isEmpty()) {
            from.live.put(source.getFileName().toString(), node);
            throw new DirectoryNotEmptyException(target.toString());
        }
        to.live.put(target.getFileName().toString(), node);
    }

    @Override
    public synchronized void delete(Path path) throws IOException {
        mutating(Op.DELETE, path);
        Object node = node(path);
        if (node == null) {
            return;
        }
        if (node instanceof DirNode sub && !sub.live.isEmpty()) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        dir(path.toAbsolutePath().getParent()).live.remove(path.getFileName().toString());
    }

    @Override
    public synchronized void fsyncDirectory(Path dir) throws IOException {
        mutating(Op.FSYNC_DIR, dir);
        DirNode node = dir(dir);
        node.durable = new HashMap<>(node.live);
    }

    /** Overwrites a file's content (live and durable), for corruption tests. */
    synchronized void replace(Path path, byte[] content) throws IOException {
        FileNode file = file(path);
        file.data = content.clone();
        file.length = content.length;
        file.durable = content.clone();
    }

    synchronized byte[] read(Path path) throws IOException {
        FileNode file = file(path);
        return Arrays.copyOf(file.data, file.length);
    }
}
