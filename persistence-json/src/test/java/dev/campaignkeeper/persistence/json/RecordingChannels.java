package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opens real channels and records, in order, what is done to them ({@code "write <file>"},
 * {@code "force(true) <file>"}, {@code "close <file>"}, by file name): the only way a test sees
 * whether {@code FileChannel.force} is called, since a page-cache write reads back the same with
 * or without it until the power fails.
 */
final class RecordingChannels implements NioFileSystemOps.ChannelOpener {

    private final List<String> events = new ArrayList<>();

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    private synchronized void record(String event) {
        events.add(event);
    }

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
            throws IOException {
        FileChannel real = FileChannel.open(path, options, attributes);
        String name = String.valueOf(path.getFileName());
        record("open " + name);
        return new Recorded(real, name);
    }

    /** A channel that does what the real one does and says so. */
    private final class Recorded extends FileChannel {
        private final FileChannel real;
        private final String name;

        Recorded(FileChannel real, String name) {
            this.real = real;
            this.name = name;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            record("write " + name);
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            record("write " + name);
            return real.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            record("truncate " + name);
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
            record("force(" + metaData + ") " + name);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            record("write " + name);
            return real.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            record("write " + name);
            return real.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
            record("close " + name);
        }
    }
}
