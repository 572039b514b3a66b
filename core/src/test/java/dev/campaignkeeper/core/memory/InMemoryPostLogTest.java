package dev.campaignkeeper.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.PostLogContract;
import java.util.List;
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
    @Test
    void aRetentionOfOneKeepsTheNewestPostOnly() {
        InMemoryPostLog log = new InMemoryPostLog(1);
        PostRecord first = post(GUILD, CAMPAIGN, ALICE, 1, "first");
        PostRecord second = post(GUILD, CAMPAIGN, ALICE, 1, "second");
        log.append(first);
        log.append(second);

        assertThat(log.all()).containsExactly(second);
        assertThat(log.size()).isEqualTo(1);
    }

    @Test
    void allListsEachCampaignsPostsOldestFirstAndSizeCountsThemAll() {
        InMemoryPostLog log = new InMemoryPostLog(10);
        PostRecord a1 = post(GUILD, CAMPAIGN, ALICE, 2, "a1");
        PostRecord b1 = post(GUILD, OTHER_CAMPAIGN, BOB, 1, "b1");
        PostRecord a2 = post(GUILD, CAMPAIGN, BOB, 1, "a2");
        PostRecord c1 = post(OTHER_GUILD, CAMPAIGN, ALICE, 3, "c1");
        List.of(a1, b1, a2, c1).forEach(log::append);

        assertThat(log.all()).containsExactlyInAnyOrder(a1, a2, b1, c1);
        assertThat(log.all().indexOf(a1)).as("a campaign's oldest first").isLessThan(log.all().indexOf(a2));
        assertThat(log.size()).isEqualTo(4);
        log.remove(GUILD, a1.id());
        assertThat(log.all()).containsExactlyInAnyOrder(a2, b1, c1);
        assertThat(log.size()).isEqualTo(3);
        assertThat(new InMemoryPostLog(5).size()).isZero();
    }
}
