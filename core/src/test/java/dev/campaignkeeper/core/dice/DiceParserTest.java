package dev.campaignkeeper.core.dice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.campaignkeeper.core.error.InvalidDiceException;
import dev.campaignkeeper.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiceParserTest {

    private static InvalidDiceException refusal(String expression) {
        InvalidDiceException e = catchThrowableOfType(InvalidDiceException.class,
                () -> DiceRoller.seeded(1).roll(expression));
        assertThat(e).as("expected %s to be refused", expression).isNotNull();
        assertThat(e).isInstanceOf(InvalidInputException.class);
        assertThat(e.getMessage()).as("one line").doesNotContain("\n");
        assertThat(e.getMessage()).endsWith("(position " + e.position() + ").");
        return e;
    }

    // ---- one test per class of bad input ----

    @Test
    void aDieWithoutSidesIsRefusedAtTheSides() {
        InvalidDiceException e = refusal("1d0");
        assertThat(e.position()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("Cannot roll `1d0`: a die needs at least 1 side (position 3).");
    }

    @Test
    void zeroDiceAreRefusedAtTheCount() {
        InvalidDiceException e = refusal("2 + 0d6");
        assertThat(e.position()).isEqualTo(5);
        assertThat(e.reason()).contains("at least 1 die");
    }

    @Test
    void aLoneDIsRefusedWhereTheSidesShouldBe() {
        InvalidDiceException e = refusal("d");
        assertThat(e.position()).isEqualTo(2);
        assertThat(e.reason()).contains("number of sides");
    }

    @Test
    void keepingMoreDiceThanRolledIsRefused() {
        InvalidDiceException e = refusal("2d6kh3");
        assertThat(e.position()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("kh3 selects 3 dice, but only 2 are rolled");
        assertThat(refusal("3d6dl4").position()).isEqualTo(4);
        assertThat(refusal("1d20ro h2").position()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({"1d1!, 4", "1d1!!, 4", "1d6e<7, 4", "1d6rr>0, 4", "4dF!<2, 4", "2d1e1, 4"})
    void explosionsAndRerollsThatMatchEveryFaceAreRefusedInsteadOfLoopingForever(String expression,
                                                                                int position) {
        InvalidDiceException e = refusal(expression);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.reason()).contains("forever");
    }

    @Test
    void unbalancedParenthesesAreRefusedAtTheUnmatchedOne() {
        assertThat(refusal("(1d6 + (2)").position()).isEqualTo(1);
        assertThat(refusal("1d6 + 2)").position()).isEqualTo(8);
        assertThat(refusal("1d6 + 2)").reason()).contains("no ( to close");
        assertThat(refusal("()").position()).isEqualTo(2);
    }

    @Test
    void divisionByZeroIsRefusedAtTheDivision() {
        InvalidDiceException e = refusal("10 / (1d1 - 1)");
        assertThat(e.position()).isEqualTo(4);
        assertThat(e.reason()).contains("division by zero");
    }

    @Test
    void integerOverflowIsRefusedAtTheOperatorThatOverflows() {
        assertThat(refusal("3037000500 * 3037000500").position()).isEqualTo(12);
        assertThat(refusal("9223372036854775807 + 1").position()).isEqualTo(21);
        assertThat(refusal("-9223372036854775807 - 2").position()).isEqualTo(22);
        assertThat(refusal("99999999999999999999").reason()).contains("too large");
    }

    @Test
    void anExpressionLongerThan200CharactersIsRefused() {
        String ok = "1+".repeat(99) + "10"; // 200 characters
        assertThat(ok).hasSize(200);
        assertThat(DiceRoller.seeded(1).roll(ok).rolls().get(0).total()).isEqualTo(109);
        InvalidDiceException e = refusal(ok + "0");
        assertThat(e.position()).isEqualTo(201);
        assertThat(e.reason()).contains("at most 200 characters");
    }

    @Test
    void tooManyDiceOrSidesAreRefused() {
        assertThat(DiceParser.parse("1000d6").dice()).isEqualTo(1000);
        assertThat(refusal("1001d6").reason()).contains("1,000 dice");
        assertThat(refusal("600d6 + 401d6").position()).isEqualTo(1);
        assertThat(refusal("2#500d6 + 1d6").reason()).contains("1,000 dice").contains("1,002");
        assertThat(refusal("adv, 999d6").reason()).contains("1,001");
        assertThat(DiceParser.parse("1d10000").dice()).isEqualTo(1);
        InvalidDiceException sides = refusal("1d10001");
        assertThat(sides.position()).isEqualTo(3);
        assertThat(sides.reason()).contains("10,000 sides");
    }

    @Test
    void tooManyResultsAreRefused() {
        assertThat(DiceParser.parse("50#1d6").results()).isEqualTo(50);
        assertThat(refusal("51#1d6").reason()).contains("1 to 50");
        assertThat(refusal("25#1d6, 26#1d6").reason()).contains("at most 50 results");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|1|nothing to roll",
            "'   '|4|nothing to roll",
            "1d6 kh1|5|unexpected \"k\"",
            "1d6x|4|unexpected \"x\"",
            "1d6 +|6|expression ends here",
            "1d6f1|4|needs a success target",
            "1d6>3kh1|6|only f (failures)",
            "1d6>=|6|expected a number after >=",
            "1d6rrh1|6|not h or l",
            "1d6e|5|like e6",
            "1d6mq|4|mi (minimum) or ma (maximum)",
            "1d6rx|4|rr (reroll)",
            "1d6 [fire|5|never closed",
            "1d6 []|5|empty",
            "1d6 [a`b]|7|may not contain `",
            "1d6 [a[b]|7|may not contain [",
            "2d6k0|4|at least 1 die",
            "1d6,|5|expression ends here",
            "1d6 2|5|unexpected \"2\"",
            "dice|2|number of sides",
            "0#1d6|1|1 to 50"})
    void everyOtherMistakeIsAOneLineErrorNamingThePosition(String expression, int position, String reason) {
        InvalidDiceException e = refusal(expression);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void theMessageEchoesALongExpressionShortenedAndWithoutBackticks() {
        InvalidDiceException e = refusal("1d6 + `" + "1".repeat(80));
        assertThat(e.getMessage()).startsWith("Cannot roll `1d6 + '111").contains("…`: unexpected \"`\"");
    }

    // ---- what parses ----

    @ParameterizedTest
    @ValueSource(strings = {"1d20+5 [attack] + 2d6 [fire]", "d20", "D20", "4d6kh3", "4d6k3", "4d6kl1", "4d6dh1",
            "4d6dl1", "4d6d1", "4d6p1", "4d6ph1", "4d6k>3", "4d6d<2", "4d6d=1", "4d6ro<2", "4d6ro1", "4d6roh1",
            "4d6rr1", "4d6rr<3", "4d6ra6", "4d6ral1", "4d6e6", "4d6e>5", "4d6!", "4d6!>4", "4d6!!", "4d6!!5",
            "4d6mi2", "4d6ma5", "10d10>=8", "10d10>8", "10d10<3", "10d10<=3", "10d10=10", "10d10>=8f1",
            "10d10>=8f<3", "d%", "4dF", "4df", "adv", "dis", "ADV + 5", "2#1d20+5", "3 # 1d20", "1d20+5, 2d6",
            "(1d6+2)*3", "-1d6", "+3", "--2", "7/2", "(1d6 + 1) [fire] * 2", "4d6kh3ro1!mi2ma5",
            "5 [strength] + 1d20 [roll]", "  1d20  +  5  "})
    void theNotationOfTheIssueParses(String expression) {
        DiceResult result = DiceRoller.seeded(7).roll(expression);
        assertThat(result.rolls()).isNotEmpty();
    }

    @Test
    void aCountAndAListGiveOneResultEachWithTheirOwnLabel() {
        DiceCommand command = DiceParser.parse("2#1d20+5, 2d6 [fire]");
        assertThat(command.results()).isEqualTo(3);
        assertThat(command.dice()).isEqualTo(4);
        DiceResult result = DiceRoller.seeded(3).roll(command);
        assertThat(result.rolls()).extracting(RollResult::expression)
                .containsExactly("1d20+5", "1d20+5", "2d6 [fire]");
    }

    @Test
    void aParsedCommandCanBeRolledAgainAndAgain() {
        DiceCommand command = DiceParser.parse("1d6");
        DiceRoller roller = ScriptedRandom.faces(2, 5);
        assertThat(roller.roll(command).rolls().get(0).total()).isEqualTo(2);
        assertThat(roller.roll(command).rolls().get(0).total()).isEqualTo(5);
    }

    @Test
    void nullIsAProgrammingErrorNotBadInput() {
        assertThatThrownBy(() -> DiceParser.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
