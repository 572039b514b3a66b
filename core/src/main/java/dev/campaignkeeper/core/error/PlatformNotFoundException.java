package dev.campaignkeeper.core.error;

/** The platform no longer knows the role, webhook, user or channel a call named. */
public class PlatformNotFoundException extends PlatformException {

    /**
     * Creates the exception.
     *
     * @param message what was not found
     */
    public PlatformNotFoundException(String message) {
        super(message);
    }
}
