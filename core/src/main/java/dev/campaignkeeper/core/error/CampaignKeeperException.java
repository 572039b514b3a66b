package dev.campaignkeeper.core.error;

/**
 * Base of every failure the core reports. Its message is written for the person who caused it:
 * a Discord user or an admin reading it can act on it without reading code.
 */
public abstract class CampaignKeeperException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    protected CampaignKeeperException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    protected CampaignKeeperException(String message, Throwable cause) {
        super(message, cause);
    }
}
