package dev.campaignkeeper.bot.command;

import java.util.Objects;

/**
 * One autocomplete suggestion.
 *
 * @param name what the user sees, e.g. an NPC's name
 * @param value what the option is set to when chosen, e.g. the NPC's id
 */
public record Choice(String name, String value) {

    /**
     * Validates the fields.
     *
     * @param name what the user sees, e.g. an NPC's name
     * @param value what the option is set to when chosen, e.g. the NPC's id
     */
    public Choice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
