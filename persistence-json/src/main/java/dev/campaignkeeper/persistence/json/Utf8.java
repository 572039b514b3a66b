package dev.campaignkeeper.persistence.json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Finds where bytes stop being valid UTF-8, for messages that name the real byte offset. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The byte offset of the first byte that does not start or continue a valid UTF-8 sequence
     * (overlong forms, surrogates and code points above U+10FFFF included), or -1 when all is valid.
     */
    static long firstMalformed(InputStream raw) throws IOException {
        InputStream in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 1 << 16);
        long offset = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b < 0x80) {
                offset++;
                continue;
            }
            int need;
            int lowest = 0x80;
            int highest = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    lowest = 0xA0; // no overlong forms
                } else if (b == 0xED) {
                    highest = 0x9F; // no surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    lowest = 0x90;
                } else if (b == 0xF4) {
                    highest = 0x8F; // nothing above U+10FFFF
                }
            } else {
                return offset;
            }
            long start = offset;
            for (int i = 0; i < need; i++) {
                int next = in.read();
                int low = i == 0 ? lowest : 0x80;
                int high = i == 0 ? highest : 0xBF;
                if (next < low || next > high) {
                    return start;
                }
            }
            offset = start + need + 1;
        }
        return -1;
    }
}
