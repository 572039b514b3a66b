package dev.campaignkeeper.cli;

import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Puts messages into plain words: no Java class names, no doubled punctuation. */
final class Messages {

    /**
     * A sentence's full stop right before a clause separator: "name.; nothing imported". Only after
     * a word, a closing bracket or quote, and only before "; " or ", ", so paths ("../data:"), file
     * names ("campaigns.json:") and addresses are left alone.
     */
    private static final Pattern STOP_BEFORE_SEPARATOR = Pattern.compile("(?<=[\\p{L}\\p{N})\"'])\\.(?=[;,]\\s)");
    /** The same separator twice: ";;" or ",," (never ":", which IPv6 addresses double). */
    private static final Pattern DOUBLED = Pattern.compile("([;,])\\s*\\1");
    /**
     * A Java exception's class name as libraries put it before their message
     * ("java.io.EOFException: End of input", "MalformedJsonException: ..."), with its colon.
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b(?::\\s*)?");

    private Messages() {
    }

    /**
     * Removes Java class names and doubled punctuation from a message assembled from parts.
     *
     * @param message the message
     * @return the message with "x.; y" as "x; y", "x;; y" as "x; y" and "(java.io.EOFException: End"
     *         as "(End"
     */
    static String clean(String message) {
        String named = CLASS_NAME.matcher(message).replaceAll("");
        String once = STOP_BEFORE_SEPARATOR.matcher(named).replaceAll("");
        return DOUBLED.matcher(once).replaceAll("$1");
    }

    /**
     * A clause to continue with more words: without its final full stop.
     *
     * @param clause e.g. a core error message "The name is empty."
     * @return "The name is empty"
     */
    static String clause(String clause) {
        String stripped = clause.strip();
        while (stripped.endsWith(".") && !stripped.endsWith("...")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    /**
     * Why an I/O operation failed, in words (the operating system's reason, else the message), never
     * the exception's class name.
     *
     * @param failure the failure
     * @return the reason
     */
    static String ioReason(Throwable failure) {
        if (failure instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) {
            String reason = fse.getReason().strip();
            String lower = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                    && Character.isLowerCase(reason.charAt(1))
                    ? reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) : reason;
            return fse.getFile() == null ? lower : fse.getFile() + ": " + lower;
        }
        if (failure instanceof java.io.EOFException) {
            return "the file ends too early (cut off)";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message.strip();
    }
}
