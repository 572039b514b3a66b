package dev.campaignkeeper.core.model;

/**
 * Identifies a role of a guild.
 *
 * <p>A {@link Snowflake}: the digits are kept exactly as given.
 */
public final class RoleId extends Snowflake {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public RoleId(String value) {
        super(value, "role id");
    }

    private RoleId(long bits) {
        super(bits);
    }

    /**
     * Parses a role id.
     *
     * @param value 1 to 20 decimal digits
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public static RoleId of(String value) {
        return new RoleId(value);
    }

    /**
     * Makes an id from a numeric snowflake.
     *
     * @param value the number, read as unsigned
     * @return the id
     */
    public static RoleId of(long value) {
        return new RoleId(value);
    }
}
