package dev.campaignkeeper.core.model;

/**
 * A campaign's switches, set by its GM. All are off by default, so a campaign written before a
 * switch existed reads as having it off.
 *
 * @param proxyTags whether players' ordinary messages that match a proxy tag (or autoproxy) are
 *     reposted as their character
 * @param playersMayLog whether players (not only the GM) may export the campaign's transcript
 */
public record CampaignSettings(boolean proxyTags, boolean playersMayLog) {

    /** Every switch off: what a new campaign, and any campaign stored without settings, has. */
    public static final CampaignSettings DEFAULT = new CampaignSettings(false, false);

    /**
     * Tells whether every switch is at its default (off), so a store may leave the settings out.
     *
     * @return true if equal to {@link #DEFAULT}
     */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /**
     * Returns these settings with proxy tags switched on or off.
     *
     * @param enabled the new value
     * @return the changed settings
     */
    public CampaignSettings withProxyTags(boolean enabled) {
        return new CampaignSettings(enabled, playersMayLog);
    }

    /**
     * Returns these settings with players' transcript exports allowed or not.
     *
     * @param allowed the new value
     * @return the changed settings
     */
    public CampaignSettings withPlayersMayLog(boolean allowed) {
        return new CampaignSettings(proxyTags, allowed);
    }
}
