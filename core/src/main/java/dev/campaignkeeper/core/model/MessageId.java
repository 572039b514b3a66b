package dev.campaignkeeper.core.model;

/**
 * Identifies a message on the chat platform (one of the messages of a post).
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits.
 *
 * @param value the decimal digits
 */
public record MessageId(String value) {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     */
    public MessageId {
        value = Snowflakes.require(value, "message id");
    }

    /**
     * Parses a message id.
     *
     * @param value 1 to 20 decimal digits
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public static MessageId of(String value) {
        return new MessageId(value);
    }

    /**
     * Makes an id from a numeric snowflake.
     *
     * @param value a non-negative number
     * @return the id
     */
    public static MessageId of(long value) {
        return new MessageId(Long.toUnsignedString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
