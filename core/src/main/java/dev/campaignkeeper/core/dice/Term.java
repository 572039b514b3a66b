package dev.campaignkeeper.core.dice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One rolled part of an expression: a constant, a dice set, an operation or a group, with its value. */
public sealed interface Term permits Term.Constant, Term.DiceSet, Term.Operation, Term.Negation, Term.Group {

    /**
     * What this part came to.
     *
     * @return its value
     */
    long value();

    /**
     * A constant.
     *
     * @param value the number
     * @param annotation its annotation ({@code 5 [strength]}), if any
     */
    record Constant(long value, Optional<String> annotation) implements Term {

        /**
         * Validates the fields.
         *
         * @param value the number
         * @param annotation its annotation ({@code 5 [strength]}), if any
         */
        public Constant {
            Objects.requireNonNull(annotation, "annotation");
        }
    }

    /**
     * A dice set such as {@code 4d6kh3}, with every die rolled for it.
     *
     * @param notation the set as written, e.g. {@code 4d6kh3} or {@code adv}
     * @param fudge whether these are Fudge/Fate dice (faces -1, 0, +1)
     * @param dice every die in the order rolled; a reroll or explosion follows the die it came from
     * @param value the sum of the dice that count, or successes minus failures
     * @param countsSuccesses whether the set counts successes instead of summing
     * @param successes dice that met the success target
     * @param failures dice that met the failure target
     * @param annotation its annotation ({@code 2d6 [fire]}), if any
     */
    record DiceSet(String notation, boolean fudge, List<Die> dice, long value, boolean countsSuccesses,
                   int successes, int failures, Optional<String> annotation) implements Term {

        /**
         * Validates the fields.
         *
         * @param notation the set as written, e.g. {@code 4d6kh3} or {@code adv}
         * @param fudge whether these are Fudge/Fate dice (faces -1, 0, +1)
         * @param dice every die in the order rolled; a reroll or explosion follows the die it came from
         * @param value the sum of the dice that count, or successes minus failures
         * @param countsSuccesses whether the set counts successes instead of summing
         * @param successes dice that met the success target
         * @param failures dice that met the failure target
         * @param annotation its annotation ({@code 2d6 [fire]}), if any
         */
        public DiceSet {
            Objects.requireNonNull(notation, "notation");
            dice = List.copyOf(dice);
            Objects.requireNonNull(annotation, "annotation");
        }
    }

    /**
     * {@code left operator right}.
     *
     * @param left the left operand
     * @param operator one of {@code + - * /}
     * @param right the right operand
     * @param value the result ({@code /} rounds toward zero)
     */
    record Operation(Term left, char operator, Term right, long value) implements Term {

        /**
         * Validates the fields.
         *
         * @param left the left operand
         * @param operator one of {@code + - * /}
         * @param right the right operand
         * @param value the result ({@code /} rounds toward zero)
         */
        public Operation {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if ("+-*/".indexOf(operator) < 0) {
                throw new IllegalArgumentException("unknown operator " + operator);
            }
        }
    }

    /**
     * Unary minus.
     *
     * @param operand what is negated
     * @param value minus the operand's value
     */
    record Negation(Term operand, long value) implements Term {

        /**
         * Validates the fields.
         *
         * @param operand what is negated
         * @param value minus the operand's value
         */
        public Negation {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * A parenthesised expression.
     *
     * @param inner the expression inside
     * @param value its value
     * @param annotation the group's annotation ({@code (1d6+2) [fire]}), if any
     */
    record Group(Term inner, long value, Optional<String> annotation) implements Term {

        /**
         * Validates the fields.
         *
         * @param inner the expression inside
         * @param value its value
         * @param annotation the group's annotation ({@code (1d6+2) [fire]}), if any
         */
        public Group {
            Objects.requireNonNull(inner, "inner");
            Objects.requireNonNull(annotation, "annotation");
        }
    }
}
