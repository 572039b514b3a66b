package dev.campaignkeeper.core.model;

/**
 * Identifies a user.
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits.
 *
 * @param value the decimal digits
 */
public record UserId(String value) {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     */
    public UserId {
        value = Snowflakes.require(value, "user id");
    }

    /**
     * Parses a user id.
     *
     * @param value 1 to 20 decimal digits
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    /**
     * Makes an id from a numeric snowflake.
     *
     * @param value a non-negative number
     * @return the id
     */
    public static UserId of(long value) {
        return new UserId(Long.toUnsignedString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
