package dev.campaignkeeper.core.dice;

/** The ceilings that keep one dice command small and finite. */
public final class DiceLimits {

    /** Most characters in one dice expression. */
    public static final int MAX_EXPRESSION_LENGTH = 200;
    /** Most dice one command rolls before explosions and rerolls (counts {@code N#} repetitions). */
    public static final int MAX_DICE = 1000;
    /** Most sides of one die. */
    public static final int MAX_SIDES = 10_000;
    /** Most extra dice explosions and rerolls may add to one command; the result says when it stopped there. */
    public static final int MAX_EXTRA_DICE = 100;
    /** Most results one command yields ({@code 3#...} counts three, a list {@code a, b} two). */
    public static final int MAX_ROLLS = 50;
    /** Most inline rolls {@code [[...]]} in one post. */
    public static final int MAX_INLINE_ROLLS = 20;

    private DiceLimits() {
    }
}
