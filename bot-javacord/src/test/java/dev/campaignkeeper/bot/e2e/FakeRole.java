package dev.campaignkeeper.bot.e2e;

import java.util.Objects;

/**
 * A role of the fake guild (a snapshot).
 *
 * @param id          snowflake (the {@code @everyone} role has the guild's id)
 * @param name        role name
 * @param permissions permission bit set
 * @param color       RGB colour
 * @param hoist       shown separately
 * @param mentionable mentionable by everyone
 * @param position    position in the role list
 */
public record FakeRole(long id, String name, long permissions, int color, boolean hoist, boolean mentionable,
                       int position) {

    /** Validates the fields. */
    public FakeRole {
        Objects.requireNonNull(name, "name");
    }

    /** @return the snowflake as Discord's JSON spells it */
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
