package dev.campaignkeeper.core.usecase;

import java.util.Objects;
import java.util.Optional;

/**
 * What was posted through the campaign's webhook.
 *
 * @param displayName the character's or NPC's name the post showed
 * @param avatarUrl the avatar the post showed, if any
 * @param text the cleaned text that was posted
 */
public record Spoken(String displayName, Optional<String> avatarUrl, String text) {

    /**
     * Validates the fields.
     *
     * @param displayName the character's or NPC's name the post showed
     * @param avatarUrl the avatar the post showed, if any
     * @param text the cleaned text that was posted
     */
    public Spoken {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(text, "text");
    }
}
