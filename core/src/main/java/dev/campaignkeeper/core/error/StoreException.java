package dev.campaignkeeper.core.error;

import java.util.Map;

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

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public StoreException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
