package dev.campaignkeeper.core.model;

import java.util.Objects;

/**
 * Identifies a message on the chat platform (one of the messages of a post).
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits. Held
 * as a {@code long} when the digits are a number's canonical form (nearly always), else as the
 * text itself, so {@link #value()} always gives back the digits it was made from.
 */
public final class MessageId {

    /** The number, when {@link #text} is null. */
    private final long bits;
    /** The digits, only when they are not a number's canonical form (leading zeros, above 2^64-1). */
    private final String text;

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public MessageId(String value) {
        String checked = Snowflakes.require(value, "message id");
        if (Snowflakes.canonical(checked)) {
            this.bits = Snowflakes.bits(checked);
            this.text = null;
        } else {
            this.bits = 0;
            this.text = checked;
        }
    }

    private MessageId(long bits) {
        this.bits = bits;
        this.text = null;
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

    /**
     * The decimal digits, exactly as given.
     *
     * @return the digits
     */
    public String value() {
        return text != null ? text : Snowflakes.text(bits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageId that && bits == that.bits && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return text != null ? text.hashCode() : Long.hashCode(bits);
    }

    @Override
    public String toString() {
        return value();
    }
}
