package dev.campaignkeeper.persistence.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** A buffered {@link OutputStream} onto a {@link FileSystemOps.WritableFile}; close does not close the file. */
final class FileOutput extends OutputStream {

    private final FileSystemOps.WritableFile file;
    private final byte[] buffer = new byte[1 << 18];
    private int used;
    private long position;

    FileOutput(FileSystemOps.WritableFile file) {
        this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - used);
            System.arraycopy(bytes, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (used > 0) {
            file.write(ByteBuffer.wrap(buffer, 0, used), position);
            position += used;
            used = 0;
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
