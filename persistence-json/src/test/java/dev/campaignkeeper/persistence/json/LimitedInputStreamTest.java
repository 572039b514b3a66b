package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A read bounded by what a manifest says the file holds. */
class LimitedInputStreamTest {

    private static InputStream bytes(int count) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        return new ByteArrayInputStream(data);
    }

    @Test
    void exactlyTheLimitReadsToTheEndByteByByte() throws IOException {
        try (InputStream in = new LimitedInputStream(bytes(3), 3)) {
            assertThat(in.read()).isEqualTo('a');
            assertThat(in.read()).isEqualTo('b');
            assertThat(in.read()).isEqualTo('c');
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read()).as("the end stays the end").isEqualTo(-1);
        }
    }

    @Test
    void oneByteBeyondTheLimitFailsByteByByte() throws IOException {
        try (InputStream in = new LimitedInputStream(bytes(4), 3)) {
            in.read();
            in.read();
            in.read();
            assertThatThrownBy(in::read).isInstanceOf(LimitedInputStream.LimitExceededException.class)
                    .hasMessage("holds more than 3 bytes");
        }
    }

    @Test
    void exactlyTheLimitReadsToTheEndInBlocks() throws IOException {
        try (InputStream in = new LimitedInputStream(bytes(10), 10)) {
            byte[] buffer = new byte[64];
            assertThat(in.read(buffer, 0, 0)).isZero();
            assertThat(in.read(buffer, 0, 4)).isEqualTo(4);
            assertThat(in.read(buffer, 4, 60)).isEqualTo(6);
            assertThat(buffer[9]).isEqualTo((byte) 'j');
            assertThat(in.read(buffer, 0, 64)).isEqualTo(-1);
        }
    }

    @Test
    void aLongerStreamIsNoticedAtTheFirstBlockThatPassesTheLimit() throws IOException {
        byte[] buffer = new byte[64];
        try (InputStream in = new LimitedInputStream(bytes(1000), 10)) {
            assertThatThrownBy(() -> in.read(buffer, 0, 64))
                    .isInstanceOf(LimitedInputStream.LimitExceededException.class)
                    .hasMessage("holds more than 10 bytes");
        }
        try (InputStream in = new LimitedInputStream(bytes(1000), 10)) {
            assertThat(in.read(buffer, 0, 10)).isEqualTo(10);
            assertThatThrownBy(() -> in.read(buffer, 0, 64))
                    .isInstanceOf(LimitedInputStream.LimitExceededException.class);
        }
    }

    @Test
    void blocksNeverAskTheStreamBelowForMoreThanOneByteBeyondTheLimit() throws IOException {
        int[] asked = {0};
        InputStream counting = new java.io.FilterInputStream(bytes(1000)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                asked[0] = Math.max(asked[0], len);
                return super.read(b, off, len);
            }
        };
        try (InputStream in = new LimitedInputStream(counting, 5)) {
            assertThatThrownBy(() -> in.read(new byte[1 << 20], 0, 1 << 20))
                    .isInstanceOf(LimitedInputStream.LimitExceededException.class);
        }
        assertThat(asked[0]).isEqualTo(6);
    }

    @Test
    void skippingCountsTowardsTheLimit() throws IOException {
        try (InputStream in = new LimitedInputStream(bytes(10), 10)) {
            assertThat(in.skip(4)).isEqualTo(4);
            assertThat(in.read()).isEqualTo('e');
            assertThat(in.skip(100)).isEqualTo(5);
            assertThat(in.read()).isEqualTo(-1);
        }
        try (InputStream in = new LimitedInputStream(bytes(20), 10)) {
            assertThat(in.skip(10)).isEqualTo(10);
            assertThatThrownBy(() -> in.skip(100)).isInstanceOf(LimitedInputStream.LimitExceededException.class);
        }
        try (InputStream in = new LimitedInputStream(bytes(20), 10)) {
            assertThatThrownBy(() -> in.skip(100)).as("one past the limit is skipped, and noticed")
                    .isInstanceOf(LimitedInputStream.LimitExceededException.class);
        }
    }
}
