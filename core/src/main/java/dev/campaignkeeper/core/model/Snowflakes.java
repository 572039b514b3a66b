package dev.campaignkeeper.core.model;

import java.util.Objects;

/** Checks Discord snowflake ids. */
final class Snowflakes {

    private static final int MAX_DIGITS = 20;

    private Snowflakes() {
    }

    static String require(String value, String label) {
        Objects.requireNonNull(value, label);
        if (!isSnowflake(value)) {
            throw new IllegalArgumentException(
                    label + " must be 1 to 20 decimal digits, got \"" + Printable.abbreviate(value) + "\"");
        }
        return value;
    }

    /** 1 to 20 ASCII digits (a plain loop: ids are checked by the hundred thousand on load). */
    /** The largest unsigned 64-bit number in decimal: longer or larger digit strings stay text. */
    private static final String MAX_UNSIGNED = "18446744073709551615";

    /**
     * Whether a valid snowflake is the canonical decimal form of an unsigned 64-bit number (no
     * leading zero, at most 2^64-1), so it can be kept as a {@code long} and written back to
     * exactly the same digits.
     *
     * @param value a valid snowflake
     * @return true if {@link #bits(String)} and {@link #text(long)} round-trip it
     */
    static boolean canonical(String value) {
        int length = value.length();
        if (length > 1 && value.charAt(0) == '0') {
            return false;
        }
        return length < MAX_DIGITS || value.compareTo(MAX_UNSIGNED) <= 0;
    }

    /**
     * The number a canonical snowflake spells. A plain digit loop (ids are made by the million on
     * a big load, and {@code Long.parseUnsignedLong} checks each digit again through
     * {@code Character.digit}): the arithmetic wraps modulo 2^64, which gives the exact unsigned
     * bits for every canonical value, since {@link #canonical} keeps it at most 2^64-1.
     */
    static long bits(String value) {
        long bits = 0;
        for (int i = 0; i < value.length(); i++) {
            bits = bits * 10 + (value.charAt(i) - '0');
        }
        return bits;
    }

    /** The digits of an unsigned number. */
    static String text(long bits) {
        return Long.toUnsignedString(bits);
    }

    private static boolean isSnowflake(String value) {
        int length = value.length();
        if (length < 1 || length > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
