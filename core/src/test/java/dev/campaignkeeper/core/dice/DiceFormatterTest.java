package dev.campaignkeeper.core.dice;

import static dev.campaignkeeper.core.dice.ScriptedRandom.faces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiceFormatterTest {

    @Test
    void showsTheExpressionEveryDieAnnotationsAndTheTotalInBold() {
        String text = DiceFormatter.format(faces(12, 3, 4).roll("1d20+5 [attack] + 2d6 [fire]"));
        assertThat(text).isEqualTo("`1d20+5 [attack] + 2d6 [fire]` → 1d20 (12) + 5 [attack] + 2d6 (3, 4) [fire] = **24**");
    }

    @Test
    void dropsAndRerollsAreStruckThroughExplosionsMarked() {
        assertThat(DiceFormatter.format(faces(3, 6, 3, 1).roll("4d6kh3")))
                .isEqualTo("`4d6kh3` → 4d6kh3 (3, 6, 3, ~~1~~) = **12**");
        assertThat(DiceFormatter.format(faces(1, 5).roll("1d6ro1")))
                .isEqualTo("`1d6ro1` → 1d6ro1 (~~1~~, 5) = **5**");
        assertThat(DiceFormatter.format(faces(6, 6, 1).roll("1d6!")))
                .isEqualTo("`1d6!` → 1d6! (6!, 6!, 1) = **13**");
        assertThat(DiceFormatter.format(faces(6, 6, 1).roll("1d6!!")))
                .isEqualTo("`1d6!!` → 1d6!! (13!!) = **13**");
        assertThat(DiceFormatter.format(faces(1).roll("1d6mi3")))
                .isEqualTo("`1d6mi3` → 1d6mi3 (1→3) = **3**");
    }

    @Test
    void successesAndFailuresAreMarkedAndCounted() {
        assertThat(DiceFormatter.format(faces(8, 1, 10, 5).roll("4d10>=8f1")))
                .isEqualTo("`4d10>=8f1` → 4d10>=8f1 (8✓, 1✗, 10✓, 5; 2 successes, 1 failure) = **1**");
        assertThat(DiceFormatter.format(faces(9, 2).roll("2d10>8")))
                .isEqualTo("`2d10>8` → 2d10>8 (9✓, 2; 1 success) = **1**");
    }

    @Test
    void fudgeDiceShowAsPlusZeroMinus() {
        assertThat(DiceFormatter.format(ScriptedRandom.fudge(1, 0, -1, 1).roll("4dF+1")))
                .isEqualTo("`4dF+1` → 4dF (+, 0, -, +) + 1 = **2**");
    }

    @Test
    void listsAndCountsShowEveryTotalInBoldOnItsOwnLine() {
        String text = DiceFormatter.format(faces(4, 18, 2, 3).roll("2#1d20+5, 2d6"));
        assertThat(text).isEqualTo("""
                `1d20+5` → 1d20 (4) + 5 = **9**
                `1d20+5` → 1d20 (18) + 5 = **23**
                `2d6` → 2d6 (2, 3) = **5**""");
    }

    @Test
    void groupsNegationAndAnnotationsWithMarkdownEscaped() {
        assertThat(DiceFormatter.format(faces(2).roll("-(1d6 + 1) [*bold* _x_ ~~y~~]")))
                .isEqualTo("`-(1d6 + 1) [*bold* _x_ ~~y~~]` → -(1d6 (2) + 1) [\\*bold\\* \\_x\\_ \\~\\~y\\~\\~] = **-3**");
    }

    @Test
    void aCappedRollSaysWhereItStopped() {
        int[] sixes = new int[1 + DiceLimits.MAX_EXTRA_DICE];
        java.util.Arrays.fill(sixes, 6);
        assertThat(DiceFormatter.format(faces(sixes).roll("1d6!")))
                .endsWith("= **606**\n(explosions and rerolls stopped at the cap of 100 extra dice)");
    }

    @Test
    void aLongResultIsShortenedToTheLimitKeepingEveryTotal() {
        DiceRoller roller = DiceRoller.seeded(5);
        for (String expression : new String[] {"1000d10000", "10#100d10000!", "50#20d10000", "50#1d20", "50#-(999999999 * 999999999 * 9)",
                "2#500d6kh400", "1d6 [" + "annotation ".repeat(8) + "]" + ", 1d6".repeat(20)}) {
            DiceResult result = roller.roll(expression);
            for (int limit : new int[] {DiceFormatter.DISCORD_LIMIT, 1900, DiceFormatter.MIN_LIMIT}) {
                String text = DiceFormatter.format(result, limit);
                assertThat(text.length()).as(expression + " at " + limit).isLessThanOrEqualTo(limit);
                assertThat(boldNumbers(text)).as(expression + " at " + limit).isEqualTo(result.totals());
            }
        }
    }

    @Test
    void shorteningDropsDiceBeforeTotals() {
        String text = DiceFormatter.format(DiceRoller.seeded(1).roll("1000d6"));
        assertThat(text).startsWith("`1000d6` → 1000d6 (").contains(", … 990 more) = **");
        String none = DiceFormatter.format(DiceRoller.seeded(1).roll("25#40d10000"));
        assertThat(none).contains("40d10000 (…) = **");
    }

    @Test
    void neverWritesAnInlineRollMarker() {
        String text = DiceFormatter.format(DiceRoller.seeded(1).roll("(1d6 [a]) [b] + (2 [c]) [d], 1d4 [e]"));
        assertThat(text).doesNotContain("[[").doesNotContain("]]");
    }

    @Test
    void refusesALimitTooSmallToHoldTotals() {
        DiceResult result = DiceRoller.seeded(1).roll("1d6");
        assertThatThrownBy(() -> DiceFormatter.format(result, DiceFormatter.MIN_LIMIT - 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static java.util.List<Long> boldNumbers(String text) {
        Matcher m = Pattern.compile("\\*\\*(-?\\d+)\\*\\*").matcher(text);
        java.util.List<Long> numbers = new java.util.ArrayList<>();
        while (m.find()) {
            numbers.add(Long.parseLong(m.group(1)));
        }
        return numbers;
    }
}
