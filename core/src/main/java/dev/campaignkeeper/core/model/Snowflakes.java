package dev.campaignkeeper.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks Discord snowflake ids. */
final class Snowflakes {

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

    private Snowflakes() {
    }

    static String require(String value, String label) {
        Objects.requireNonNull(value, label);
        if (!SNOWFLAKE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    label + " must be 1 to 20 decimal digits, got \"" + Printable.abbreviate(value) + "\"");
        }
        return value;
    }
}
