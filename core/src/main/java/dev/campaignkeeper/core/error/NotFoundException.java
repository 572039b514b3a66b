package dev.campaignkeeper.core.error;

import java.util.Map;

/** The campaign, character or NPC the request names does not exist. */
public class NotFoundException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public NotFoundException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
