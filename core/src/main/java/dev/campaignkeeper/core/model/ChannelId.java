package dev.campaignkeeper.core.model;

/**
 * Identifies a text channel, and so the campaign played in it.
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits.
 *
 * @param value the decimal digits
 */
public record ChannelId(String value) {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     */
    public ChannelId {
        value = Snowflakes.require(value, "channel id");
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
     * @param value a non-negative number
     * @return the id
     */
    public static ChannelId of(long value) {
        return new ChannelId(Long.toUnsignedString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
