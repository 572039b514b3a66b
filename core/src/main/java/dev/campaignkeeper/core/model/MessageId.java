package dev.campaignkeeper.core.model;

/**
 * Identifies a message on the chat platform (one of the messages of a post).
 *
 * <p>A {@link Snowflake}: the digits are kept exactly as given.
 */
public final class MessageId extends Snowflake {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public MessageId(String value) {
        super(value, "message id");
    }

    private MessageId(long bits) {
        super(bits);
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
     * @param value the number, read as unsigned
     * @return the id
     */
    public static MessageId of(long value) {
        return new MessageId(value);
    }
}
