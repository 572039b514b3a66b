package dev.campaignkeeper.core.dice;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One die of a dice set as it ended up.
 *
 * @param value what the die counts for (after a minimum/maximum, the compounded sum)
 * @param rolls the faces rolled for it: one, or several when explosions compounded into it
 * @param marks what happened to it
 */
public record Die(long value, List<Long> rolls, Set<Die.Mark> marks) {

    /** What happened to a die. */
    public enum Mark {
        /** Dropped by a keep or drop operator; it does not count. */
        DROPPED,
        /** Rerolled: replaced by the die after it; it does not count. */
        REROLLED,
        /** It matched an explosion and added the die after it. */
        EXPLODED,
        /** Added to the set by an explosion or by reroll-and-add. */
        ADDED,
        /** Explosions were added into this die ({@code !!}); {@link Die#rolls()} lists them. */
        COMPOUNDED,
        /** Raised by a minimum or lowered by a maximum; the first of {@link Die#rolls()} is the face rolled. */
        CHANGED,
        /** It met the set's success target. */
        SUCCESS,
        /** It met the set's failure target. */
        FAILURE
    }

    /**
     * Validates the fields.
     *
     * @param value what the die counts for (after a minimum/maximum, the compounded sum)
     * @param rolls the faces rolled for it: one, or several when explosions compounded into it
     * @param marks what happened to it
     */
    public Die {
        rolls = List.copyOf(rolls);
        if (rolls.isEmpty()) {
            throw new IllegalArgumentException("a die has at least one roll");
        }
        Objects.requireNonNull(marks, "marks");
        marks = marks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(marks));
    }

    /**
     * Whether the die counts toward the set's value (neither dropped nor rerolled).
     *
     * @return true if it counts
     */
    public boolean counts() {
        return !marks.contains(Mark.DROPPED) && !marks.contains(Mark.REROLLED);
    }

    /**
     * Whether something happened to the die.
     *
     * @param mark the mark
     * @return true if the die carries it
     */
    public boolean is(Mark mark) {
        return marks.contains(mark);
    }
}
