package dev.campaignkeeper.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignSettings;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CampaignStore} keeps: atomic and durable transactions, per-guild
 * serialisation under many threads, immutable snapshots, {@link CampaignStore#guilds()}, and a
 * closed store refusing every call. Implementations' tests extend this class (it ships in core's
 * test jar) and say how to make an empty store and, if they are durable, how to reopen one.
 */
public abstract class CampaignStoreContract {

    /** A guild. */
    protected static final GuildId GUILD = GuildId.of(1000);
    /** Another guild. */
    protected static final GuildId OTHER_GUILD = GuildId.of(2000);
    private static final ChannelId CHANNEL = ChannelId.of(3000);
    private static final UserId GM = UserId.of(7);

    private final List<CampaignStore> opened = new ArrayList<>();

    /**
     * An empty store.
     *
     * @return the store
     */
    protected abstract CampaignStore newStore();

    /**
     * The same store after a restart: closes it and opens its data again. In-memory stores return
     * it as it is.
     *
     * @param store the store
     * @return the store as reopened
     */
    protected CampaignStore reopen(CampaignStore store) {
        return store;
    }

    /** Whether {@link #reopen} really restarts (durable stores). */
    protected boolean durable() {
        return false;
    }

    private CampaignStore open() {
        CampaignStore store = newStore();
        opened.add(store);
        return store;
    }

    private CampaignStore again(CampaignStore store) {
        CampaignStore reopened = reopen(store);
        opened.add(reopened);
        return reopened;
    }

    @AfterEach
    void closeEveryStore() {
        for (CampaignStore store : opened) {
            try {
                store.close();
            } catch (RuntimeException ignored) {
                // already closed by the test
            }
        }
    }

    /**
     * A campaign whose name holds a number, for counting updates.
     *
     * @param guild the guild
     * @param name the name
     * @return the campaign
     */
    protected static Campaign campaign(GuildId guild, String name) {
        return new Campaign(guild, CHANNEL, name, GM, RoleId.of(11), RoleId.of(12), Optional.empty(), List.of());
    }

    private static PlayerCharacter character(GuildId guild, long user, String name) {
        return new PlayerCharacter(guild, UserId.of(user), CHANNEL, name, Optional.empty(), "");
    }

    private static Npc npc(GuildId guild, String id) {
        return new Npc(guild, CHANNEL, NpcId.of(id), "An NPC " + id, Optional.empty(), GM);
    }

    @Test
    void aTransactionsChangesAreStoredTogetherAndItsResultReturned() {
        CampaignStore store = open();
        String result = store.update(GUILD, state -> Update.of("done",
                new RecordChange.PutCampaign(campaign(GUILD, "The Lost Mine")),
                new RecordChange.PutCharacter(character(GUILD, 21, "Frodo")),
                new RecordChange.PutNpc(npc(GUILD, "gandalf"))));

        assertThat(result).isEqualTo("done");
        GuildState state = store.guild(GUILD);
        assertThat(state.campaign(CHANNEL)).map(Campaign::name).hasValue("The Lost Mine");
        assertThat(state.character(CHANNEL, UserId.of(21))).map(PlayerCharacter::name).hasValue("Frodo");
        assertThat(state.npc(CHANNEL, NpcId.of("gandalf"))).isPresent();
    }

    @Test
    void aTransactionThatThrowsStoresNothing() {
        CampaignStore store = open();
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "before"))));
        GuildState before = store.guild(GUILD);

        assertThatThrownBy(() -> store.update(GUILD, state -> {
            throw new IllegalStateException("refused by the rules");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused by the rules");

        assertThat(store.guild(GUILD)).isEqualTo(before);
    }

    @Test
    void whatUpdateReturnedSurvivesAReopen() {
        CampaignStore store = open();
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "kept")),
                new RecordChange.PutNpc(npc(GUILD, "boss"))));
        store.update(OTHER_GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(OTHER_GUILD, "x"))));
        GuildState expected = store.guild(GUILD);

        CampaignStore reopened = again(store);

        assertThat(reopened.guild(GUILD)).isEqualTo(expected);
        assertThat(reopened.guilds()).containsExactlyInAnyOrder(GUILD, OTHER_GUILD);
    }

    @Test
    void proxyTagsAutoproxyAndCampaignSettingsSurviveEditsAndAReopenAndCanBeClearedAgain() {
        CampaignStore store = open();
        List<ProxyTag> tags = List.of(ProxyTag.prefix("F:"), new ProxyTag("[", "]"), ProxyTag.suffix(" -\u00e9\"\\"),
                new ProxyTag("\uD83D\uDC09", "\uD83D\uDC09".repeat(2)));
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "tagged")),
                new RecordChange.PutCharacter(character(GUILD, 21, "Frodo")),
                new RecordChange.PutNpc(npc(GUILD, "gandalf"))));
        // a second transaction edits the stored records in place
        store.update(GUILD, state -> Update.of(null,
                new RecordChange.PutCampaign(state.campaign(CHANNEL).orElseThrow()
                        .withSettings(new CampaignSettings(true, true))),
                new RecordChange.PutCharacter(state.character(CHANNEL, UserId.of(21)).orElseThrow()
                        .withProxyTags(tags).withAutoproxy(true)),
                new RecordChange.PutNpc(state.npc(CHANNEL, NpcId.of("gandalf")).orElseThrow()
                        .withProxyTags(List.of(new ProxyTag("G:", "")))),
                new RecordChange.PutCharacter(character(GUILD, 22, "Sam").withProxyTags(List.of(ProxyTag.suffix("!S"))))));
        GuildState expected = store.guild(GUILD);

        CampaignStore reopened = again(store);

        GuildState state = reopened.guild(GUILD);
        assertThat(state).isEqualTo(expected);
        assertThat(state.campaign(CHANNEL).orElseThrow().settings()).isEqualTo(new CampaignSettings(true, true));
        assertThat(state.character(CHANNEL, UserId.of(21)).orElseThrow().proxyTags()).containsExactlyElementsOf(tags);
        assertThat(state.character(CHANNEL, UserId.of(21)).orElseThrow().autoproxy()).isTrue();
        assertThat(state.character(CHANNEL, UserId.of(22)).orElseThrow().proxyTags())
                .containsExactly(ProxyTag.suffix("!S"));
        assertThat(state.npc(CHANNEL, NpcId.of("gandalf")).orElseThrow().proxyTags())
                .containsExactly(ProxyTag.prefix("G:"));

        reopened.update(GUILD, current -> Update.of(null,
                new RecordChange.PutCampaign(current.campaign(CHANNEL).orElseThrow()
                        .withSettings(CampaignSettings.DEFAULT.withPlayersMayLog(true))),
                new RecordChange.PutCharacter(current.character(CHANNEL, UserId.of(21)).orElseThrow()
                        .withProxyTags(List.of()).withAutoproxy(false)),
                new RecordChange.PutNpc(current.npc(CHANNEL, NpcId.of("gandalf")).orElseThrow()
                        .withProxyTags(List.of()))));
        GuildState cleared = again(reopened).guild(GUILD);
        assertThat(cleared.campaign(CHANNEL).orElseThrow().settings()).isEqualTo(new CampaignSettings(false, true));
        assertThat(cleared.character(CHANNEL, UserId.of(21))).hasValue(character(GUILD, 21, "Frodo"));
        assertThat(cleared.npc(CHANNEL, NpcId.of("gandalf"))).hasValue(npc(GUILD, "gandalf"));
    }

    @Test
    void transactionsOnOneGuildAreSerialisedUnderSixteenThreads() throws Exception {
        CampaignStore store = open();
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "0"))));
        int threads = 16;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        String npcId = "n" + Thread.currentThread().getId() + "-" + i;
                        store.update(GUILD, state -> {
                            int count = Integer.parseInt(state.campaign(CHANNEL).orElseThrow().name());
                            return Update.of(null, new RecordChange.PutCampaign(campaign(GUILD,
                                    Integer.toString(count + 1))));
                        });
                        store.update(OTHER_GUILD, state -> Update.of(null, new RecordChange.PutNpc(
                                npc(OTHER_GUILD, npcId))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.guild(GUILD).campaign(CHANNEL).orElseThrow().name())
                .as("no update lost").isEqualTo(Integer.toString(threads * each));
        if (durable()) {
            assertThat(again(store).guild(GUILD).campaign(CHANNEL).orElseThrow().name())
                    .isEqualTo(Integer.toString(threads * each));
        }
    }

    @Test
    void aSnapshotNeverChangesAfterItWasTaken() {
        CampaignStore store = open();
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "first"))));
        GuildState snapshot = store.guild(GUILD);

        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "second")),
                new RecordChange.PutCharacter(character(GUILD, 22, "Sam"))));

        assertThat(snapshot.campaign(CHANNEL)).map(Campaign::name).hasValue("first");
        assertThat(snapshot.character(CHANNEL, UserId.of(22))).isEmpty();
        assertThat(store.guild(GUILD).campaign(CHANNEL)).map(Campaign::name).hasValue("second");
    }

    @Test
    void guildsListsOnlyGuildsWithDataAndAnEmptiedGuildLeaves() {
        CampaignStore store = open();
        assertThat(store.guilds()).isEmpty();
        assertThat(store.guild(GUILD).isEmpty()).isTrue();

        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "a"))));
        store.update(OTHER_GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(OTHER_GUILD, "b"))));
        assertThat(store.guilds()).containsExactlyInAnyOrder(GUILD, OTHER_GUILD);

        store.update(GUILD, state -> Update.of(null, new RecordChange.RemoveCampaign(GUILD, CHANNEL)));
        assertThat(store.guilds()).containsExactly(OTHER_GUILD);
        if (durable()) {
            assertThat(again(store).guilds()).containsExactly(OTHER_GUILD);
        }
    }

    @Test
    void aTransactionWithoutChangesStoresNothingAndReturnsItsResult() {
        CampaignStore store = open();
        Integer campaigns = store.update(GUILD, state -> Update.<Integer>of(state.campaigns().size()));
        assertThat(campaigns).isZero();
        assertThat(store.guilds()).isEmpty();
    }

    @Test
    void aClosedStoreRefusesEveryCallReadsIncluded() {
        CampaignStore store = open();
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "a"))));
        store.close();

        assertThatThrownBy(() -> store.guild(GUILD)).isInstanceOf(StoreException.class);
        assertThatThrownBy(store::guilds).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.update(GUILD, state -> Update.of(null))).isInstanceOf(StoreException.class);
        store.close(); // closing twice is harmless
    }
}
