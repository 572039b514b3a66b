package dev.campaignkeeper.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A portable copy of one campaign with its characters and NPCs: what "end campaign" hands the GM
 * and what the admin CLI exports and imports.
 *
 * @param formatVersion the export format's version, {@link #CURRENT_FORMAT_VERSION} when written
 * @param exportedAt when the copy was taken
 * @param campaign the campaign
 * @param characters its characters
 * @param npcs its NPCs
 */
public record CampaignExport(
        int formatVersion,
        Instant exportedAt,
        Campaign campaign,
        List<PlayerCharacter> characters,
        List<Npc> npcs) {

    /** The export format version this code writes. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    /**
     * Validates that every record belongs to the campaign, and copies the lists.
     *
     * @param formatVersion the export format's version, {@link #CURRENT_FORMAT_VERSION} when written
     * @param exportedAt when the copy was taken
     * @param campaign the campaign
     * @param characters its characters
     * @param npcs its NPCs
     */
    public CampaignExport {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("export format version must be at least 1");
        }
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(campaign, "campaign");
        characters = List.copyOf(characters);
        npcs = List.copyOf(npcs);
        for (PlayerCharacter character : characters) {
            if (!character.guild().equals(campaign.guild()) || !character.channel().equals(campaign.channel())) {
                throw new IllegalArgumentException("character " + character.name()
                        + " does not belong to campaign " + campaign.channel());
            }
        }
        for (Npc npc : npcs) {
            if (!npc.guild().equals(campaign.guild()) || !npc.channel().equals(campaign.channel())) {
                throw new IllegalArgumentException("npc " + npc.id()
                        + " does not belong to campaign " + campaign.channel());
            }
        }
    }

    /**
     * Takes a copy of a campaign out of its guild's state.
     *
     * @param state the guild's state
     * @param campaign the campaign, present in {@code state}
     * @param now the time of the copy
     * @return the export
     */
    public static CampaignExport of(GuildState state, Campaign campaign, Instant now) {
        return new CampaignExport(CURRENT_FORMAT_VERSION, now, campaign,
                state.charactersIn(campaign.channel()), state.npcsIn(campaign.channel()));
    }
}
