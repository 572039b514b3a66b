package dev.campaignkeeper.core.dice;

import dev.campaignkeeper.core.error.InvalidDiceException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inline rolls in a post: every {@code [[expression]]} in a text is replaced by its rolled result,
 * e.g. {@code I swing! [[1d20+5]]} becomes {@code I swing! `1d20+5` → 1d20 (12) + 5 = **17**}.
 * Annotations inside are fine ({@code [[1d20+5 [attack]]]}); a {@code [[} without a closing
 * {@code ]]} is left as it is. When the rolled text would be too long, the results shrink to
 * {@code `1d20+5` = **17**}, then to {@code **17**}; if even that does not fit, the text is refused.
 */
public final class InlineRolls {

    private InlineRolls() {
    }

    /**
     * The text with its inline rolls rolled.
     *
     * @param text what was posted; {@code text()} is returned unchanged when it has no inline roll
     * @param rolls the inline rolls' results in order; empty if there were none
     */
    public record Expanded(String text, List<DiceResult> rolls) {

        /**
         * Validates the fields.
         *
         * @param text the text with every inline roll replaced by its result
         * @param rolls the inline rolls' results in order; empty if there were none
         */
        public Expanded {
            Objects.requireNonNull(text, "text");
            rolls = List.copyOf(rolls);
        }
    }

    /**
     * Whether a text has anything that looks like an inline roll.
     *
     * @param text the text
     * @return true if it contains {@code [[}
     */
    public static boolean mayContainRolls(String text) {
        return text.contains("[[");
    }

    /**
     * Rolls every inline roll of a text.
     *
     * @param text the text
     * @param roller rolls the dice
     * @param maxLength the most characters the result may have
     * @return the text with the results in place of the inline rolls
     * @throws InvalidDiceException if an inline roll is not valid (the message names it and the position)
     * @throws InvalidInputException if there are too many inline rolls or dice, or the results cannot fit
     */
    public static Expanded expand(String text, DiceRoller roller, int maxLength) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(roller, "roller");
        if (!mayContainRolls(text)) {
            return new Expanded(text, List.of());
        }
        List<String> pieces = new ArrayList<>(); // literal text around the rolls: one more than rolls
        List<DiceResult> results = new ArrayList<>();
        int dice = 0;
        int from = 0;
        int scan = 0;
        int open;
        while ((open = text.indexOf("[[", scan)) >= 0) {
            int close = closing(text, open + 2);
            if (close < 0) {
                scan = open + 1;
                continue;
            }
            String expression = text.substring(open + 2, close);
            DiceCommand command;
            try {
                command = DiceParser.parse(expression);
            } catch (InvalidDiceException e) {
                throw e.inInlineRoll();
            }
            if (results.size() == DiceLimits.MAX_INLINE_ROLLS) {
                throw new InvalidInputException("A post may have at most " + DiceLimits.MAX_INLINE_ROLLS
                        + " inline rolls [[...]].");
            }
            dice += command.dice();
            if (dice > DiceLimits.MAX_DICE) {
                throw new InvalidInputException("The inline rolls of a post may roll at most " + DiceLimits.MAX_DICE
                        + " dice in all.");
            }
            try {
                results.add(roller.roll(command));
            } catch (InvalidDiceException e) {
                throw e.inInlineRoll();
            }
            pieces.add(text.substring(from, open));
            from = close + 2;
            scan = from;
        }
        if (results.isEmpty()) {
            return new Expanded(text, List.of());
        }
        pieces.add(text.substring(from));
        String joined = "";
        for (DiceFormatter.Detail detail : DiceFormatter.Detail.values()) {
            joined = join(pieces, results, detail);
            if (joined.length() <= maxLength) {
                return new Expanded(joined, results);
            }
        }
        throw new InvalidInputException(ReasonCode.INLINE_ROLLS_TOO_LONG,
                Map.of("length", String.valueOf(joined.length()), "max", String.valueOf(maxLength)));
    }

    private static String join(List<String> pieces, List<DiceResult> results, DiceFormatter.Detail detail) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            out.append(pieces.get(i));
            DiceResult result = results.get(i);
            if (detail == DiceFormatter.Detail.BARE) {
                for (int r = 0; r < result.rolls().size(); r++) {
                    out.append(r == 0 ? "" : ", ").append("**").append(result.rolls().get(r).total()).append("**");
                }
            } else {
                out.append(DiceFormatter.render(result, detail, "; "));
            }
        }
        out.append(pieces.get(pieces.size() - 1));
        return out.toString();
    }

    /** Index of the {@code ]]} closing an inline roll whose expression starts at {@code from}, or -1. */
    private static int closing(String text, int from) {
        boolean inAnnotation = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (inAnnotation) {
                if (c == ']') {
                    inAnnotation = false;
                }
            } else if (c == '[') {
                inAnnotation = true;
            } else if (c == ']') {
                return i + 1 < text.length() && text.charAt(i + 1) == ']' ? i : -1;
            }
        }
        return -1;
    }
}
