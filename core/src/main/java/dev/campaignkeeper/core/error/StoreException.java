package dev.campaignkeeper.core.error;

/** The store could not read or write durably; nothing was changed by the failed call. */
public class StoreException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
