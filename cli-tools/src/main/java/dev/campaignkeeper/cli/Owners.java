package dev.campaignkeeper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who owns a data directory, and whether this process runs as that user: a writing command run
 * as another user (root, under {@code sudo}) would leave files the bot cannot read.
 */
final class Owners {

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Owners() {
    }

    /**
     * The owner of a directory and the user this process runs as, when they differ.
     *
     * @param owner the directory owner's name
     * @param current this process's user name
     */
    record Mismatch(String owner, String current) {
    }

    /**
     * Compares the directory's owner with this process's user (on systems with Unix user ids).
     *
     * @param dir the data directory
     * @return the two users when they differ; empty when they are the same or it cannot be told
     */
    static Optional<Mismatch> mismatch(Path dir) {
        long current;
        String currentName;
        try {
            com.sun.security.auth.module.UnixSystem me = new com.sun.security.auth.module.UnixSystem();
            current = me.getUid();
            currentName = me.getUsername();
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty(); // not a Unix system: nothing to compare
        }
        try {
            Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!(owner instanceof Integer uid) || uid == current) {
                return Optional.empty();
            }
            return Optional.of(new Mismatch(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName(),
                    currentName == null ? "uid " + current : currentName));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Quotes a word for a POSIX shell when it needs quoting.
     *
     * @param word the word
     * @return the word, single-quoted if it holds anything but plain characters
     */
    static String shellQuote(String word) {
        if (!word.isEmpty() && PLAIN_WORD.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
