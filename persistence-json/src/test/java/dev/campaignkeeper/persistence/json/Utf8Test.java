package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where bytes stop being UTF-8: the offset an error message names. */
class Utf8Test {

    private static long first(int... bytes) throws IOException {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return Utf8.firstMalformed(new ByteArrayInputStream(data));
    }

    @Test
    void validTextOfEveryLengthIsValid() throws IOException {
        byte[] text = "plain, é, €, 𝄞 and ✨".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstMalformed(new ByteArrayInputStream(text))).isEqualTo(-1);
        assertThat(Utf8.firstMalformed(new ByteArrayInputStream(new byte[0]))).isEqualTo(-1);
        assertThat(Utf8.firstMalformed(new BufferedInputStream(new ByteArrayInputStream(text)))).isEqualTo(-1);
    }

    @Test
    void theOffsetIsThatOfTheFirstBadSequenceAfterMultiByteCharacters() throws IOException {
        // é (2 bytes), € (3), 𝄞 (4), then a byte that starts nothing
        assertThat(first(0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9D, 0x84, 0x9E, 0xFF, 0x41)).isEqualTo(10);
        assertThat(first(0x80)).as("a continuation byte alone").isEqualTo(0);
        assertThat(first(0x41, 0xE2, 0x82)).as("a sequence cut short by the end").isEqualTo(1);
        assertThat(first(0x41, 0x42, 0xE2, 0x82, 0x41)).as("a later byte that does not continue").isEqualTo(2);
        assertThat(first(0xE2, 0x41, 0x82)).isEqualTo(0);
    }

    @Test
    void leadByteBoundariesFollowTheStandard() throws IOException {
        assertThat(first(0x7F)).isEqualTo(-1);
        assertThat(first(0xC1, 0xBF)).as("overlong two-byte form").isEqualTo(0);
        assertThat(first(0xC2, 0x80)).isEqualTo(-1);
        assertThat(first(0xDF, 0xBF)).isEqualTo(-1);
        assertThat(first(0xC2, 0xC0)).isEqualTo(0);
        assertThat(first(0xC2, 0x7F)).isEqualTo(0);
        assertThat(first(0xE0, 0xA0, 0x80)).isEqualTo(-1);
        assertThat(first(0xE0, 0x9F, 0xBF)).as("overlong three-byte form").isEqualTo(0);
        assertThat(first(0xE1, 0x80, 0x80)).isEqualTo(-1);
        assertThat(first(0xED, 0x9F, 0xBF)).isEqualTo(-1);
        assertThat(first(0xED, 0xA0, 0x80)).as("a surrogate").isEqualTo(0);
        assertThat(first(0xEE, 0x80, 0x80)).isEqualTo(-1);
        assertThat(first(0xEF, 0xBF, 0xBF)).isEqualTo(-1);
        assertThat(first(0xE1, 0x80, 0xC0)).as("third byte out of range").isEqualTo(0);
        assertThat(first(0xF0, 0x90, 0x80, 0x80)).isEqualTo(-1);
        assertThat(first(0xF0, 0x8F, 0xBF, 0xBF)).as("overlong four-byte form").isEqualTo(0);
        assertThat(first(0xF1, 0x80, 0x80, 0x80)).isEqualTo(-1);
        assertThat(first(0xF4, 0x8F, 0xBF, 0xBF)).isEqualTo(-1);
        assertThat(first(0xF4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isEqualTo(0);
        assertThat(first(0xF1, 0x80, 0x80, 0x7F)).as("fourth byte out of range").isEqualTo(0);
        assertThat(first(0xF5, 0x80, 0x80, 0x80)).isEqualTo(0);
        assertThat(first(0x41, 0xF0, 0x90, 0x80)).isEqualTo(1);
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() throws IOException {
        Random random = new Random(20261203);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 20_000; n++) {
            byte[] data = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256)
                        : interesting[random.nextInt(interesting.length)]);
            }
            assertThat(Utf8.firstMalformed(new ByteArrayInputStream(data)))
                    .as("bytes %s", java.util.HexFormat.of().formatHex(data)).isEqualTo(reference(data));
        }
    }

    /** Where the JDK's decoder, reporting errors, first stops. */
    private static long reference(byte[] data) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length * 2);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }
}
