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
