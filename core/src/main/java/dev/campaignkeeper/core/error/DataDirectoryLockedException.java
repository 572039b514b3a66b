package dev.campaignkeeper.core.error;

/** Another process holds the data directory for writing. */
public class DataDirectoryLockedException extends StoreException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public DataDirectoryLockedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public DataDirectoryLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
