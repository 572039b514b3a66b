package dev.campaignkeeper.bot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Lines from a reader (a script, a pipe), the prompt printed before each; with echo, each line is
 * printed after its prompt so the transcript shows what was run.
 */
final class PlainInput implements ConsoleInput {

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean echo;

    PlainInput(BufferedReader in, PrintStream out, boolean echo) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.echo = echo;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        out.print(prompt);
        out.flush();
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == null) {
            out.println();
            return Optional.empty();
        }
        if (echo) {
            out.println(line);
        }
        return Optional.of(line);
    }
}
