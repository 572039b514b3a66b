package dev.campaignkeeper.persistence.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * Builds one gzip member out of independently compressed pieces (as pigz does): each piece is
 * compressed by a fresh raw deflate stream ended with a sync flush, which leaves it byte-aligned
 * and free of references to earlier pieces, so a piece compressed at one checkpoint can be copied
 * unchanged into the next checkpoint's file. {@link #finish} adds the final empty block and the
 * gzip trailer. Any gzip reader reads the result as one ordinary member. Not thread-safe.
 */
final class DeflatePieces implements AutoCloseable {

    /** The gzip header {@link java.util.zip.GZIPOutputStream} writes: deflate, no name, no time. */
    static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final byte[] buffer = new byte[1 << 16];
    private final ByteArrayOutputStream piece = new ByteArrayOutputStream(1 << 12);

    /** Compresses {@code prefix} followed by {@code body} as one self-contained piece. */
    byte[] piece(byte[] prefix, byte[] body) {
        deflater.reset();
        piece.reset();
        byte[] input = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        System.arraycopy(body, 0, input, prefix.length, body.length);
        deflater.setInput(input);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            piece.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return piece.toByteArray();
    }

    /** Writes the final (empty) deflate block and the gzip trailer for {@code crc32} and {@code size}. */
    void finish(OutputStream out, long crc32, long size) throws IOException {
        deflater.reset();
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        writeIntLe(out, crc32);
        writeIntLe(out, size);
    }

    private static void writeIntLe(OutputStream out, long value) throws IOException {
        out.write((int) value & 0xff);
        out.write((int) (value >>> 8) & 0xff);
        out.write((int) (value >>> 16) & 0xff);
        out.write((int) (value >>> 24) & 0xff);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
