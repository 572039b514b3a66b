package dev.campaignkeeper.core.model;

/**
 * Identifies a text channel, and so the campaign played in it.
 *
 * <p>A {@link Snowflake}: the digits are kept exactly as given.
 */
public final class ChannelId extends Snowflake {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public ChannelId(String value) {
        super(value, "channel id");
    }

    private ChannelId(long bits) {
        super(bits);
    }

    /**
     * Parses a channel id.
     *
     * @param value 1 to 20 decimal digits
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    /**
     * Makes an id from a numeric snowflake.
     *
     * @param value the number, read as unsigned
     * @return the id
     */
    public static ChannelId of(long value) {
        return new ChannelId(value);
    }
}
