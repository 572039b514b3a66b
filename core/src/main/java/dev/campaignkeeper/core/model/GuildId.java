package dev.campaignkeeper.core.model;

/**
 * Identifies a guild (a Discord server).
 *
 * <p>A {@link Snowflake}: the digits are kept exactly as given.
 */
public final class GuildId extends Snowflake {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public GuildId(String value) {
        super(value, "guild id");
    }

    private GuildId(long bits) {
        super(bits);
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
     * @param value the number, read as unsigned
     * @return the id
     */
    public static GuildId of(long value) {
        return new GuildId(value);
    }
}
