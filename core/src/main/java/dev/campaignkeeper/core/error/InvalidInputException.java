package dev.campaignkeeper.core.error;

import java.util.Map;

/** User input breaks a rule (too long, forbidden word, bad URL...); the message says what to change. */
public class InvalidInputException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public InvalidInputException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
