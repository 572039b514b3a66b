package dev.campaignkeeper.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void defaultsAreFiftyCampaignsTwentyFivePlayersAndAHundredNpcs() {
        assertThat(Limits.defaults()).isEqualTo(new Limits(50, 25, 100));
    }

    @Test
    void rejectsLimitsBelowOne() {
        assertThatThrownBy(() -> new Limits(0, 25, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(50, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(50, 25, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsLimitsOfExactlyOne() {
        Limits smallest = new Limits(1, 1, 1);

        assertThat(smallest.campaignsPerGuild()).isEqualTo(1);
        assertThat(smallest.playersPerCampaign()).isEqualTo(1);
        assertThat(smallest.npcsPerCampaign()).isEqualTo(1);
    }
}
