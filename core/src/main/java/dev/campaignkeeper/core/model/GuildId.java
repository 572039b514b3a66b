package dev.campaignkeeper.core.model;

/**
 * Identifies a guild (a Discord server).
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits.
 *
 * @param value the decimal digits
 */
public record GuildId(String value) {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     */
    public GuildId {
        value = Snowflakes.require(value, "guild id");
    }

    /**
     * Parses a guild id.
     *
     * @param value 1 to 20 decimal digits
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public static GuildId of(String value) {
        return new GuildId(value);
    }

    /**
     * Makes an id from a numeric snowflake.
     *
     * @param value a non-negative number
     * @return the id
     */
    public static GuildId of(long value) {
        return new GuildId(Long.toUnsignedString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
