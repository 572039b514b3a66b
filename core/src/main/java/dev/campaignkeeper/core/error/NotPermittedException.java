package dev.campaignkeeper.core.error;

import java.util.Map;

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

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public NotPermittedException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
