package dev.campaignkeeper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, which decides whether progress bars are drawn.
 *
 * <p>{@code System.console()} cannot answer this: on Java 17 it is non-null only when stdin and
 * stdout are both terminals, so {@code campaign-admin verify 2>log} would write progress bars into
 * the log and {@code campaign-admin verify | less} would draw none. The launcher says what it knows
 * ({@code [ -t 2 ]}) through a system property; without it, Linux's {@code /proc/self/fd/2} tells
 * where stderr goes; only elsewhere does the console check remain as a guess.
 */
final class StderrTerminal {

    /** System property the launcher sets to {@code true} or {@code false}. */
    static final String PROPERTY = "campaign.admin.stderr.terminal";

    private StderrTerminal() {
    }

    /**
     * Decides for this process.
     *
     * @return whether stderr is a terminal
     */
    static boolean detect() {
        return detect(System.getProperty(PROPERTY), Path.of("/proc/self/fd/2"), System.console() != null);
    }

    /**
     * Decides from what is known.
     *
     * @param property the launcher's answer, or null when not run through it
     * @param stderrLink the link naming where file descriptor 2 goes ({@code /proc/self/fd/2})
     * @param console whether the JVM has a console (the fallback guess)
     * @return whether stderr is a terminal
     */
    static boolean detect(String property, Path stderrLink, boolean console) {
        if (property != null && !property.isBlank()) {
            return Boolean.parseBoolean(property.strip());
        }
        try {
            String target = Files.readSymbolicLink(stderrLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return console;
        }
    }
}
