package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnowflakeIdsTest {

    private static final List<Function<String, Object>> PARSERS = List.of(
            GuildId::of, ChannelId::of, UserId::of, RoleId::of, WebhookId::of);

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "123456789012345678", "12345678901234567890", "007"})
    void everyIdTypeAcceptsOneToTwentyDigitsKeptVerbatim(String value) {
        for (Function<String, Object> parser : PARSERS) {
            assertThat(parser.apply(value)).hasToString(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456789012345678901", "-1", "12a", " 1", "1 ", "1.0", "\u0661\u0662", "+5"})
    void everyIdTypeRejectsWhatIsNoSnowflake(String value) {
        for (Function<String, Object> parser : PARSERS) {
            assertThatThrownBy(() -> parser.apply(value))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 20 decimal digits");
        }
    }

    @Test
    void everyIdTypeRejectsNull() {
        for (Function<String, Object> parser : PARSERS) {
            assertThatThrownBy(() -> parser.apply(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void numericIdsAreUnsignedDecimal() {
        assertThat(GuildId.of(42L).value()).isEqualTo("42");
        assertThat(UserId.of(-1L).value()).isEqualTo("18446744073709551615");
        assertThat(ChannelId.of(1L)).isEqualTo(ChannelId.of("1"));
    }

    @Test
    void leadingZerosMakeADifferentId() {
        assertThat(UserId.of("007")).isNotEqualTo(UserId.of("7"));
    }

    @Test
    void rejectionMessageAbbreviatesHugeValues() {
        assertThatThrownBy(() -> UserId.of("x".repeat(10_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }

    @Test
    void rejectionMessageQuotesUpTo40CharactersWholeAndShortensLongerOnes() {
        String forty = "a".repeat(40);
        String fortyOne = "b".repeat(41);

        assertThatThrownBy(() -> UserId.of(forty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + forty + "\"");
        assertThatThrownBy(() -> UserId.of(fortyOne))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + "b".repeat(40) + "...\"")
                .hasMessageNotContaining(fortyOne);
    }

    @Test
    void rejectionMessageShowsControlCharactersAsQuestionMarks() {
        assertThatThrownBy(() -> GuildId.of("12\n\u000734"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"12??34\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551615", "18446744073709551616", "99999999999999999999", "00",
        "01234567890123456789"})
    void digitsBeyondALongOrWithLeadingZerosKeepTheirExactText(String value) {
        for (Function<String, Object> parser : PARSERS) {
            Object id = parser.apply(value);
            assertThat(id).hasToString(value).isEqualTo(parser.apply(value))
                    .hasSameHashCodeAs(parser.apply(value));
        }
        assertThat(UserId.of(value).value()).isEqualTo(value);
        assertThat(MessageId.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "10", "4294967296", "9223372036854775807", "9223372036854775808",
        "9999999999999999999", "10000000000000000000", "18446744073709551614", "18446744073709551615"})
    void digitsParseToTheUnsignedNumberTheySpell(String value) {
        long expected = Long.parseUnsignedLong(value);
        assertThat(UserId.of(value)).isEqualTo(UserId.of(expected)).hasSameHashCodeAs(UserId.of(expected));
        assertThat(GuildId.of(value).value()).isEqualTo(value);
    }

    @Test
    void randomNumbersOfEveryLengthRoundTripThroughTheirDigits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261203L);
        for (int i = 0; i < 20_000; i++) {
            long bits = random.nextLong() >>> random.nextInt(64); // every digit count from 1 to 20
            String digits = Long.toUnsignedString(bits);
            assertThat(ChannelId.of(digits)).as(digits).isEqualTo(ChannelId.of(bits));
        }
    }

    @Test
    void idsOfTheSameDigitsAreEqualHoweverMade() {
        assertThat(UserId.of("18446744073709551615")).isEqualTo(UserId.of(-1L)).hasSameHashCodeAs(UserId.of(-1L));
        assertThat(UserId.of("18446744073709551616")).isNotEqualTo(UserId.of(0L));
        assertThat(GuildId.of("0")).isEqualTo(GuildId.of(0L)).isNotEqualTo(GuildId.of("00"));
    }
}
