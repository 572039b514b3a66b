package dev.campaignkeeper.bot.e2e;

import java.util.Objects;

/**
 * A text channel of the fake guild.
 *
 * @param id   snowflake
 * @param name channel name
 */
public record FakeChannel(long id, String name) {

    /** Validates the fields. */
    public FakeChannel {
        Objects.requireNonNull(name, "name");
    }

    /** @return the snowflake as Discord's JSON spells it */
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
