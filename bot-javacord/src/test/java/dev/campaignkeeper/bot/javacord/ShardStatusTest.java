package dev.campaignkeeper.bot.javacord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardStatusTest {

    @Test
    void readyOnlyOnceShardsAreKnownAndAllConnected() {
        ShardStatus status = new ShardStatus();
        assertThat(status.notReady()).contains("not connected to Discord");

        status.set(0, true);
        status.set(1, true);
        assertThat(status.notReady()).isEmpty();

        status.set(1, false);
        status.set(3, false);
        assertThat(status.notReady()).contains("gateway shard(s) 1, 3 not connected to Discord");

        status.set(1, true);
        status.set(3, true);
        assertThat(status.notReady()).isEmpty();
        status.clear();
        assertThat(status.notReady()).contains("not connected to Discord");
    }
}
