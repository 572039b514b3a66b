package dev.campaignkeeper.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A player's character in one campaign: one per player per campaign channel.
 *
 * @param guild the guild
 * @param user the player who owns the character
 * @param channel the campaign's channel
 * @param name the name shown on the character's webhook posts
 * @param avatarUrl the avatar shown on the character's webhook posts, if any
 * @param description free text, may be empty
 */
public record PlayerCharacter(
        GuildId guild,
        UserId user,
        ChannelId channel,
        String name,
        Optional<String> avatarUrl,
        String description) {

    /**
     * Validates the fields.
     *
     * @param guild the guild
     * @param user the player who owns the character
     * @param channel the campaign's channel
     * @param name the name shown on the character's webhook posts
     * @param avatarUrl the avatar shown on the character's webhook posts, if any
     * @param description free text, may be empty
     */
    public PlayerCharacter {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(description, "description");
    }
}
