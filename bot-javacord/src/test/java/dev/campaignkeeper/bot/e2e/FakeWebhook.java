package dev.campaignkeeper.bot.e2e;

import java.util.Objects;

/**
 * An incoming webhook of a channel of the fake guild (a snapshot).
 *
 * @param id        snowflake
 * @param token     secret token needed to execute it
 * @param channelId the channel it posts to
 * @param name      default display name
 * @param creatorId the user who created it
 */
public record FakeWebhook(long id, String token, long channelId, String name, long creatorId) {

    /** Validates the fields. */
    public FakeWebhook {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
    }

    /** @return the snowflake as Discord's JSON spells it */
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
