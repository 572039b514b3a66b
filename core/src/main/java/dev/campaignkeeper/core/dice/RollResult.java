package dev.campaignkeeper.core.dice;

import java.util.Objects;

/**
 * One result of a dice command: an expression rolled once.
 *
 * @param expression the expression as written, e.g. {@code 1d20+5 [attack]}
 * @param term what was rolled, part by part
 */
public record RollResult(String expression, Term term) {

    /**
     * Validates the fields.
     *
     * @param expression the expression as written, e.g. {@code 1d20+5 [attack]}
     * @param term what was rolled, part by part
     */
    public RollResult {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(term, "term");
    }

    /**
     * The total.
     *
     * @return what the expression came to
     */
    public long total() {
        return term.value();
    }
}
