package dev.campaignkeeper.core.error;

import java.util.Objects;

/**
 * A dice expression cannot be rolled: it does not follow the notation, breaks a limit (too many
 * dice or sides, too long), would never stop (a die that explodes on every face), divides by zero
 * or overflows. The message is one line naming the position (1-based, in characters of the
 * expression) where the problem is, e.g. {@code Cannot roll `1d0`: a die needs at least 1 side
 * (position 3).}
 */
public class InvalidDiceException extends InvalidInputException {

    /** The expression as given. */
    private final String expression;
    /** What is wrong, without the position. */
    private final String reason;
    /** Where, 1-based. */
    private final int position;

    /**
     * Creates the exception.
     *
     * @param expression the expression as given
     * @param reason what is wrong there, without the position
     * @param position where, 1-based; the expression's length + 1 for "at the end"
     */
    public InvalidDiceException(String expression, String reason, int position) {
        this(message("Cannot roll `" + shown(expression) + "`", reason, position), expression, reason, position);
    }

    private InvalidDiceException(String message, String expression, String reason, int position) {
        super(message);
        this.expression = Objects.requireNonNull(expression, "expression");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.position = position;
    }

    /**
     * The same problem, reported for an inline roll {@code [[...]]} inside a post.
     *
     * @return an exception whose message names the inline roll
     */
    public InvalidDiceException inInlineRoll() {
        return new InvalidDiceException(message("The inline roll [[" + shown(expression) + "]] cannot be rolled",
                reason, position), expression, reason, position);
    }

    /**
     * The expression as given.
     *
     * @return the expression
     */
    public String expression() {
        return expression;
    }

    /**
     * What is wrong, without the position.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Where the problem is, 1-based in characters of the expression.
     *
     * @return the position
     */
    public int position() {
        return position;
    }

    private static String message(String prefix, String reason, int position) {
        return prefix + ": " + reason + " (position " + position + ").";
    }

    /** The expression as echoed in the message: one line, no backticks, at most 60 characters. */
    private static String shown(String expression) {
        String oneLine = expression.replaceAll("[\\r\\n]+", " ").replace('`', '\'');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
    }
}
