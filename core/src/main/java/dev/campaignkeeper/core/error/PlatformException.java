package dev.campaignkeeper.core.error;

import java.util.Map;

/** A chat-platform call failed. Subclasses say why; use cases turn them into clear outcomes. */
public class PlatformException extends CampaignKeeperException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public PlatformException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception for a reason code; the message is the code's default.
     *
     * @param code why
     * @param parameters a value for each of the code's placeholders
     */
    public PlatformException(ReasonCode code, Map<String, String> parameters) {
        super(code, parameters);
    }
}
