package dev.campaignkeeper.persistence.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes and fails on the next one: bounds a read by what a manifest says
 * the file holds, so a damaged or hostile file (a gzip bomb) cannot make a load run without end.
 */
final class LimitedInputStream extends FilterInputStream {

    /** More bytes than the limit. */
    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(long limit) {
            super("holds more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) {
            throw new LimitExceededException(limit);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // ask for one byte beyond the limit at most, so a longer stream is noticed at once
        long allowed = limit - count + 1;
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new LimitExceededException(limit);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        count += skipped;
        if (count > limit) {
            throw new LimitExceededException(limit);
        }
        return skipped;
    }
}
