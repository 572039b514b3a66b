package dev.campaignkeeper.bot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * What a command answers.
 *
 * @param text the message
 * @param visibility who sees it
 * @param attachment a file to attach, if any
 * @param error whether the command was refused or failed
 */
public record Reply(String text, Visibility visibility, Optional<Attachment> attachment, boolean error) {

    /**
     * Validates the fields; errors are always ephemeral.
     *
     * @param text the message
     * @param visibility who sees it
     * @param attachment a file to attach, if any
     * @param error whether the command was refused or failed
     */
    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(attachment, "attachment");
        if (error && visibility != Visibility.EPHEMERAL) {
            throw new IllegalArgumentException("error replies are ephemeral");
        }
    }

    /**
     * A reply only the user who ran the command sees.
     *
     * @param text the message
     * @return the reply
     */
    public static Reply ephemeral(String text) {
        return new Reply(text, Visibility.EPHEMERAL, Optional.empty(), false);
    }

    /**
     * A reply everyone in the channel sees.
     *
     * @param text the message
     * @return the reply
     */
    public static Reply visibleToAll(String text) {
        return new Reply(text, Visibility.PUBLIC, Optional.empty(), false);
    }

    /**
     * A refusal or failure, shown only to the user who ran the command.
     *
     * @param text what went wrong and what to do
     * @return the reply
     */
    public static Reply error(String text) {
        return new Reply(text, Visibility.EPHEMERAL, Optional.empty(), true);
    }

    /**
     * This reply with a file attached.
     *
     * @param file the file
     * @return the changed reply
     */
    public Reply with(Attachment file) {
        return new Reply(text, visibility, Optional.of(file), error);
    }

    /**
     * Whether everyone in the channel sees this reply.
     *
     * @return true if public
     */
    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
