package dev.campaignkeeper.core.error;

/** Stored data is damaged and no valid state could be recovered; the message names the file and offset. */
public class DataDamagedException extends StoreException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public DataDamagedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public DataDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
