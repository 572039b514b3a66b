package dev.campaignkeeper.core.model;

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
 */
public record Npc(
        GuildId guild,
        ChannelId channel,
        NpcId id,
        String name,
        Optional<String> avatarUrl,
        UserId creator) {

    /**
     * Validates the fields.
     *
     * @param guild the guild
     * @param channel the campaign's channel
     * @param id the NPC's id within the campaign
     * @param name the name shown on the NPC's webhook posts; unique per campaign, ignoring case
     * @param avatarUrl the avatar shown on the NPC's webhook posts, if any
     * @param creator the GM who created it
     */
    public Npc {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(creator, "creator");
    }
}
