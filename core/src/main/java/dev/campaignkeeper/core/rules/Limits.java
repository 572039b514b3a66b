package dev.campaignkeeper.core.rules;

/**
 * Configurable ceilings that keep one guild or campaign from growing without bound.
 *
 * @param campaignsPerGuild most campaigns one guild may run
 * @param playersPerCampaign most players one campaign may have
 * @param npcsPerCampaign most NPCs one campaign may have
 */
public record Limits(int campaignsPerGuild, int playersPerCampaign, int npcsPerCampaign) {

    /**
     * Validates that every limit is positive.
     *
     * @param campaignsPerGuild most campaigns one guild may run
     * @param playersPerCampaign most players one campaign may have
     * @param npcsPerCampaign most NPCs one campaign may have
     */
    public Limits {
        if (campaignsPerGuild < 1 || playersPerCampaign < 1 || npcsPerCampaign < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    /**
     * The defaults: 50 campaigns per guild, 25 players per campaign, 100 NPCs per campaign.
     *
     * @return the default limits
     */
    public static Limits defaults() {
        return new Limits(50, 25, 100);
    }
}
