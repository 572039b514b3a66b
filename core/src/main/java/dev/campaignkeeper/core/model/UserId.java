package dev.campaignkeeper.core.model;

/**
 * Identifies a user.
 *
 * <p>A {@link Snowflake}: the digits are kept exactly as given.
 */
public final class UserId extends Snowflake {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public UserId(String value) {
        super(value, "user id");
    }

    private UserId(long bits) {
        super(bits);
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
     * @param value the number, read as unsigned
     * @return the id
     */
    public static UserId of(long value) {
        return new UserId(value);
    }
}
