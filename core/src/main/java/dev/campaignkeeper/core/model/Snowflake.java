package dev.campaignkeeper.core.model;

import java.util.Objects;

/**
 * A Discord snowflake kept exactly as the seed's JSON stores it: 1 to 20 decimal digits. Held as a
 * {@code long} when the digits are a number's canonical form (nearly always), else as the text
 * itself, so {@link #value()} always gives back the digits it was made from. Ids of different
 * kinds are never equal, even with the same digits.
 */
public abstract sealed class Snowflake permits GuildId, ChannelId, UserId, RoleId, WebhookId, MessageId {

    /** The number, when {@link #text} is null. */
    private final long bits;
    /** The digits, only when they are not a number's canonical form (leading zeros, above 2^64-1). */
    private final String text;

    Snowflake(String value, String label) {
        String checked = Snowflakes.require(value, label);
        if (Snowflakes.canonical(checked)) {
            this.bits = Snowflakes.bits(checked);
            this.text = null;
        } else {
            this.bits = 0;
            this.text = checked;
        }
    }

    Snowflake(long bits) {
        this.bits = bits;
        this.text = null;
    }

    /**
     * The decimal digits, exactly as given.
     *
     * @return the digits
     */
    public final String value() {
        return text != null ? text : Snowflakes.text(bits);
    }

    @Override
    public final boolean equals(Object other) {
        // the same object first: loaded ids are shared, and an id held by a big state is often not in cache
        return other == this || other != null && other.getClass() == getClass() && bits == ((Snowflake) other).bits
                && Objects.equals(text, ((Snowflake) other).text);
    }

    @Override
    public final int hashCode() {
        return text != null ? text.hashCode() : Long.hashCode(bits);
    }

    @Override
    public final String toString() {
        return value();
    }
}
