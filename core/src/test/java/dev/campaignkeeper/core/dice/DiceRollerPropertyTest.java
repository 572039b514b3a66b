package dev.campaignkeeper.core.dice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.dice.Die.Mark;
import dev.campaignkeeper.core.error.InvalidDiceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property tests (plain JUnit, many seeded random cases) of every operator: bounds on random dice
 * counts, sides and operator arguments, and distributions against exact means over 100,000 rolls.
 * Each property runs {@link #TRIES} cases (2,000 for the notation soup) whose parameters come from
 * a {@link SplittableRandom} with a fixed seed per test, so a failure is reproducible; its message
 * names the test's seed, the try and every drawn parameter. About one draw in ten is an edge of
 * its range (the minimum or the maximum; for a free {@code long}, 0, ±1 or the extremes).
 *
 * <p>A mean must lie within six standard errors of the exact one (computed from the sample's own
 * spread), so a correct roller fails a try with odds of about one in 500 million, while a biased
 * one fails reliably.
 */
class DiceRollerPropertyTest {

    private static final int ROLLS = 100_000;
    /** Cases per property. */
    private static final int TRIES = 1_000;
    /** Seeds per distribution check. */
    private static final int DISTRIBUTION_TRIES = 3;

    /** One generated case: draws parameters from the test's random source and remembers them for the message. */
    private static final class Case {
        private static final long[] LONG_EDGES = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE};

        private final SplittableRandom random;
        private final String where;
        private final List<String> drawn = new ArrayList<>();

        Case(SplittableRandom random, long testSeed, int attempt) {
            this.random = random;
            this.where = "test seed 0x" + Long.toHexString(testSeed).toUpperCase(Locale.ROOT) + ", try " + attempt;
        }

        /** Any {@code long}. */
        long anyLong(String name) {
            long value = random.nextInt(10) == 0 ? LONG_EDGES[random.nextInt(LONG_EDGES.length)] : random.nextLong();
            return note(name, value);
        }

        /** An {@code int} in {@code [min, max]}, both ends included. */
        int between(String name, int min, int max) {
            int pick = random.nextInt(20);
            int value = pick == 0 ? min : pick == 1 ? max : random.nextInt(min, max + 1);
            return note(name, value);
        }

        /** One of the values. */
        <T> T oneOf(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        <T> T note(String name, T value) {
            drawn.add(name + "=" + value);
            return value;
        }

        int note(String name, int value) {
            drawn.add(name + "=" + value);
            return value;
        }

        long note(String name, long value) {
            drawn.add(name + "=" + value);
            return value;
        }

        String describe() {
            return where + ": " + String.join(", ", drawn);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Checks a property over {@code tries} cases drawn from a random source seeded with {@code seed}. */
    private static void forAll(long seed, int tries, Consumer<Case> property) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            property.accept(new Case(random, seed, attempt));
        }
    }

    private static Term.DiceSet set(DiceRoller roller, String expression) {
        return (Term.DiceSet) roller.roll(expression).rolls().get(0).term();
    }

    private static List<Die> counting(Term.DiceSet set) {
        return set.dice().stream().filter(Die::counts).toList();
    }

    // ---- bounds ----

    @Test
    void plainDiceStayWithinTheirFaces() {
        forAll(0x5EED_0001L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 50);
            int sides = c.between("sides", 1, 10_000);
            Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides);
            assertThat(set.dice()).as(c::describe).hasSize(n)
                    .allSatisfy(die -> assertThat(die.value()).isBetween(1L, (long) sides));
            assertThat(set.value()).as(c::describe).isBetween((long) n, (long) n * sides);
        });
    }

    @Test
    void keepHighestKeepsExactlyTheHighestDice() {
        forAll(0x5EED_0002L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 30);
            int k = Math.min(c.between("k", 1, 30), n);
            int sides = c.between("sides", 1, 100);
            Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + "kh" + k);
            List<Die> kept = counting(set);
            assertThat(kept).as(c::describe).hasSize(k);
            long lowestKept = kept.stream().mapToLong(Die::value).min().orElseThrow();
            assertThat(set.dice()).as(c::describe).filteredOn(die -> !die.counts()).allSatisfy(die ->
                    assertThat(die.value()).isLessThanOrEqualTo(lowestKept));
            assertThat(set.value()).as(c::describe).isBetween((long) k, (long) k * sides);
        });
    }

    @Test
    void keepLowestAndDropHighestOrLowestCountTheRightDice() {
        forAll(0x5EED_0003L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 30);
            int k = Math.min(c.between("k", 1, 30), n);
            int sides = c.between("sides", 1, 100);
            DiceRoller roller = DiceRoller.seeded(seed);
            Term.DiceSet kl = set(roller, n + "d" + sides + "kl" + k);
            assertThat(counting(kl)).as(c::describe).hasSize(k);
            long highestKept = counting(kl).stream().mapToLong(Die::value).max().orElseThrow();
            assertThat(kl.dice()).as(c::describe).filteredOn(die -> !die.counts())
                    .allSatisfy(die -> assertThat(die.value()).isGreaterThanOrEqualTo(highestKept));

            Term.DiceSet dh = set(roller, n + "d" + sides + "dh" + k);
            assertThat(counting(dh)).as(c::describe).hasSize(n - k);
            Term.DiceSet dl = set(roller, n + "d" + sides + "dl" + k);
            assertThat(counting(dl)).as(c::describe).hasSize(n - k);
            assertThat(dl.value()).as(c::describe).isBetween((long) (n - k), (long) (n - k) * sides);
        });
    }

    @Test
    void valueSelectorsKeepOrDropExactlyTheMatchingDice() {
        forAll(0x5EED_0004L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 30);
            int sides = c.between("sides", 2, 20);
            int x = c.between("x", 0, 21);
            DiceRoller roller = DiceRoller.seeded(seed);
            Term.DiceSet keep = set(roller, n + "d" + sides + "k>" + x);
            assertThat(keep.dice()).as(c::describe)
                    .allSatisfy(die -> assertThat(die.counts()).isEqualTo(die.value() > x));
            Term.DiceSet drop = set(roller, n + "d" + sides + "d<=" + x);
            assertThat(drop.dice()).as(c::describe)
                    .allSatisfy(die -> assertThat(die.counts()).isEqualTo(die.value() > x));
        });
    }

    @Test
    void rerollUntilLeavesNoMatchingDieUnlessTheCapStoppedIt() {
        forAll(0x5EED_0005L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 2, 12);
            int below = Math.min(c.between("below", 1, 11), sides - 1); // rr<below+1 must leave at least one face
            DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "rr<" + (below + 1));
            Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
            assertThat(counting(set)).as(c::describe).hasSize(n);
            if (!result.capReached()) {
                assertThat(counting(set)).as(c::describe)
                        .allSatisfy(die -> assertThat(die.value()).isGreaterThan(below));
            }
            assertThat(set.dice()).as(c::describe).filteredOn(die -> die.is(Mark.REROLLED))
                    .hasSize(result.extraDice());
        });
    }

    @Test
    void rerollOnceRerollsEachMatchingDieAtMostOnce() {
        forAll(0x5EED_0006L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 2, 20);
            DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "ro1");
            Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
            assertThat(counting(set)).as(c::describe).hasSize(n);
            assertThat(set.dice()).as(c::describe).hasSizeLessThanOrEqualTo(2 * n);
            assertThat(set.dice()).as(c::describe).filteredOn(die -> die.is(Mark.REROLLED))
                    .allSatisfy(die -> assertThat(die.value()).isEqualTo(1));
            assertThat(set.value()).as(c::describe).isBetween((long) n, (long) n * sides);
        });
    }

    @Test
    void rerollAndAddAddsAtMostOneDie() {
        forAll(0x5EED_0007L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 1, 20);
            Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + "ra" + sides);
            boolean matched = set.dice().stream().anyMatch(die -> !die.is(Mark.ADDED) && die.value() == sides);
            assertThat(set.dice()).as(c::describe).hasSize(matched ? n + 1 : n);
            assertThat(set.value()).as(c::describe).isBetween((long) n, (long) (n + 1) * sides);
        });
    }

    @Test
    void explodingDiceAddADieForEveryMaximumUntilTheCap() {
        forAll(0x5EED_0008L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 2, 6);
            DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "!");
            Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
            assertThat(set.dice()).as(c::describe).hasSize(n + result.extraDice());
            assertThat(result.extraDice()).as(c::describe).isLessThanOrEqualTo(DiceLimits.MAX_EXTRA_DICE);
            long exploded = set.dice().stream().filter(die -> die.is(Mark.EXPLODED)).count();
            assertThat(exploded).as(c::describe).isEqualTo(result.extraDice());
            if (!result.capReached()) {
                assertThat(set.dice()).as(c::describe)
                        .allSatisfy(die -> assertThat(die.is(Mark.EXPLODED)).isEqualTo(die.value() == sides));
            }
            assertThat(set.value()).as(c::describe)
                    .isBetween((long) n + result.extraDice(), (long) (n + result.extraDice()) * sides);
        });
    }

    @Test
    void compoundingKeepsTheNumberOfDice() {
        forAll(0x5EED_0009L, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 2, 6);
            DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "!!");
            Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
            assertThat(set.dice()).as(c::describe).hasSize(n);
            assertThat(set.dice()).as(c::describe).allSatisfy(die -> {
                assertThat(die.value()).isEqualTo(die.rolls().stream().mapToLong(Long::longValue).sum());
                assertThat(die.rolls().subList(0, die.rolls().size() - 1))
                        .allSatisfy(face -> assertThat(face).isEqualTo(sides));
            });
            assertThat(set.dice().stream().mapToInt(die -> die.rolls().size() - 1).sum()).as(c::describe)
                    .isEqualTo(result.extraDice());
        });
    }

    @Test
    void minimumAndMaximumBoundEveryDie() {
        forAll(0x5EED_000AL, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 1, 20);
            int low = c.between("low", 1, 20);
            int span = c.between("span", 0, 19);
            int high = low + span;
            Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + "mi" + low + "ma" + high);
            assertThat(set.dice()).as(c::describe)
                    .allSatisfy(die -> assertThat(die.value()).isBetween((long) low, (long) high));
        });
    }

    @Test
    void successCountingIsBetweenMinusAndPlusTheDice() {
        forAll(0x5EED_000BL, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 40);
            int sides = c.between("sides", 2, 20);
            int target = c.between("target", 1, 20);
            Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + ">=" + target + "f1");
            assertThat(set.successes()).as(c::describe)
                    .isEqualTo(set.dice().stream().filter(die -> die.value() >= target).count());
            assertThat(set.failures()).as(c::describe)
                    .isEqualTo(set.dice().stream().filter(die -> die.value() == 1).count());
            assertThat(set.value()).as(c::describe).isEqualTo(set.successes() - set.failures())
                    .isBetween((long) -n, (long) n);
        });
    }

    @Test
    void fudgePercentileAdvantageAndDisadvantageStayInRange() {
        forAll(0x5EED_000CL, TRIES, c -> {
            long seed = c.anyLong("seed");
            int n = c.between("n", 1, 50);
            DiceRoller roller = DiceRoller.seeded(seed);
            assertThat(set(roller, n + "dF").value()).as(c::describe).isBetween((long) -n, (long) n);
            assertThat(set(roller, "d%").value()).as(c::describe).isBetween(1L, 100L);
            Term.DiceSet adv = set(roller, "adv");
            assertThat(adv.value()).as(c::describe)
                    .isEqualTo(adv.dice().stream().mapToLong(Die::value).max().orElseThrow());
            Term.DiceSet dis = set(roller, "dis");
            assertThat(dis.value()).as(c::describe)
                    .isEqualTo(dis.dice().stream().mapToLong(Die::value).min().orElseThrow());
        });
    }

    @Test
    void arithmeticIsExactAndDivisionRoundsTowardZero() {
        forAll(0x5EED_000DL, TRIES, c -> {
            int a = c.between("a", -1_000_000, 1_000_000);
            int b = c.between("b", -1_000_000, 1_000_000);
            DiceRoller roller = DiceRoller.seeded(0);
            String left = a < 0 ? "(" + a + ")" : String.valueOf(a);
            String right = b < 0 ? "(" + b + ")" : String.valueOf(b);
            assertThat(roller.roll(left + "+" + right).totals()).as(c::describe).containsExactly((long) a + b);
            assertThat(roller.roll(left + "-" + right).totals()).as(c::describe).containsExactly((long) a - b);
            assertThat(roller.roll(left + "*" + right).totals()).as(c::describe).containsExactly((long) a * b);
            if (b != 0) {
                assertThat(roller.roll(left + "/" + right).totals()).as(c::describe)
                        .containsExactly((long) (a / b));
            }
        });
    }

    @Test
    void anyInputIsEitherRolledOrRefusedWithAPositionNeverAnotherException() {
        forAll(0x5EED_000EL, 2_000, c -> {
            String input = c.note("input", notationSoup(c));
            try {
                DiceResult result = DiceRoller.seeded(input.hashCode()).roll(input);
                String text = DiceFormatter.format(result);
                assertThat(text.length()).as(c::describe).isLessThanOrEqualTo(DiceFormatter.DISCORD_LIMIT);
                assertThat(DiceFormatterTest.boldNumbers(text)).as(c::describe).isEqualTo(result.totals());
            } catch (InvalidDiceException e) {
                assertThat(e.position()).as(c::describe).isBetween(1, input.length() + 1);
                assertThat(e.getMessage()).as(c::describe).doesNotContain("\n");
            }
        });
    }

    private static final List<String> TOKENS = List.of("d", "d6", "2d20", "4d6", "d%", "dF", "1", "0", "3", "100",
            "+", "-", "*", "/", "(", ")", "k", "kh", "kl", "dh", "dl", "p", "rr", "ro", "ra", "e", "!", "!!", "mi",
            "ma", ">", ">=", "<", "<=", "=", "f", "h", "l", " ", "[", "]", "fire", ",", "#", "adv", "dis", "`", "x");

    /** Up to 60 random tokens of dice notation (and some that are not), joined. */
    private static String notationSoup(Case c) {
        int size = c.between("tokens", 0, 60);
        StringBuilder soup = new StringBuilder();
        for (int i = 0; i < size; i++) {
            soup.append(c.oneOf(TOKENS));
        }
        return soup.toString();
    }

    // ---- distributions ----

    private static void assertMean(String expression, double exactMean, long seed, Case c) {
        DiceCommand command = DiceParser.parse(expression);
        DiceRoller roller = DiceRoller.seeded(seed);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < ROLLS; i++) {
            long total = roller.roll(command).rolls().get(0).total();
            sum += total;
            sumOfSquares += (double) total * total;
        }
        double mean = sum / ROLLS;
        double variance = Math.max(sumOfSquares / ROLLS - mean * mean, 1e-12);
        double tolerance = 6 * Math.sqrt(variance / ROLLS);
        assertThat(mean).as("mean of %s over %d rolls (%s)", expression, ROLLS, c.describe()).isCloseTo(exactMean,
                org.assertj.core.data.Offset.offset(tolerance));
    }

    /** The exact mean of the sum of the {@code keep} highest (or lowest) of {@code n} dice, by enumeration. */
    static double exactKeepMean(int n, int sides, int keep, boolean highest) {
        int[] faces = new int[n];
        Arrays.fill(faces, 1);
        double total = 0;
        long outcomes = 0;
        while (true) {
            int[] sorted = faces.clone();
            Arrays.sort(sorted);
            long sum = 0;
            for (int i = 0; i < keep; i++) {
                sum += highest ? sorted[n - 1 - i] : sorted[i];
            }
            total += sum;
            outcomes++;
            int i = 0;
            while (i < n && faces[i] == sides) {
                faces[i++] = 1;
            }
            if (i == n) {
                return total / outcomes;
            }
            faces[i]++;
        }
    }

    @Test
    void theExactMeanOf4d6kh3Is12Point24() {
        assertThat(exactKeepMean(4, 6, 3, true)).isCloseTo(12.2446, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void keepAndDropFollowTheirExactMeans() {
        forAll(0x5EED_0101L, DISTRIBUTION_TRIES, c -> {
            long seed = c.anyLong("seed");
            assertMean("4d6kh3", exactKeepMean(4, 6, 3, true), seed, c);
            assertMean("4d6k3", exactKeepMean(4, 6, 3, true), seed, c);
            assertMean("4d6dl1", exactKeepMean(4, 6, 3, true), seed, c);
            assertMean("4d6kl1", exactKeepMean(4, 6, 1, false), seed, c);
            assertMean("4d6dh1", exactKeepMean(4, 6, 3, false), seed, c);
            assertMean("adv", exactKeepMean(2, 20, 1, true), seed, c);
            assertMean("dis", exactKeepMean(2, 20, 1, false), seed, c);
            assertMean("4d6k>3", 4 * (4 + 5 + 6) / 6.0, seed, c);
        });
    }

    @Test
    void plainDiceFollowTheirExactMeans() {
        forAll(0x5EED_0102L, DISTRIBUTION_TRIES, c -> {
            long seed = c.anyLong("seed");
            assertMean("1d20", 10.5, seed, c);
            assertMean("d%", 50.5, seed, c);
            assertMean("4dF", 0, seed, c);
            assertMean("3d6+2*5-4/2", 10.5 + 10 - 2, seed, c);
        });
    }

    @Test
    void rerollsFollowTheirExactMeans() {
        forAll(0x5EED_0103L, DISTRIBUTION_TRIES, c -> {
            long seed = c.anyLong("seed");
            // rr1: each die is uniform on 2..6.
            assertMean("2d6rr1", 2 * 4.0, seed, c);
            // ro<3: a 1 or 2 (probability 1/3) becomes a fresh d6 (mean 3.5); else 3..6 stays (mean 4.5).
            assertMean("3d6ro<3", 3 * (2 / 6.0 * 3.5 + 4 / 6.0 * 4.5), seed, c);
            // ra6: one extra d6 when any of the four shows a 6.
            assertMean("4d6ra6", 4 * 3.5 + (1 - Math.pow(5 / 6.0, 4)) * 3.5, seed, c);
            // mi3: 1 and 2 become 3.
            assertMean("4d6mi3", 4 * (3 + 3 + 3 + 4 + 5 + 6) / 6.0, seed, c);
            assertMean("4d6ma4", 4 * (1 + 2 + 3 + 4 + 4 + 4) / 6.0, seed, c);
        });
    }

    @Test
    void explosionsFollowTheirExactMeans() {
        forAll(0x5EED_0104L, DISTRIBUTION_TRIES, c -> {
            long seed = c.anyLong("seed");
            // A d6 that explodes on 6: 3.5 per die rolled, 1 + 1/5 dice rolled on average.
            assertMean("1d6!", 3.5 * 6 / 5, seed, c);
            assertMean("1d6!!", 3.5 * 6 / 5, seed, c);
            // Exploding on 5 or 6: 1 / (1 - 1/3) dice rolled on average.
            assertMean("1d6e>4", 3.5 * 1.5, seed, c);
        });
    }

    @Test
    void successCountingFollowsItsExactMean() {
        forAll(0x5EED_0105L, DISTRIBUTION_TRIES, c -> {
            long seed = c.anyLong("seed");
            // Per d10: success 8-10 (0.3), failure on 1 (0.1).
            assertMean("10d10>=8f1", 10 * (0.3 - 0.1), seed, c);
            assertMean("6d6<3", 6 * (2 / 6.0), seed, c);
        });
    }
}
