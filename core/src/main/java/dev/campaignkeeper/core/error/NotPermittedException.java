package dev.campaignkeeper.core.error;

/** The acting user may not do this (for example a player creating an NPC). */
public class NotPermittedException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public NotPermittedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public NotPermittedException(String message, Throwable cause) {
        super(message, cause);
    }
}
