package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CampaignService#info} shows: a campaign with its characters and NPCs.
 *
 * @param campaign the campaign
 * @param characters its players' characters, in stored order
 * @param npcs its NPCs, in stored order
 */
public record CampaignInfo(Campaign campaign, List<PlayerCharacter> characters, List<Npc> npcs) {

    /**
     * Validates and copies the fields.
     *
     * @param campaign the campaign
     * @param characters its players' characters, in stored order
     * @param npcs its NPCs, in stored order
     */
    public CampaignInfo {
        Objects.requireNonNull(campaign, "campaign");
        characters = List.copyOf(characters);
        npcs = List.copyOf(npcs);
    }
}
