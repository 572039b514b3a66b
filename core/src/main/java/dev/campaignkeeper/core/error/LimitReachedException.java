package dev.campaignkeeper.core.error;

/** A configured limit (campaigns per guild, players per campaign, NPCs per campaign) would be exceeded. */
public class LimitReachedException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public LimitReachedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public LimitReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
