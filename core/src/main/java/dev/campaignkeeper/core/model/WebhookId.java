package dev.campaignkeeper.core.model;

/**
 * Identifies a channel webhook through which characters speak.
 *
 * <p>A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits.
 *
 * @param value the decimal digits
 */
public record WebhookId(String value) {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     */
    public WebhookId {
        value = Snowflakes.require(value, "webhook id");
    }

    /**
     * Parses a webhook id.
     *
     * @param value 1 to 20 decimal digits
     * @return the id
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public static WebhookId of(String value) {
        return new WebhookId(value);
    }

    /**
     * Makes an id from a numeric snowflake.
     *
     * @param value a non-negative number
     * @return the id
     */
    public static WebhookId of(long value) {
        return new WebhookId(Long.toUnsignedString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
