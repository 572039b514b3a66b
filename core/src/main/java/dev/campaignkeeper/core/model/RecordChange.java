package dev.campaignkeeper.core.model;

import java.util.Objects;

/**
 * One change to one record of a guild. A store mutation is a list of these, applied together or
 * not at all; the JSON store journals exactly this list, so its cost does not grow with the data.
 */
public sealed interface RecordChange {

    /**
     * The guild whose data this change touches.
     *
     * @return the guild
     */
    GuildId guild();

    /**
     * Creates or replaces the campaign in its channel.
     *
     * @param campaign the new value
     */
    record PutCampaign(Campaign campaign) implements RecordChange {
        /**
         * Validates the field.
         *
         * @param campaign the new value
         */
        public PutCampaign {
            Objects.requireNonNull(campaign, "campaign");
        }

        @Override
        public GuildId guild() {
            return campaign.guild();
        }
    }

    /**
     * Removes the campaign of a channel (only the campaign record; characters and NPCs are
     * separate changes).
     *
     * @param guild the guild
     * @param channel the campaign's channel
     */
    record RemoveCampaign(GuildId guild, ChannelId channel) implements RecordChange {
        /**
         * Validates the fields.
         *
         * @param guild the guild
         * @param channel the campaign's channel
         */
        public RemoveCampaign {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /**
     * Creates or replaces a player's character in a channel.
     *
     * @param character the new value
     */
    record PutCharacter(PlayerCharacter character) implements RecordChange {
        /**
         * Validates the field.
         *
         * @param character the new value
         */
        public PutCharacter {
            Objects.requireNonNull(character, "character");
        }

        @Override
        public GuildId guild() {
            return character.guild();
        }
    }

    /**
     * Removes a player's character in a channel.
     *
     * @param guild the guild
     * @param user the owner
     * @param channel the campaign's channel
     */
    record RemoveCharacter(GuildId guild, UserId user, ChannelId channel) implements RecordChange {
        /**
         * Validates the fields.
         *
         * @param guild the guild
         * @param user the owner
         * @param channel the campaign's channel
         */
        public RemoveCharacter {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /**
     * Creates or replaces an NPC.
     *
     * @param npc the new value
     */
    record PutNpc(Npc npc) implements RecordChange {
        /**
         * Validates the field.
         *
         * @param npc the new value
         */
        public PutNpc {
            Objects.requireNonNull(npc, "npc");
        }

        @Override
        public GuildId guild() {
            return npc.guild();
        }
    }

    /**
     * Removes an NPC.
     *
     * @param guild the guild
     * @param channel the campaign's channel
     * @param id the NPC's id
     */
    record RemoveNpc(GuildId guild, ChannelId channel, NpcId id) implements RecordChange {
        /**
         * Validates the fields.
         *
         * @param guild the guild
         * @param channel the campaign's channel
         * @param id the NPC's id
         */
        public RemoveNpc {
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(id, "id");
        }
    }
}
