package dev.campaignkeeper.core.dice;

import dev.campaignkeeper.core.error.ReasonCode;
import static dev.campaignkeeper.core.error.Reasons.code;
import static dev.campaignkeeper.core.dice.ScriptedRandom.faces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidDiceException;
import dev.campaignkeeper.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class InlineRollsTest {

    @Test
    void replacesEveryInlineRollByItsResult() {
        InlineRolls.Expanded expanded = InlineRolls.expand("I swing! [[1d20+5 [attack]]] Damage: [[2d6]].",
                faces(12, 3, 4), 2000);
        assertThat(expanded.text()).isEqualTo("I swing! `1d20+5 [attack]` → 1d20 (12) + 5 [attack] = **17** "
                + "Damage: `2d6` → 2d6 (3, 4) = **7**.");
        assertThat(expanded.rolls()).extracting(r -> r.totals().get(0)).containsExactly(17L, 7L);
    }

    @Test
    void aListInsideOneInlineRollIsJoinedOnOneLine() {
        assertThat(InlineRolls.expand("[[2#1d6]]", faces(2, 5), 2000).text())
                .isEqualTo("`1d6` → 1d6 (2) = **2**; `1d6` → 1d6 (5) = **5**");
    }

    @Test
    void textWithoutInlineRollsIsUnchanged() {
        for (String text : new String[] {"Hello.", "[[ never closed", "a [single] bracket", "[[1d6\n]]", "]] [["}) {
            InlineRolls.Expanded expanded = InlineRolls.expand(text, faces(), 2000);
            assertThat(expanded.text()).isEqualTo(text);
            assertThat(expanded.rolls()).isEmpty();
        }
    }

    @Test
    void anUnclosedOpenerDoesNotHideALaterRoll() {
        assertThat(InlineRolls.expand("[[ oops ] and [[1d4]]", faces(3), 2000).text())
                .isEqualTo("[[ oops ] and `1d4` → 1d4 (3) = **3**");
    }

    @Test
    void aBadInlineRollIsAOneLineErrorNamingIt() {
        assertThatThrownBy(() -> InlineRolls.expand("Hit [[1d0]]!", faces(), 2000))
                .isInstanceOf(InvalidDiceException.class)
                .hasMessage("The inline roll [[1d0]] cannot be rolled: a die needs at least 1 side (position 3).");
        assertThatThrownBy(() -> InlineRolls.expand("[[1/(1d1-1)]]", faces(1), 2000))
                .isInstanceOf(InvalidDiceException.class)
                .hasMessageStartingWith("The inline roll [[1/(1d1-1)]] cannot be rolled: division by zero");
    }

    @Test
    void tooLongResultsShrinkToTotalsThenAreRefused() {
        String text = "x".repeat(1950) + " [[1d20+5]] [[1d20+5]]";
        InlineRolls.Expanded expanded = InlineRolls.expand(text, faces(10, 11), 2000);
        assertThat(expanded.text()).endsWith(" `1d20+5` = **15** `1d20+5` = **16**");

        String tight = "x".repeat(1975) + " [[1d20+5]] [[1d20+5]]";
        assertThat(InlineRolls.expand(tight, faces(10, 11), 2000).text()).endsWith(" **15** **16**");

        String hopeless = "x".repeat(1995) + " [[50#1d6]]";
        assertThatThrownBy(() -> InlineRolls.expand(hopeless, DiceRoller.seeded(1), 2000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the most is 2000")
                .satisfies(code(ReasonCode.INLINE_ROLLS_TOO_LONG, "length", "2344", "max", "2000"));
    }

    @Test
    void limitsTheNumberOfInlineRollsAndTheirDice() {
        assertThatThrownBy(() -> InlineRolls.expand("[[1]]".repeat(21), faces(), 2000))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 20 inline rolls");
        assertThatThrownBy(() -> InlineRolls.expand("[[600d6]] [[600d6]]", DiceRoller.seeded(1), 2000))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1000 dice");
    }
}
