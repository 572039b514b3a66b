package dev.campaignkeeper.core.dice;

import static dev.campaignkeeper.core.dice.ScriptedRandom.faces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.campaignkeeper.core.dice.Die.Mark;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiceRollerTest {

    private static Term.DiceSet onlySet(DiceResult result) {
        Term term = result.rolls().get(0).term();
        assertThat(term).isInstanceOf(Term.DiceSet.class);
        return (Term.DiceSet) term;
    }

    private static List<Long> values(Term.DiceSet set) {
        return set.dice().stream().map(Die::value).toList();
    }

    private static List<Set<Mark>> marks(Term.DiceSet set) {
        return set.dice().stream().map(Die::marks).toList();
    }

    @Test
    void keepHighestDropsTheOthersAndEarlierDiceWinTies() {
        Term.DiceSet set = onlySet(faces(3, 6, 3, 1).roll("4d6kh3"));
        assertThat(set.value()).isEqualTo(12);
        assertThat(marks(set)).containsExactly(Set.of(), Set.of(), Set.of(), Set.of(Mark.DROPPED));

        Term.DiceSet ties = onlySet(faces(3, 3, 3).roll("3d6kh1"));
        assertThat(ties.dice()).extracting(Die::counts).containsExactly(true, false, false);
    }

    @Test
    void kIsKeepHighestAndDIsDropLowest() {
        assertThat(onlySet(faces(2, 5, 4).roll("3d6k2")).value()).isEqualTo(9);
        assertThat(onlySet(faces(2, 5, 4).roll("3d6d1")).value()).isEqualTo(9);
        assertThat(onlySet(faces(2, 5, 4).roll("3d6p1")).value()).isEqualTo(9);
        assertThat(onlySet(faces(2, 5, 4).roll("3d6kl1")).value()).isEqualTo(2);
        assertThat(onlySet(faces(2, 5, 4).roll("3d6dh1")).value()).isEqualTo(6);
    }

    @Test
    void keepAndDropTakeValueSelectors() {
        assertThat(onlySet(faces(1, 5, 4, 6).roll("4d6k>4")).value()).isEqualTo(11);
        assertThat(onlySet(faces(1, 5, 4, 6).roll("4d6d<5")).value()).isEqualTo(11);
        assertThat(onlySet(faces(1, 5, 1, 6).roll("4d6d=1")).value()).isEqualTo(11);
        assertThat(onlySet(faces(1, 5, 1, 6).roll("4d6k<=1")).value()).isEqualTo(2);
    }

    @Test
    void rerollUntilReplacesEveryMatchingDieUntilItNoLongerMatches() {
        Term.DiceSet set = onlySet(faces(1, 4, 1, 1, 3, 2).roll("3d6rr1"));
        assertThat(values(set)).containsExactly(1L, 1L, 3L, 4L, 1L, 2L);
        assertThat(set.dice()).extracting(Die::counts).containsExactly(false, false, true, true, false, true);
        assertThat(set.value()).isEqualTo(3 + 4 + 2);
    }

    @Test
    void rerollOnceKeepsTheNewFaceEvenIfItMatchesAgain() {
        Term.DiceSet set = onlySet(faces(1, 2, 5, 1).roll("3d6ro<2"));
        assertThat(values(set)).containsExactly(1L, 1L, 2L, 5L);
        assertThat(marks(set)).containsExactly(Set.of(Mark.REROLLED), Set.of(), Set.of(), Set.of());
        assertThat(set.value()).isEqualTo(1 + 2 + 5);

        Term.DiceSet lowest = onlySet(faces(2, 6, 3, 4).roll("3d6rol1"));
        assertThat(values(lowest)).containsExactly(2L, 4L, 6L, 3L);
        assertThat(lowest.value()).isEqualTo(13);
    }

    @Test
    void rerollAndAddAddsOneDieForTheFirstMatchOnly() {
        Term.DiceSet set = onlySet(faces(6, 2, 6, 3).roll("3d6ra6"));
        assertThat(values(set)).containsExactly(6L, 3L, 2L, 6L);
        assertThat(marks(set)).containsExactly(Set.of(), Set.of(Mark.ADDED), Set.of(), Set.of());
        assertThat(set.value()).isEqualTo(17);
    }

    @Test
    void explodingDiceAddADieForEveryMatchIncludingTheAddedOnes() {
        Term.DiceSet set = onlySet(faces(6, 2, 6, 1).roll("2d6!"));
        assertThat(values(set)).containsExactly(6L, 6L, 1L, 2L);
        assertThat(marks(set)).containsExactly(Set.of(Mark.EXPLODED), Set.of(Mark.EXPLODED, Mark.ADDED),
                Set.of(Mark.ADDED), Set.of());
        assertThat(set.value()).isEqualTo(15);

        assertThat(onlySet(faces(5, 6, 1, 3).roll("2d6e>4")).value()).isEqualTo(5 + 6 + 1 + 3);
    }

    @Test
    void compoundingAddsExplosionsIntoTheSameDie() {
        Term.DiceSet set = onlySet(faces(6, 3, 6, 2).roll("2d6!!"));
        assertThat(set.dice()).extracting(Die::value, Die::rolls)
                .containsExactly(tuple(14L, List.of(6L, 6L, 2L)), tuple(3L, List.of(3L)));
        assertThat(set.dice().get(0).is(Mark.COMPOUNDED)).isTrue();
        assertThat(set.value()).isEqualTo(17);
    }

    @Test
    void minimumAndMaximumChangeTheDieAndKeepTheFaceRolled() {
        Term.DiceSet set = onlySet(faces(1, 6, 4).roll("3d6mi2ma5"));
        assertThat(values(set)).containsExactly(2L, 5L, 4L);
        assertThat(set.dice().get(0).rolls()).containsExactly(1L);
        assertThat(set.dice().get(0).is(Mark.CHANGED)).isTrue();
        assertThat(set.value()).isEqualTo(11);
    }

    @Test
    void successCountingCountsMatchesMinusFailures() {
        Term.DiceSet set = onlySet(faces(8, 1, 10, 5, 1).roll("5d10>=8f1"));
        assertThat(set.countsSuccesses()).isTrue();
        assertThat(set.successes()).isEqualTo(2);
        assertThat(set.failures()).isEqualTo(2);
        assertThat(set.value()).isZero();
        assertThat(marks(set)).containsExactly(Set.of(Mark.SUCCESS), Set.of(Mark.FAILURE), Set.of(Mark.SUCCESS),
                Set.of(), Set.of(Mark.FAILURE));
        assertThat(onlySet(faces(8, 9, 3).roll("3d10>8")).value()).isEqualTo(1);
        assertThat(onlySet(faces(2, 3, 1).roll("3d10<3")).value()).isEqualTo(2);
    }

    @Test
    void operatorsApplyLeftToRight() {
        // 1 is rerolled to 6, which explodes into 2; then the highest two of (6, 2, 3) count.
        Term.DiceSet set = onlySet(faces(1, 3, 6, 2).roll("2d6ro1!kh2"));
        assertThat(values(set)).containsExactly(1L, 6L, 2L, 3L);
        assertThat(set.value()).isEqualTo(9);
    }

    @Test
    void percentileFudgeAdvantageAndDisadvantage() {
        assertThat(onlySet(faces(100).roll("d%")).value()).isEqualTo(100);
        assertThat(onlySet(ScriptedRandom.fudge(1, -1, 0, 1).roll("4dF")).value()).isEqualTo(1);
        assertThat(onlySet(faces(4, 17).roll("adv")).value()).isEqualTo(17);
        assertThat(onlySet(faces(4, 17).roll("dis")).value()).isEqualTo(4);
        assertThat(onlySet(faces(4, 17).roll("adv")).notation()).isEqualTo("adv");
    }

    @Test
    void arithmeticFollowsPrecedenceAndDivisionRoundsTowardZero() {
        DiceRoller roller = DiceRoller.seeded(1);
        assertThat(roller.roll("2+3*4").rolls().get(0).total()).isEqualTo(14);
        assertThat(roller.roll("(2+3)*4").rolls().get(0).total()).isEqualTo(20);
        assertThat(roller.roll("7/2").rolls().get(0).total()).isEqualTo(3);
        assertThat(roller.roll("-7/2").rolls().get(0).total()).isEqualTo(-3);
        assertThat(roller.roll("7/-2").rolls().get(0).total()).isEqualTo(-3);
        assertThat(roller.roll("10-2-3").rolls().get(0).total()).isEqualTo(5);
        assertThat(roller.roll("--2").rolls().get(0).total()).isEqualTo(2);
    }

    @Test
    void annotationsStayWithTheirPart() {
        Term term = faces(12, 3, 4).roll("1d20+5 [attack] + 2d6 [fire]").rolls().get(0).term();
        Term.Operation sum = (Term.Operation) term;
        assertThat(((Term.DiceSet) sum.right()).annotation()).contains("fire");
        Term.Operation inner = (Term.Operation) sum.left();
        assertThat(((Term.Constant) inner.right()).annotation()).contains("attack");
        assertThat(((Term.DiceSet) inner.left()).annotation()).isEqualTo(Optional.empty());
        assertThat(term.value()).isEqualTo(24);
    }

    @Test
    void explosionsStopAtTheCapOfExtraDiceAndSaySo() {
        int[] sixes = new int[1 + DiceLimits.MAX_EXTRA_DICE];
        java.util.Arrays.fill(sixes, 6);
        DiceResult result = faces(sixes).roll("1d6!");
        assertThat(result.capReached()).isTrue();
        assertThat(result.extraDice()).isEqualTo(DiceLimits.MAX_EXTRA_DICE);
        assertThat(onlySet(result).dice()).hasSize(1 + DiceLimits.MAX_EXTRA_DICE);
        assertThat(result.totals()).containsExactly(6L * (1 + DiceLimits.MAX_EXTRA_DICE));
    }

    @Test
    void theCapIsSharedByTheWholeCommand() {
        int[] faces = new int[2 + DiceLimits.MAX_EXTRA_DICE];
        java.util.Arrays.fill(faces, 1);
        DiceResult result = faces(faces).roll("1d2rr1, 1d2rr1");
        assertThat(result.capReached()).isTrue();
        assertThat(result.extraDice()).isEqualTo(DiceLimits.MAX_EXTRA_DICE);
    }

    @Test
    void theSameSeedRollsTheSame() {
        String expression = "4d6kh3, 2#1d20+5, 10d10>=8f1, 3d6!!, 4dF";
        assertThat(DiceRoller.seeded(99).roll(expression)).isEqualTo(DiceRoller.seeded(99).roll(expression));
        assertThat(DiceRoller.seeded(99).roll(expression)).isNotEqualTo(DiceRoller.seeded(100).roll(expression));
    }

    @Test
    void theSecureRollerRollsWithinBounds() {
        DiceRoller roller = DiceRoller.secure();
        for (int i = 0; i < 200; i++) {
            assertThat(roller.roll("1d20").totals().get(0)).isBetween(1L, 20L);
        }
    }
}
