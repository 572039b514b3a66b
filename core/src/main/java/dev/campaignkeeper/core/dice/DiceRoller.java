package dev.campaignkeeper.core.dice;

import dev.campaignkeeper.core.error.InvalidDiceException;
import dev.campaignkeeper.core.dice.Node.Modifier;
import dev.campaignkeeper.core.dice.Selector.Kind;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Rolls parsed dice commands. Randomness is injected: {@link #secure()} draws from {@link
 * SecureRandom} (what the bot uses), {@link #seeded(long)} is repeatable (tests, the console's
 * {@code --seed}). Explosions and rerolls add at most {@link DiceLimits#MAX_EXTRA_DICE} dice per
 * command; the result says when they stopped there. A roller may be shared between threads when
 * its generator is thread-safe, as both factories' are.
 */
public final class DiceRoller {

    private final RandomGenerator random;

    /**
     * Creates a roller.
     *
     * @param random where the faces come from
     */
    public DiceRoller(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A roller drawing from {@link SecureRandom}.
     *
     * @return the roller
     */
    public static DiceRoller secure() {
        return new DiceRoller(new SecureRandom());
    }

    /**
     * A repeatable roller: the same seed gives the same rolls in the same order.
     *
     * @param seed the seed
     * @return the roller
     */
    public static DiceRoller seeded(long seed) {
        return new DiceRoller(new Random(seed));
    }

    /**
     * Parses and rolls an expression.
     *
     * @param expression the notation (see {@link DiceParser})
     * @return what was rolled
     * @throws InvalidDiceException if the expression is not valid, or divides by zero or overflows
     */
    public DiceResult roll(String expression) {
        return roll(DiceParser.parse(expression));
    }

    /**
     * Rolls a parsed command.
     *
     * @param command the command
     * @return what was rolled
     * @throws InvalidDiceException if the roll divides by zero or overflows
     */
    public DiceResult roll(DiceCommand command) {
        Objects.requireNonNull(command, "command");
        Rolling rolling = new Rolling(command.expression());
        List<RollResult> results = new ArrayList<>(command.results());
        for (DiceCommand.Item item : command.items()) {
            for (int i = 0; i < item.repeat(); i++) {
                results.add(new RollResult(item.label(), rolling.evaluate(item.node())));
            }
        }
        return new DiceResult(command.expression(), results, rolling.extra, rolling.capReached);
    }

    /** One command's roll: the budget of extra dice it shares. */
    private final class Rolling {

        private final String expression;
        private int extra;
        private boolean capReached;

        Rolling(String expression) {
            this.expression = expression;
        }

        Term evaluate(Node node) {
            if (node instanceof Node.Const c) {
                return new Term.Constant(c.value(), c.annotation());
            }
            if (node instanceof Node.Dice d) {
                return rollSet(d);
            }
            if (node instanceof Node.Group g) {
                Term inner = evaluate(g.inner());
                return new Term.Group(inner, inner.value(), g.annotation());
            }
            if (node instanceof Node.Negate n) {
                Term operand = evaluate(n.operand());
                if (operand.value() == Long.MIN_VALUE) {
                    throw overflow(n.position());
                }
                return new Term.Negation(operand, -operand.value());
            }
            Node.Binary b = (Node.Binary) node;
            Term left = evaluate(b.left());
            Term right = evaluate(b.right());
            long value;
            try {
                value = switch (b.operator()) {
                    case '+' -> Math.addExact(left.value(), right.value());
                    case '-' -> Math.subtractExact(left.value(), right.value());
                    case '*' -> Math.multiplyExact(left.value(), right.value());
                    default -> {
                        if (right.value() == 0) {
                            throw new InvalidDiceException(expression,
                                    "division by zero: the right side of this / came to 0", b.position());
                        }
                        if (left.value() == Long.MIN_VALUE && right.value() == -1) {
                            throw new ArithmeticException("overflow");
                        }
                        yield left.value() / right.value();
                    }
                };
            } catch (ArithmeticException e) {
                throw overflow(b.position());
            }
            return new Term.Operation(left, b.operator(), right, value);
        }

        private InvalidDiceException overflow(int position) {
            return new InvalidDiceException(expression, "the result is too large to compute (integer overflow)",
                    position);
        }

        private Term.DiceSet rollSet(Node.Dice set) {
            List<Rolled> dice = new ArrayList<>(set.count() + 4);
            for (int i = 0; i < set.count(); i++) {
                dice.add(new Rolled(face(set)));
            }
            for (Modifier modifier : set.modifiers()) {
                apply(set, modifier, dice);
            }
            int successes = 0;
            int failures = 0;
            long value = 0;
            if (set.success().isPresent()) {
                for (Rolled die : dice) {
                    if (!die.counts()) {
                        continue;
                    }
                    if (set.success().get().matches(die.value)) {
                        die.marks.add(Die.Mark.SUCCESS);
                        successes++;
                    }
                    if (set.failure().isPresent() && set.failure().get().matches(die.value)) {
                        die.marks.add(Die.Mark.FAILURE);
                        failures++;
                    }
                }
                value = successes - failures;
            } else {
                for (Rolled die : dice) {
                    if (die.counts()) {
                        value += die.value;
                    }
                }
            }
            List<Die> result = new ArrayList<>(dice.size());
            for (Rolled die : dice) {
                result.add(die.freeze());
            }
            return new Term.DiceSet(set.text(), set.fudge(), result, value, set.success().isPresent(), successes,
                    failures, set.annotation());
        }

        private void apply(Node.Dice set, Modifier modifier, List<Rolled> dice) {
            Selector selector = modifier.selector();
            switch (modifier.op()) {
                case KEEP, DROP -> {
                    Set<Rolled> selected = select(selector, dice);
                    boolean keep = modifier.op() == Node.Op.KEEP;
                    for (Rolled die : dice) {
                        if (die.counts() && selected.contains(die) != keep) {
                            die.marks.add(Die.Mark.DROPPED);
                        }
                    }
                }
                case REROLL -> {
                    for (int i = 0; i < dice.size(); i++) {
                        Rolled die = dice.get(i);
                        if (die.counts() && selector.matches(die.value) && takeExtra()) {
                            die.marks.add(Die.Mark.REROLLED);
                            dice.add(i + 1, new Rolled(face(set)));
                        }
                    }
                }
                case REROLL_ONCE -> {
                    Set<Rolled> selected = select(selector, dice);
                    for (int i = 0; i < dice.size(); i++) {
                        Rolled die = dice.get(i);
                        if (selected.contains(die) && takeExtra()) {
                            die.marks.add(Die.Mark.REROLLED);
                            dice.add(++i, new Rolled(face(set)));
                        }
                    }
                }
                case REROLL_ADD -> {
                    Set<Rolled> selected = select(selector, dice);
                    for (int i = 0; i < dice.size(); i++) {
                        if (selected.contains(dice.get(i))) {
                            if (takeExtra()) {
                                Rolled added = new Rolled(face(set));
                                added.marks.add(Die.Mark.ADDED);
                                dice.add(i + 1, added);
                            }
                            break;
                        }
                    }
                }
                case EXPLODE -> {
                    for (int i = 0; i < dice.size(); i++) {
                        Rolled die = dice.get(i);
                        if (die.counts() && !die.marks.contains(Die.Mark.EXPLODED) && selector.matches(die.value)
                                && takeExtra()) {
                            die.marks.add(Die.Mark.EXPLODED);
                            Rolled added = new Rolled(face(set));
                            added.marks.add(Die.Mark.ADDED);
                            dice.add(i + 1, added);
                        }
                    }
                }
                case COMPOUND -> {
                    for (Rolled die : dice) {
                        if (!die.counts()) {
                            continue;
                        }
                        long last = die.value;
                        while (selector.matches(last) && takeExtra()) {
                            last = face(set);
                            die.rolls.add(last);
                            die.value += last;
                            die.marks.add(Die.Mark.COMPOUNDED);
                        }
                    }
                }
                case MIN, MAX -> {
                    boolean min = modifier.op() == Node.Op.MIN;
                    for (Rolled die : dice) {
                        if (die.counts() && (min ? die.value < selector.n() : die.value > selector.n())) {
                            die.value = selector.n();
                            die.marks.add(Die.Mark.CHANGED);
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown operator " + modifier.op());
            }
        }

        /** The counting dice a selector picks: by value, or the N highest/lowest (earlier dice win ties). */
        private Set<Rolled> select(Selector selector, List<Rolled> dice) {
            List<Rolled> counting = new ArrayList<>(dice.size());
            for (Rolled die : dice) {
                if (die.counts()) {
                    counting.add(die);
                }
            }
            Set<Rolled> selected = new HashSet<>();
            if (!selector.byRank()) {
                for (Rolled die : counting) {
                    if (selector.matches(die.value)) {
                        selected.add(die);
                    }
                }
                return selected;
            }
            Comparator<Rolled> byValue = Comparator.comparingLong(die -> die.value);
            List<Rolled> ranked = new ArrayList<>(counting);
            ranked.sort(selector.kind() == Kind.HIGHEST ? byValue.reversed() : byValue);
            selected.addAll(ranked.subList(0, (int) Math.min(selector.n(), ranked.size())));
            return selected;
        }

        private boolean takeExtra() {
            if (extra >= DiceLimits.MAX_EXTRA_DICE) {
                capReached = true;
                return false;
            }
            extra++;
            return true;
        }

        private long face(Node.Dice set) {
            return set.fudge() ? random.nextInt(3) - 1L : random.nextInt(set.sides()) + 1L;
        }
    }

    /** A die while its set is being rolled; identity matters (sets of dice), so no equals. */
    private static final class Rolled {

        private long value;
        private final List<Long> rolls = new ArrayList<>(1);
        private final EnumSet<Die.Mark> marks = EnumSet.noneOf(Die.Mark.class);

        Rolled(long face) {
            this.value = face;
            rolls.add(face);
        }

        boolean counts() {
            return !marks.contains(Die.Mark.DROPPED) && !marks.contains(Die.Mark.REROLLED);
        }

        Die freeze() {
            return new Die(value, rolls, marks);
        }
    }

    @Override
    public String toString() {
        return "DiceRoller[" + random.getClass().getSimpleName() + "]";
    }
}
