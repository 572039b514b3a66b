package dev.campaignkeeper.core.dice;

import java.util.List;
import java.util.Objects;

/**
 * Everything one dice command rolled.
 *
 * @param expression the command as given, e.g. {@code 2#1d20+5}
 * @param rolls its results in order: one per list item, each repeated by its count
 * @param extraDice dice that explosions and rerolls added, at most {@link DiceLimits#MAX_EXTRA_DICE}
 * @param capReached whether explosions or rerolls stopped because that cap was reached
 */
public record DiceResult(String expression, List<RollResult> rolls, int extraDice, boolean capReached) {

    /**
     * Validates the fields.
     *
     * @param expression the command as given, e.g. {@code 2#1d20+5}
     * @param rolls its results in order: one per list item, each repeated by its count
     * @param extraDice dice that explosions and rerolls added, at most {@link DiceLimits#MAX_EXTRA_DICE}
     * @param capReached whether explosions or rerolls stopped because that cap was reached
     */
    public DiceResult {
        Objects.requireNonNull(expression, "expression");
        rolls = List.copyOf(rolls);
        if (rolls.isEmpty()) {
            throw new IllegalArgumentException("a dice result has at least one roll");
        }
    }

    /**
     * The totals, one per result.
     *
     * @return the totals in order
     */
    public List<Long> totals() {
        return rolls.stream().map(RollResult::total).toList();
    }
}
