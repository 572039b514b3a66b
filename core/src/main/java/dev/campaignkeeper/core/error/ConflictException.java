package dev.campaignkeeper.core.error;

/** The request clashes with what exists (a second campaign in a channel, joining twice, a duplicate NPC name). */
public class ConflictException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
