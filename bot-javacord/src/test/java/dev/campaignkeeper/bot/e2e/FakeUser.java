package dev.campaignkeeper.bot.e2e;

import java.util.Objects;

/**
 * A Discord user known to the fake.
 *
 * @param id       snowflake
 * @param username user name
 * @param bot      whether it is a bot account
 */
public record FakeUser(long id, String username, boolean bot) {

    /** Validates the fields. */
    public FakeUser {
        Objects.requireNonNull(username, "username");
    }

    /** @return the snowflake as Discord's JSON spells it */
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
