package dev.campaignkeeper.core.model;

/**
 * Identifies a role of a guild.
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits.
 *
 * @param value the decimal digits
 */
public record RoleId(String value) {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     */
    public RoleId {
        value = Snowflakes.require(value, "role id");
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
     * @param value a non-negative number
     * @return the id
     */
    public static RoleId of(long value) {
        return new RoleId(Long.toUnsignedString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
