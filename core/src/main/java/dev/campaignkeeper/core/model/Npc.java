package dev.campaignkeeper.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-player character the GM speaks as.
 *
 * @param guild the guild
 * @param channel the campaign's channel
 * @param id the NPC's id within the campaign
 * @param name the name shown on the NPC's webhook posts; unique per campaign, ignoring case
 * @param avatarUrl the avatar shown on the NPC's webhook posts, if any
 * @param creator the GM who created it
 * @param proxyTags the tags that make a GM's ordinary messages post as this NPC; empty for none
 */
public record Npc(
        GuildId guild,
        ChannelId channel,
        NpcId id,
        String name,
        Optional<String> avatarUrl,
        UserId creator,
        List<ProxyTag> proxyTags) {

    /**
     * Validates and copies the fields.
     *
     * @param guild the guild
     * @param channel the campaign's channel
     * @param id the NPC's id within the campaign
     * @param name the name shown on the NPC's webhook posts; unique per campaign, ignoring case
     * @param avatarUrl the avatar shown on the NPC's webhook posts, if any
     * @param creator the GM who created it
     * @param proxyTags the tags that make a GM's ordinary messages post as this NPC; empty for none
     */
    public Npc {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(creator, "creator");
        proxyTags = List.copyOf(Objects.requireNonNull(proxyTags, "proxyTags"));
    }

    /**
     * An NPC without proxy tags.
     *
     * @param guild the guild
     * @param channel the campaign's channel
     * @param id the NPC's id within the campaign
     * @param name the name shown on the NPC's webhook posts
     * @param avatarUrl the avatar shown on the NPC's webhook posts, if any
     * @param creator the GM who created it
     */
    public Npc(GuildId guild, ChannelId channel, NpcId id, String name, Optional<String> avatarUrl, UserId creator) {
        this(guild, channel, id, name, avatarUrl, creator, List.of());
    }

    /**
     * Returns this NPC with another name.
     *
     * @param newName the name
     * @return the changed NPC
     */
    public Npc withName(String newName) {
        return new Npc(guild, channel, id, newName, avatarUrl, creator, proxyTags);
    }

    /**
     * Returns this NPC with another avatar.
     *
     * @param newAvatarUrl the avatar, or empty for none
     * @return the changed NPC
     */
    public Npc withAvatarUrl(Optional<String> newAvatarUrl) {
        return new Npc(guild, channel, id, name, newAvatarUrl, creator, proxyTags);
    }

    /**
     * Returns this NPC with other proxy tags.
     *
     * @param newProxyTags the tags, empty for none
     * @return the changed NPC
     */
    public Npc withProxyTags(List<ProxyTag> newProxyTags) {
        return new Npc(guild, channel, id, name, avatarUrl, creator, newProxyTags);
    }
}
