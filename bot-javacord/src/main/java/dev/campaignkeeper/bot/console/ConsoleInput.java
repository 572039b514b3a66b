package dev.campaignkeeper.bot.console;

import java.util.Optional;

/**
 * Where the console's lines come from: a plain reader (scripts, pipes) or a line editor on a
 * terminal ({@link LineEditorInput}: editing, history, tab completion).
 */
public interface ConsoleInput extends AutoCloseable {

    /**
     * Shows the prompt and reads one line.
     *
     * @param prompt the prompt, e.g. {@code "Gina #lost-mine> "}
     * @return the line, or empty at the end of input (end of file, Ctrl-D, Ctrl-C)
     */
    Optional<String> readLine(String prompt);

    /** Releases the terminal; the default does nothing. */
    @Override
    default void close() {
    }
}
