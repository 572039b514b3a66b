package dev.campaignkeeper.core.error;

import java.util.Map;

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

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public ConflictException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
