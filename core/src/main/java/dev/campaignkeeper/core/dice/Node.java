package dev.campaignkeeper.core.dice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed dice expression: the tree {@link DiceParser} builds and {@link DiceRoller} evaluates. */
sealed interface Node {

    /** An integer constant. */
    record Const(long value, Optional<String> annotation) implements Node {
        public Const {
            Objects.requireNonNull(annotation, "annotation");
        }
    }

    /** One operator applied to a dice set, in the order written. */
    record Modifier(Op op, Selector selector) {
        public Modifier {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(selector, "selector");
        }
    }

    /** The operators of a dice set. */
    enum Op { KEEP, DROP, REROLL, REROLL_ONCE, REROLL_ADD, EXPLODE, COMPOUND, MIN, MAX }

    /**
     * {@code NdM} with its operators. {@code fudge} dice have faces -1, 0, +1 and {@code sides} 3.
     */
    record Dice(String text, int count, int sides, boolean fudge, List<Modifier> modifiers,
                Optional<Selector> success, Optional<Selector> failure, Optional<String> annotation)
            implements Node {
        public Dice {
            Objects.requireNonNull(text, "text");
            modifiers = List.copyOf(modifiers);
            Objects.requireNonNull(success, "success");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(annotation, "annotation");
        }

        long minFace() {
            return fudge ? -1 : 1;
        }

        long maxFace() {
            return fudge ? 1 : sides;
        }
    }

    /** {@code left op right} for {@code + - * /}; {@code position} is the operator's, 1-based. */
    record Binary(char operator, int position, Node left, Node right) implements Node {
        public Binary {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Unary minus; {@code position} is the minus sign's, 1-based. */
    record Negate(int position, Node operand) implements Node {
        public Negate {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** A parenthesised expression. */
    record Group(Node inner, Optional<String> annotation) implements Node {
        public Group {
            Objects.requireNonNull(inner, "inner");
            Objects.requireNonNull(annotation, "annotation");
        }
    }
}
