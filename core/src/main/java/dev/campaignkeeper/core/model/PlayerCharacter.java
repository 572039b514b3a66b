package dev.campaignkeeper.core.model;

import java.util.List;
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
 * @param proxyTags the tags that make the player's ordinary messages post as this character, in the
 *     player's order; empty for none
 * @param autoproxy whether every ordinary message of the player in the campaign posts as this character
 */
public record PlayerCharacter(
        GuildId guild,
        UserId user,
        ChannelId channel,
        String name,
        Optional<String> avatarUrl,
        String description,
        List<ProxyTag> proxyTags,
        boolean autoproxy) {

    /**
     * Validates and copies the fields.
     *
     * @param guild the guild
     * @param user the player who owns the character
     * @param channel the campaign's channel
     * @param name the name shown on the character's webhook posts
     * @param avatarUrl the avatar shown on the character's webhook posts, if any
     * @param description free text, may be empty
     * @param proxyTags the tags that make the player's ordinary messages post as this character
     * @param autoproxy whether every ordinary message of the player in the campaign posts as this character
     */
    public PlayerCharacter {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(description, "description");
        proxyTags = List.copyOf(Objects.requireNonNull(proxyTags, "proxyTags"));
    }

    /**
     * A character without proxy tags and with autoproxy off.
     *
     * @param guild the guild
     * @param user the player who owns the character
     * @param channel the campaign's channel
     * @param name the name shown on the character's webhook posts
     * @param avatarUrl the avatar shown on the character's webhook posts, if any
     * @param description free text, may be empty
     */
    public PlayerCharacter(GuildId guild, UserId user, ChannelId channel, String name, Optional<String> avatarUrl,
                           String description) {
        this(guild, user, channel, name, avatarUrl, description, List.of(), false);
    }

    /**
     * Returns this character with another name.
     *
     * @param newName the name
     * @return the changed character
     */
    public PlayerCharacter withName(String newName) {
        return new PlayerCharacter(guild, user, channel, newName, avatarUrl, description, proxyTags, autoproxy);
    }

    /**
     * Returns this character with another avatar.
     *
     * @param newAvatarUrl the avatar, or empty for none
     * @return the changed character
     */
    public PlayerCharacter withAvatarUrl(Optional<String> newAvatarUrl) {
        return new PlayerCharacter(guild, user, channel, name, newAvatarUrl, description, proxyTags, autoproxy);
    }

    /**
     * Returns this character with another description.
     *
     * @param newDescription the description
     * @return the changed character
     */
    public PlayerCharacter withDescription(String newDescription) {
        return new PlayerCharacter(guild, user, channel, name, avatarUrl, newDescription, proxyTags, autoproxy);
    }

    /**
     * Returns this character with other proxy tags.
     *
     * @param newProxyTags the tags, empty for none
     * @return the changed character
     */
    public PlayerCharacter withProxyTags(List<ProxyTag> newProxyTags) {
        return new PlayerCharacter(guild, user, channel, name, avatarUrl, description, newProxyTags, autoproxy);
    }

    /**
     * Returns this character with autoproxy switched on or off.
     *
     * @param enabled the new value
     * @return the changed character
     */
    public PlayerCharacter withAutoproxy(boolean enabled) {
        return new PlayerCharacter(guild, user, channel, name, avatarUrl, description, proxyTags, enabled);
    }
}
