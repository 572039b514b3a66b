package dev.campaignkeeper.core.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.PostLogContract;
import org.junit.jupiter.api.Test;

class InMemoryPostLogTest extends PostLogContract {

    @Override
    protected PostLog newLog(int retentionPerCampaign) {
        return new InMemoryPostLog(retentionPerCampaign);
    }

    @Test
    void aRetentionBelowOneIsRefused() {
        assertThatThrownBy(() -> new InMemoryPostLog(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
