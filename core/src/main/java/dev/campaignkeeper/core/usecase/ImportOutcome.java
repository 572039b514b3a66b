package dev.campaignkeeper.core.usecase;

import java.util.List;
import java.util.Objects;

/**
 * What an import stored, and what it had to leave out on the way (an avatar link the rules refuse,
 * a description cut to the longest allowed), one sentence each.
 *
 * @param imported what was stored
 * @param notes sentences for the user about what was left out or changed; empty if nothing was
 * @param <T> the stored value: a character, or the list of NPCs
 */
public record ImportOutcome<T>(T imported, List<String> notes) {

    /**
     * Validates and copies the fields.
     *
     * @param imported what was stored
     * @param notes sentences for the user about what was left out or changed
     */
    public ImportOutcome {
        Objects.requireNonNull(imported, "imported");
        notes = List.copyOf(notes);
    }
}
