package dev.campaignkeeper.core.error;

import java.util.Map;

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

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public LimitReachedException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
