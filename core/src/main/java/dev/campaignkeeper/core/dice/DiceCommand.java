package dev.campaignkeeper.core.dice;

import java.util.List;
import java.util.Objects;

/**
 * A parsed, valid dice command, ready to roll any number of times with a {@link DiceRoller}.
 * Immutable and safe to share. Made by {@link DiceParser#parse(String)}.
 */
public final class DiceCommand {

    /** One expression of the command, rolled {@code repeat} times ({@code 3#1d20} is one item, repeat 3). */
    record Item(String label, Node node, int repeat) {
        Item {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(node, "node");
        }
    }

    private final String expression;
    private final List<Item> items;
    private final int dice;

    DiceCommand(String expression, List<Item> items, int dice) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.items = List.copyOf(items);
        this.dice = dice;
    }

    /**
     * The expression as given to the parser.
     *
     * @return the expression
     */
    public String expression() {
        return expression;
    }

    /**
     * How many dice one roll of the command throws before explosions and rerolls.
     *
     * @return at most {@link DiceLimits#MAX_DICE}
     */
    public int dice() {
        return dice;
    }

    /**
     * How many results one roll yields (a list's items, each repeated by its count).
     *
     * @return at least 1, at most {@link DiceLimits#MAX_ROLLS}
     */
    public int results() {
        return items.stream().mapToInt(Item::repeat).sum();
    }

    List<Item> items() {
        return items;
    }

    @Override
    public String toString() {
        return "DiceCommand[" + expression + "]";
    }
}
