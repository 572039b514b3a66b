package dev.campaignkeeper.persistence.json;

import java.io.InputStream;
import java.util.Objects;

/**
 * Bytes read back at most a few at a time, as a pipe or a decompressing stream may hand them out
 * (a read may return fewer bytes than asked for without the stream having ended).
 */
final class ShortReads extends InputStream {

    private final byte[] bytes;
    private final int most;
    private int position;

    /**
     * @param bytes the stream's bytes
     * @param most the most bytes one read returns
     */
    ShortReads(byte[] bytes, int most) {
        this.bytes = Objects.requireNonNull(bytes).clone();
        if (most < 1) {
            throw new IllegalArgumentException("most must be positive: " + most);
        }
        this.most = most;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, most), bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }
}
