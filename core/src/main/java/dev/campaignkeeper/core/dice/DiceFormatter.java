package dev.campaignkeeper.core.dice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes dice results as Discord markdown, one line per result:
 *
 * <pre>
 * `4d6kh3+2 [str]` → 4d6kh3 (~~1~~, 4, 5, 6) + 2 [str] = **17**
 * </pre>
 *
 * <p>The expression in code, then every die: dropped and rerolled dice struck through ({@code
 * ~~1~~}), exploded dice marked {@code !} (compounded {@code !!}), dice changed by a minimum or
 * maximum as {@code 1→2}, successes {@code ✓} and failures {@code ✗} with the set's count,
 * annotations in brackets, and the total in bold. Fudge dice show as {@code +}, {@code 0}, {@code
 * -}. A result that does not fit the length limit is shortened step by step (fewer dice per set,
 * no dice, only the totals) so every total stays. The output never contains {@code [[}, so it is
 * not taken for an inline roll.
 */
public final class DiceFormatter {

    /** Discord's message limit, in characters. */
    public static final int DISCORD_LIMIT = 2000;
    /**
     * The smallest limit {@link #format(DiceResult, int)} accepts: enough for the totals of the
     * most results a command may have ({@link DiceLimits#MAX_ROLLS}), whatever their size.
     */
    public static final int MIN_LIMIT = 1500;

    private static final int FEW_DICE = 10;
    private static final int SHORT_LABEL = 40;
    private static final String CAP_NOTE = "(explosions and rerolls stopped at the cap of "
            + DiceLimits.MAX_EXTRA_DICE + " extra dice)";

    /** How much of a result is shown, from everything to only the totals. */
    enum Detail { FULL, FEW_DICE, NO_DICE, TOTALS, BARE }

    private DiceFormatter() {
    }

    /**
     * Formats a result to fit one Discord message.
     *
     * @param result the result
     * @return markdown of at most {@link #DISCORD_LIMIT} characters
     */
    public static String format(DiceResult result) {
        return format(result, DISCORD_LIMIT);
    }

    /**
     * Formats a result to fit a length limit, shortening it (never dropping a total) if needed.
     *
     * @param result the result
     * @param maxLength the most characters (UTF-16 units, so also code points), at least {@link #MIN_LIMIT}
     * @return markdown of at most {@code maxLength} characters
     */
    public static String format(DiceResult result, int maxLength) {
        Objects.requireNonNull(result, "result");
        if (maxLength < MIN_LIMIT) {
            throw new IllegalArgumentException("maxLength must be at least " + MIN_LIMIT);
        }
        String text = "";
        for (Detail detail : Detail.values()) {
            text = render(result, detail, "\n");
            if (text.length() <= maxLength) {
                return text;
            }
        }
        return text.substring(0, maxLength - 1) + "…";
    }

    /**
     * The result rendered at one level of detail; results joined by {@code separator}.
     *
     * @param result the result
     * @param detail how much to show
     * @param separator between results: a line break, or "; " inside a post
     * @return the markdown
     */
    static String render(DiceResult result, Detail detail, String separator) {
        StringBuilder out = new StringBuilder();
        if (detail == Detail.BARE) {
            out.append('`').append(abbreviate(result.expression().strip(), SHORT_LABEL)).append("` = ");
            List<RollResult> rolls = result.rolls();
            for (int i = 0; i < rolls.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append("**").append(rolls.get(i).total()).append("**");
            }
        } else {
            List<RollResult> rolls = result.rolls();
            for (int i = 0; i < rolls.size(); i++) {
                if (i > 0) {
                    out.append(separator);
                }
                RollResult roll = rolls.get(i);
                if (detail == Detail.TOTALS) {
                    out.append('`').append(abbreviate(roll.expression(), SHORT_LABEL)).append("` = ");
                } else {
                    out.append('`').append(roll.expression()).append("` → ");
                    term(out, roll.term(), detail);
                    out.append(" = ");
                }
                out.append("**").append(roll.total()).append("**");
            }
        }
        if (result.capReached()) {
            out.append(separator.equals("\n") ? "\n" : " ").append(CAP_NOTE);
        }
        return out.toString();
    }

    private static void term(StringBuilder out, Term term, Detail detail) {
        if (term instanceof Term.Constant c) {
            out.append(c.value());
            annotation(out, c.annotation());
        } else if (term instanceof Term.DiceSet set) {
            diceSet(out, set, detail);
        } else if (term instanceof Term.Operation op) {
            term(out, op.left(), detail);
            out.append(' ').append(op.operator()).append(' ');
            term(out, op.right(), detail);
        } else if (term instanceof Term.Negation n) {
            out.append('-');
            term(out, n.operand(), detail);
        } else {
            Term.Group g = (Term.Group) term;
            out.append('(');
            term(out, g.inner(), detail);
            out.append(')');
            annotation(out, g.annotation());
        }
    }

    private static void diceSet(StringBuilder out, Term.DiceSet set, Detail detail) {
        out.append(set.notation()).append(" (");
        if (detail == Detail.NO_DICE) {
            out.append('…');
        } else {
            List<Die> dice = set.dice();
            int shown = detail == Detail.FULL ? dice.size() : Math.min(dice.size(), FEW_DICE);
            for (int i = 0; i < shown; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                die(out, dice.get(i), set.fudge());
            }
            if (shown < dice.size()) {
                out.append(", … ").append(dice.size() - shown).append(" more");
            }
        }
        if (set.countsSuccesses()) {
            out.append("; ").append(set.successes()).append(set.successes() == 1 ? " success" : " successes");
            if (set.failures() > 0) {
                out.append(", ").append(set.failures()).append(set.failures() == 1 ? " failure" : " failures");
            }
        }
        out.append(')');
        annotation(out, set.annotation());
    }

    private static void die(StringBuilder out, Die die, boolean fudge) {
        boolean struck = !die.counts();
        if (struck) {
            out.append("~~");
        }
        if (die.is(Die.Mark.CHANGED)) {
            out.append(face(die.rolls().get(0), fudge)).append('→');
        }
        out.append(face(die.value(), fudge && !die.is(Die.Mark.COMPOUNDED)));
        if (die.is(Die.Mark.COMPOUNDED)) {
            out.append("!!");
        } else if (die.is(Die.Mark.EXPLODED)) {
            out.append('!');
        }
        if (die.is(Die.Mark.SUCCESS)) {
            out.append('✓');
        }
        if (die.is(Die.Mark.FAILURE)) {
            out.append('✗');
        }
        if (struck) {
            out.append("~~");
        }
    }

    private static String face(long value, boolean fudge) {
        if (!fudge) {
            return Long.toString(value);
        }
        return value > 0 ? "+" : value < 0 ? "-" : "0";
    }

    private static void annotation(StringBuilder out, Optional<String> annotation) {
        annotation.ifPresent(text -> out.append(" [").append(escape(text)).append(']'));
    }

    /** Escapes Discord markdown in user text (annotations). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_~|`>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
