package dev.campaignkeeper.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryCampaignStoreTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final ChannelId CHANNEL = ChannelId.of(2);

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();

    private static Campaign campaign(String name) {
        return new Campaign(GUILD, CHANNEL, name, UserId.of(3), RoleId.of(4), RoleId.of(5), Optional.empty(),
                List.of());
    }

    @Test
    void storesChangesAndReturnsResult() {
        String result = store.update(GUILD, state -> Update.of("done", new RecordChange.PutCampaign(campaign("A"))));

        assertThat(result).isEqualTo("done");
        assertThat(store.guild(GUILD).campaign(CHANNEL)).map(Campaign::name).contains("A");
        assertThat(store.guilds()).containsExactly(GUILD);
    }

    @Test
    void unknownGuildReadsAsEmpty() {
        assertThat(store.guild(GuildId.of(42)).isEmpty()).isTrue();
        assertThat(store.guilds()).isEmpty();
    }

    @Test
    void transactionThatThrowsStoresNothing() {
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign("A"))));
        GuildState before = store.guild(GUILD);

        assertThatThrownBy(() -> store.update(GUILD, state -> {
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);

        assertThat(store.guild(GUILD)).isEqualTo(before);
    }

    @Test
    void multiRecordChangeIsAllOrNothing() {
        PlayerCharacter character = new PlayerCharacter(GUILD, UserId.of(9), CHANNEL, "Aria", Optional.empty(), "");
        Campaign foreign = new Campaign(GuildId.of(2), CHANNEL, "X", UserId.of(3), RoleId.of(4), RoleId.of(5),
                Optional.empty(), List.of());

        assertThatThrownBy(() -> store.update(GUILD, state -> Update.of(null,
                new RecordChange.PutCharacter(character), new RecordChange.PutCampaign(foreign))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void guildWhoseRecordsAreAllRemovedIsNoLongerListed() {
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign("A"))));
        store.update(GUILD, state -> Update.of(null, new RecordChange.RemoveCampaign(GUILD, CHANNEL)));

        assertThat(store.guilds()).isEmpty();
    }

    @Test
    void snapshotsDoNotChangeAfterLaterUpdates() {
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign("A"))));
        GuildState snapshot = store.guild(GUILD);

        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign("B"))));

        assertThat(snapshot.campaign(CHANNEL)).map(Campaign::name).contains("A");
    }

    @Test
    void closedStoreRefusesReadsAndWrites() {
        store.close();

        assertThatThrownBy(() -> store.guild(GUILD)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.update(GUILD, Update::none)).isInstanceOf(StoreException.class);
    }

    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign("A"))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long user = 100 + i;
                futures.add(pool.submit(() -> store.update(GUILD, state -> {
                    Campaign current = state.campaign(CHANNEL).orElseThrow();
                    return Update.of(null, new RecordChange.PutCampaign(current.withPlayer(UserId.of(user))));
                })));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.guild(GUILD).campaign(CHANNEL).orElseThrow().players()).hasSize(400);
    }

    @Test
    void closedStoreRefusesToListGuilds() {
        store.close();

        assertThatThrownBy(() -> store.guilds()).isInstanceOf(StoreException.class);
    }
}
