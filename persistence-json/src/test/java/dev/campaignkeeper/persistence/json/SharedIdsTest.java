package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import org.junit.jupiter.api.Test;

class SharedIdsTest {

    @Test
    void anIdReadTwiceIsOneObjectAndKindsStayApart() {
        SharedIds ids = new SharedIds();

        UserId user = ids.user("123456789012345678");
        ChannelId channel = ids.channel("123456789012345678");
        GuildId guild = ids.guild("123456789012345678");

        assertThat(ids.user(new String("123456789012345678"))).isSameAs(user);
        assertThat(ids.channel("123456789012345678")).isSameAs(channel);
        assertThat(ids.guild("123456789012345678")).isSameAs(guild);
        assertThat((Object) user).isNotEqualTo(channel);
    }
}
