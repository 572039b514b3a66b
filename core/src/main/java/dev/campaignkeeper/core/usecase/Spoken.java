package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.model.PostRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * What was posted through the campaign's webhook.
 *
 * @param displayName the character's or NPC's name the post showed
 * @param avatarUrl the avatar the post showed, if any
 * @param text the cleaned text that was posted
 * @param post the post as logged: its messages, where it went (a new forum post's id among them)
 */
public record Spoken(String displayName, Optional<String> avatarUrl, String text, PostRecord post) {

    /**
     * Validates the fields.
     *
     * @param displayName the character's or NPC's name the post showed
     * @param avatarUrl the avatar the post showed, if any
     * @param text the cleaned text that was posted
     * @param post the post as logged: its messages, where it went (a new forum post's id among them)
     */
    public Spoken {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(post, "post");
    }

    /**
     * How many messages the post took (a long post is split).
     *
     * @return at least 1
     */
    public int messageCount() {
        return post.messages().size();
    }
}
