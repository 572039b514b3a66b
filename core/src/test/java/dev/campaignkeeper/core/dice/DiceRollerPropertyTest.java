package dev.campaignkeeper.core.dice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.dice.Die.Mark;
import dev.campaignkeeper.core.error.InvalidDiceException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property-based checks of every operator: bounds on random dice counts, sides and operator
 * arguments, and distributions against exact means over 100,000 rolls. A mean must lie within six
 * standard errors of the exact one (computed from the sample's own spread), so a correct roller
 * fails a try with odds of about one in 500 million, while a biased one fails reliably.
 */
class DiceRollerPropertyTest {

    private static final int ROLLS = 100_000;

    private static Term.DiceSet set(DiceRoller roller, String expression) {
        return (Term.DiceSet) roller.roll(expression).rolls().get(0).term();
    }

    private static List<Die> counting(Term.DiceSet set) {
        return set.dice().stream().filter(Die::counts).toList();
    }

    // ---- bounds ----

    @Property
    void plainDiceStayWithinTheirFaces(@ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int n,
                                       @ForAll @IntRange(min = 1, max = 10_000) int sides) {
        Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides);
        assertThat(set.dice()).hasSize(n).allSatisfy(die -> assertThat(die.value()).isBetween(1L, (long) sides));
        assertThat(set.value()).isBetween((long) n, (long) n * sides);
    }

    @Property
    void keepHighestKeepsExactlyTheHighestDice(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n,
                                               @ForAll @IntRange(min = 1, max = 30) int k,
                                               @ForAll @IntRange(min = 1, max = 100) int sides) {
        k = Math.min(k, n);
        Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + "kh" + k);
        List<Die> kept = counting(set);
        assertThat(kept).hasSize(k);
        long lowestKept = kept.stream().mapToLong(Die::value).min().orElseThrow();
        assertThat(set.dice()).filteredOn(die -> !die.counts()).allSatisfy(die ->
                assertThat(die.value()).isLessThanOrEqualTo(lowestKept));
        assertThat(set.value()).isBetween((long) k, (long) k * sides);
    }

    @Property
    void keepLowestAndDropHighestOrLowestCountTheRightDice(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 30) int n,
                                                           @ForAll @IntRange(min = 1, max = 30) int k,
                                                           @ForAll @IntRange(min = 1, max = 100) int sides) {
        k = Math.min(k, n);
        DiceRoller roller = DiceRoller.seeded(seed);
        Term.DiceSet kl = set(roller, n + "d" + sides + "kl" + k);
        assertThat(counting(kl)).hasSize(k);
        long highestKept = counting(kl).stream().mapToLong(Die::value).max().orElseThrow();
        assertThat(kl.dice()).filteredOn(die -> !die.counts())
                .allSatisfy(die -> assertThat(die.value()).isGreaterThanOrEqualTo(highestKept));

        Term.DiceSet dh = set(roller, n + "d" + sides + "dh" + k);
        assertThat(counting(dh)).hasSize(n - k);
        Term.DiceSet dl = set(roller, n + "d" + sides + "dl" + k);
        assertThat(counting(dl)).hasSize(n - k);
        assertThat(dl.value()).isBetween((long) (n - k), (long) (n - k) * sides);
    }

    @Property
    void valueSelectorsKeepOrDropExactlyTheMatchingDice(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n,
                                                       @ForAll @IntRange(min = 2, max = 20) int sides,
                                                       @ForAll @IntRange(min = 0, max = 21) int x) {
        DiceRoller roller = DiceRoller.seeded(seed);
        Term.DiceSet keep = set(roller, n + "d" + sides + "k>" + x);
        assertThat(keep.dice()).allSatisfy(die -> assertThat(die.counts()).isEqualTo(die.value() > x));
        Term.DiceSet drop = set(roller, n + "d" + sides + "d<=" + x);
        assertThat(drop.dice()).allSatisfy(die -> assertThat(die.counts()).isEqualTo(die.value() > x));
    }

    @Property
    void rerollUntilLeavesNoMatchingDieUnlessTheCapStoppedIt(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 40) int n,
                                                           @ForAll @IntRange(min = 2, max = 12) int sides,
                                                           @ForAll @IntRange(min = 1, max = 11) int below) {
        below = Math.min(below, sides - 1); // rr<below+1 must leave at least one face
        DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "rr<" + (below + 1));
        Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
        assertThat(counting(set)).hasSize(n);
        if (!result.capReached()) {
            int limit = below;
            assertThat(counting(set)).allSatisfy(die -> assertThat(die.value()).isGreaterThan(limit));
        }
        assertThat(set.dice()).filteredOn(die -> die.is(Mark.REROLLED)).hasSize(result.extraDice());
    }

    @Property
    void rerollOnceRerollsEachMatchingDieAtMostOnce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                                    @ForAll @IntRange(min = 2, max = 20) int sides) {
        DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "ro1");
        Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
        assertThat(counting(set)).hasSize(n);
        assertThat(set.dice()).hasSizeLessThanOrEqualTo(2 * n);
        assertThat(set.dice()).filteredOn(die -> die.is(Mark.REROLLED))
                .allSatisfy(die -> assertThat(die.value()).isEqualTo(1));
        assertThat(set.value()).isBetween((long) n, (long) n * sides);
    }

    @Property
    void rerollAndAddAddsAtMostOneDie(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                      @ForAll @IntRange(min = 1, max = 20) int sides) {
        Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + "ra" + sides);
        boolean matched = set.dice().stream().anyMatch(die -> !die.is(Mark.ADDED) && die.value() == sides);
        assertThat(set.dice()).hasSize(matched ? n + 1 : n);
        assertThat(set.value()).isBetween((long) n, (long) (n + 1) * sides);
    }

    @Property
    void explodingDiceAddADieForEveryMaximumUntilTheCap(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                                        @ForAll @IntRange(min = 2, max = 6) int sides) {
        DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "!");
        Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
        assertThat(set.dice()).hasSize(n + result.extraDice());
        assertThat(result.extraDice()).isLessThanOrEqualTo(DiceLimits.MAX_EXTRA_DICE);
        long exploded = set.dice().stream().filter(die -> die.is(Mark.EXPLODED)).count();
        assertThat(exploded).isEqualTo(result.extraDice());
        if (!result.capReached()) {
            assertThat(set.dice()).allSatisfy(die -> assertThat(die.is(Mark.EXPLODED)).isEqualTo(die.value() == sides));
        }
        assertThat(set.value()).isBetween((long) n + result.extraDice(), (long) (n + result.extraDice()) * sides);
    }

    @Property
    void compoundingKeepsTheNumberOfDice(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                         @ForAll @IntRange(min = 2, max = 6) int sides) {
        DiceResult result = DiceRoller.seeded(seed).roll(n + "d" + sides + "!!");
        Term.DiceSet set = (Term.DiceSet) result.rolls().get(0).term();
        assertThat(set.dice()).hasSize(n);
        assertThat(set.dice()).allSatisfy(die -> {
            assertThat(die.value()).isEqualTo(die.rolls().stream().mapToLong(Long::longValue).sum());
            assertThat(die.rolls().subList(0, die.rolls().size() - 1)).allSatisfy(face -> assertThat(face).isEqualTo(sides));
        });
        assertThat(set.dice().stream().mapToInt(die -> die.rolls().size() - 1).sum()).isEqualTo(result.extraDice());
    }

    @Property
    void minimumAndMaximumBoundEveryDie(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                        @ForAll @IntRange(min = 1, max = 20) int sides,
                                        @ForAll @IntRange(min = 1, max = 20) int low,
                                        @ForAll @IntRange(min = 0, max = 19) int span) {
        int high = low + span;
        Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + "mi" + low + "ma" + high);
        assertThat(set.dice()).allSatisfy(die -> assertThat(die.value()).isBetween((long) low, (long) high));
    }

    @Property
    void successCountingIsBetweenMinusAndPlusTheDice(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                                     @ForAll @IntRange(min = 2, max = 20) int sides,
                                                     @ForAll @IntRange(min = 1, max = 20) int target) {
        Term.DiceSet set = set(DiceRoller.seeded(seed), n + "d" + sides + ">=" + target + "f1");
        assertThat(set.successes()).isEqualTo(set.dice().stream().filter(die -> die.value() >= target).count());
        assertThat(set.failures()).isEqualTo(set.dice().stream().filter(die -> die.value() == 1).count());
        assertThat(set.value()).isEqualTo(set.successes() - set.failures()).isBetween((long) -n, (long) n);
    }

    @Property
    void fudgePercentileAdvantageAndDisadvantageStayInRange(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 50) int n) {
        DiceRoller roller = DiceRoller.seeded(seed);
        assertThat(set(roller, n + "dF").value()).isBetween((long) -n, (long) n);
        assertThat(set(roller, "d%").value()).isBetween(1L, 100L);
        Term.DiceSet adv = set(roller, "adv");
        assertThat(adv.value()).isEqualTo(adv.dice().stream().mapToLong(Die::value).max().orElseThrow());
        Term.DiceSet dis = set(roller, "dis");
        assertThat(dis.value()).isEqualTo(dis.dice().stream().mapToLong(Die::value).min().orElseThrow());
    }

    @Property
    void arithmeticIsExactAndDivisionRoundsTowardZero(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int a,
                                                      @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int b) {
        DiceRoller roller = DiceRoller.seeded(0);
        String left = a < 0 ? "(" + a + ")" : String.valueOf(a);
        String right = b < 0 ? "(" + b + ")" : String.valueOf(b);
        assertThat(roller.roll(left + "+" + right).totals()).containsExactly((long) a + b);
        assertThat(roller.roll(left + "-" + right).totals()).containsExactly((long) a - b);
        assertThat(roller.roll(left + "*" + right).totals()).containsExactly((long) a * b);
        if (b != 0) {
            assertThat(roller.roll(left + "/" + right).totals()).containsExactly((long) (a / b));
        }
    }

    @Property(tries = 2000)
    void anyInputIsEitherRolledOrRefusedWithAPositionNeverAnotherException(@ForAll("notationSoup") String input) {
        try {
            DiceResult result = DiceRoller.seeded(input.hashCode()).roll(input);
            String text = DiceFormatter.format(result);
            assertThat(text.length()).isLessThanOrEqualTo(DiceFormatter.DISCORD_LIMIT);
            assertThat(DiceFormatterTest.boldNumbers(text)).isEqualTo(result.totals());
        } catch (InvalidDiceException e) {
            assertThat(e.position()).isBetween(1, input.length() + 1);
            assertThat(e.getMessage()).doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<String> notationSoup() {
        Arbitrary<String> tokens = Arbitraries.of("d", "d6", "2d20", "4d6", "d%", "dF", "1", "0", "3", "100", "+", "-",
                "*", "/", "(", ")", "k", "kh", "kl", "dh", "dl", "p", "rr", "ro", "ra", "e", "!", "!!", "mi", "ma",
                ">", ">=", "<", "<=", "=", "f", "h", "l", " ", "[", "]", "fire", ",", "#", "adv", "dis", "`", "x");
        return tokens.list().ofMaxSize(60).map(list -> String.join("", list));
    }

    // ---- distributions ----

    private static void assertMean(String expression, double exactMean, long seed) {
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
        assertThat(mean).as("mean of %s over %d rolls", expression, ROLLS).isCloseTo(exactMean,
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

    @Example
    void theExactMeanOf4d6kh3Is12Point24() {
        assertThat(exactKeepMean(4, 6, 3, true)).isCloseTo(12.2446, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Property(tries = 3)
    void keepAndDropFollowTheirExactMeans(@ForAll long seed) {
        assertMean("4d6kh3", exactKeepMean(4, 6, 3, true), seed);
        assertMean("4d6k3", exactKeepMean(4, 6, 3, true), seed);
        assertMean("4d6dl1", exactKeepMean(4, 6, 3, true), seed);
        assertMean("4d6kl1", exactKeepMean(4, 6, 1, false), seed);
        assertMean("4d6dh1", exactKeepMean(4, 6, 3, false), seed);
        assertMean("adv", exactKeepMean(2, 20, 1, true), seed);
        assertMean("dis", exactKeepMean(2, 20, 1, false), seed);
        assertMean("4d6k>3", 4 * (4 + 5 + 6) / 6.0, seed);
    }

    @Property(tries = 3)
    void plainDiceFollowTheirExactMeans(@ForAll long seed) {
        assertMean("1d20", 10.5, seed);
        assertMean("d%", 50.5, seed);
        assertMean("4dF", 0, seed);
        assertMean("3d6+2*5-4/2", 10.5 + 10 - 2, seed);
    }

    @Property(tries = 3)
    void rerollsFollowTheirExactMeans(@ForAll long seed) {
        // rr1: each die is uniform on 2..6.
        assertMean("2d6rr1", 2 * 4.0, seed);
        // ro<3: a 1 or 2 (probability 1/3) becomes a fresh d6 (mean 3.5); else 3..6 stays (mean 4.5).
        assertMean("3d6ro<3", 3 * (2 / 6.0 * 3.5 + 4 / 6.0 * 4.5), seed);
        // ra6: one extra d6 when any of the four shows a 6.
        assertMean("4d6ra6", 4 * 3.5 + (1 - Math.pow(5 / 6.0, 4)) * 3.5, seed);
        // mi3: 1 and 2 become 3.
        assertMean("4d6mi3", 4 * (3 + 3 + 3 + 4 + 5 + 6) / 6.0, seed);
        assertMean("4d6ma4", 4 * (1 + 2 + 3 + 4 + 4 + 4) / 6.0, seed);
    }

    @Property(tries = 3)
    void explosionsFollowTheirExactMeans(@ForAll long seed) {
        // A d6 that explodes on 6: 3.5 per die rolled, 1 + 1/5 dice rolled on average.
        assertMean("1d6!", 3.5 * 6 / 5, seed);
        assertMean("1d6!!", 3.5 * 6 / 5, seed);
        // Exploding on 5 or 6: 1 / (1 - 1/3) dice rolled on average.
        assertMean("1d6e>4", 3.5 * 1.5, seed);
    }

    @Property(tries = 3)
    void successCountingFollowsItsExactMean(@ForAll long seed) {
        // Per d10: success 8-10 (0.3), failure on 1 (0.1).
        assertMean("10d10>=8f1", 10 * (0.3 - 0.1), seed);
        assertMean("6d6<3", 6 * (2 / 6.0), seed);
    }
}
