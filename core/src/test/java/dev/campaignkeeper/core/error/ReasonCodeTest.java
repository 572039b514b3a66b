package dev.campaignkeeper.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonCodeTest {

    @Test
    void everyDefaultMessageIsOnePlainSentenceOrMore() {
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(code.defaultMessage()).as(code.name())
                    .isNotBlank().endsWith(".").doesNotContain("/").doesNotContainIgnoringCase("discord");
        }
    }

    @Test
    void parametersAreThePlaceholdersInOrder() {
        assertThat(List.copyOf(ReasonCode.NPC_NAME_AMBIGUOUS.parameterNames())).containsExactly("name", "first", "second");
        assertThat(ReasonCode.NO_CAMPAIGN_HERE.parameterNames()).isEmpty();
    }

    @Test
    void theMessageOfACodedExceptionIsTheFilledDefault() {
        var failure = new ConflictException(ReasonCode.CHANNEL_HAS_CAMPAIGN, Map.of("name", "The Lost Mine"));

        assertThat(failure).hasMessage("This channel already has a campaign, \"The Lost Mine\". "
                + "Start a new campaign in another channel.");
        assertThat(failure.code()).contains(ReasonCode.CHANNEL_HAS_CAMPAIGN);
        assertThat(failure.parameters()).containsExactly(Map.entry("name", "The Lost Mine"));
    }

    @Test
    void anExceptionWithoutCodeHasNoParameters() {
        var failure = new NotFoundException("That post is gone.");

        assertThat(failure.code()).isEmpty();
        assertThat(failure.parameters()).isEmpty();
    }

    @Test
    void missingOrExtraParametersAreRefused() {
        assertThatThrownBy(() -> new LimitReachedException(ReasonCode.NPCS_PER_CAMPAIGN_REACHED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[count]");
        assertThatThrownBy(() -> new NotFoundException(ReasonCode.NO_CAMPAIGN_HERE, Map.of("name", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillingKeepsDollarsAndBackslashesOfValues() {
        assertThat(ReasonCode.fill("a {x} b", Map.of("x", "$1\\"))).isEqualTo("a $1\\ b");
        assertThatThrownBy(() -> ReasonCode.fill("a {x}", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
