package dev.campaignkeeper.bot.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The console's input on a terminal, through JLine: arrow keys and the usual editing keys move
 * and edit within the line (instead of inserting escape codes), up and down walk the session's
 * history (kept in memory only: what was typed is not written to disk), and Tab completes
 * commands and their options. Ctrl-D on an empty line and Ctrl-C end the session like end of
 * input, so the store still closes with its final checkpoint.
 */
public final class LineEditorInput implements ConsoleInput {

    private final Terminal terminal;
    private final LineReader reader;

    private LineEditorInput(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]); // a backslash is text, as in the plain console
        this.reader = LineReaderBuilder.builder()
                .appName("campaign-bot")
                .terminal(terminal)
                .parser(parser)
                .completer(new ConsoleCompleter())
                // "!" is text (Hello there!), not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .variable(LineReader.HISTORY_SIZE, 500)
                .build();
    }

    /**
     * The line editor on this process's terminal.
     *
     * @return the input
     * @throws UncheckedIOException if the terminal cannot be opened
     */
    public static LineEditorInput onSystemTerminal() {
        try {
            return new LineEditorInput(TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The line editor on given streams, as if they were an ANSI terminal (tests type keys into it).
     *
     * @param in the keys typed
     * @param out what the terminal shows
     * @return the input
     */
    public static LineEditorInput onStreams(InputStream in, OutputStream out) {
        try {
            return new LineEditorInput(new ExternalTerminal("campaign-bot", "xterm", in, out,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> readLine(String prompt) {
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (EndOfFileException | UserInterruptException e) {
            terminal.writer().println();
            terminal.flush();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
