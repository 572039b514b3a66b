package dev.campaignkeeper.bot.javacord;

/** The bot could not log in to Discord or register its commands. */
public class DiscordStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to check
     * @param cause the underlying failure, may be null
     */
    public DiscordStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
