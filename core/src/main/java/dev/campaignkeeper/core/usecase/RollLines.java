package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.dice.DiceResult;
import dev.campaignkeeper.core.dice.RollResult;
import java.util.List;

/**
 * The rolls of a post as the post log keeps them: one plain line per result, the expression as
 * written and its total, e.g. {@code 1d20+5 [attack] = 17} (what a transcript lists under the post).
 */
final class RollLines {

    private RollLines() {
    }

    static List<String> of(DiceResult result) {
        return result.rolls().stream().map(RollLines::line).toList();
    }

    private static String line(RollResult roll) {
        return roll.expression().strip() + " = " + roll.total();
    }
}
