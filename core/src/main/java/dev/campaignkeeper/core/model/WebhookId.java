package dev.campaignkeeper.core.model;

/**
 * Identifies a channel webhook through which characters speak.
 *
 * <p>A {@link Snowflake}: the digits are kept exactly as given.
 */
public final class WebhookId extends Snowflake {

    /**
     * Validates that {@code value} is a snowflake.
     *
     * @param value the decimal digits
     * @throws IllegalArgumentException if {@code value} is not a snowflake
     */
    public WebhookId(String value) {
        super(value, "webhook id");
    }

    private WebhookId(long bits) {
        super(bits);
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
     * @param value the number, read as unsigned
     * @return the id
     */
    public static WebhookId of(long value) {
        return new WebhookId(value);
    }
}
