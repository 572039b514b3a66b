package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import java.time.Instant;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.CampaignStoreContract;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.port.GuildTransaction;
import dev.campaignkeeper.core.port.StoreMetrics;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store keeps the store contract; reopening closes it and opens a new store on the same schema. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    private static TestDatabase database;
    private final List<CampaignStore> extra = new ArrayList<>();

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create(PostgresCampaignStoreTest.class);
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @Override
    protected CampaignStore newStore() {
        database.truncate();
        return PostgresCampaignStore.open(database.config());
    }

    @Override
    protected CampaignStore reopen(CampaignStore store) {
        store.close();
        return PostgresCampaignStore.open(database.config());
    }

    @Override
    protected boolean durable() {
        return true;
    }

    @AfterEach
    void closeExtraStores() {
        extra.forEach(CampaignStore::close);
    }

    private CampaignStore another() {
        CampaignStore store = PostgresCampaignStore.open(database.config().withMaximumPoolSize(2));
        extra.add(store);
        return store;
    }

    private static PlayerCharacter character(GuildId guild, String user, String channel, String name) {
        return new PlayerCharacter(guild, UserId.of(user), ChannelId.of(channel), name, Optional.of("https://a/" + name),
                "about " + name);
    }

    @Test
    void recordsComeBackInTheOrderTheJsonFilesWouldListThemWithSnowflakesExactlyAsGiven() {
        CampaignStore store = newStore();
        GuildId guild = GuildId.of("00000000000000000042");
        Campaign second = new Campaign(guild, ChannelId.of("18446744073709551615"), "Max", UserId.of("9"),
                RoleId.of("1"), RoleId.of("2"), Optional.of(WebhookId.of("77")),
                List.of(UserId.of("30"), UserId.of("10"), UserId.of("20")));
        Campaign first = new Campaign(guild, ChannelId.of("500"), "First", UserId.of("9"), RoleId.of("1"),
                RoleId.of("2"), Optional.empty(), List.of());
        store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(second),
                new RecordChange.PutCampaign(first),
                new RecordChange.PutCharacter(character(guild, "8", "500", "a")),
                new RecordChange.PutCharacter(character(guild, "3", "500", "b")),
                new RecordChange.PutCharacter(character(guild, "8", "18446744073709551615", "c")),
                new RecordChange.PutNpc(new Npc(guild, ChannelId.of("500"), NpcId.of("zz"), "Z", Optional.empty(),
                        UserId.of("9"))),
                new RecordChange.PutNpc(new Npc(guild, ChannelId.of("500"), NpcId.of("aa"), "A \uD83D\uDC09",
                        Optional.empty(), UserId.of("9")))));
        // moving user 8 to the end: remove both characters, then add one back
        store.update(guild, state -> Update.of(null,
                new RecordChange.RemoveCharacter(guild, UserId.of("8"), ChannelId.of("500")),
                new RecordChange.RemoveCharacter(guild, UserId.of("8"), ChannelId.of("18446744073709551615")),
                new RecordChange.PutCharacter(character(guild, "8", "500", "a2")),
                new RecordChange.PutCampaign(second.withName("Renamed"))));
        GuildState expected = store.guild(guild);

        CampaignStore again = reopen(store);
        extra.add(again);
        GuildState reopened = again.guild(guild);

        assertThat(reopened).isEqualTo(expected);
        assertThat(reopened.campaigns()).extracting(Campaign::name).containsExactly("Renamed", "First");
        assertThat(reopened.campaign(second.channel()).orElseThrow().players()).extracting(UserId::value)
                .containsExactly("30", "10", "20");
        assertThat(reopened.charactersByUser().keySet()).extracting(UserId::value).containsExactly("3", "8");
        assertThat(reopened.npcsByChannel().get(ChannelId.of("500")).keySet()).extracting(NpcId::value)
                .containsExactly("zz", "aa");
        assertThat(reopened.guild().value()).isEqualTo("00000000000000000042");
        assertThat(expected.charactersByUser()).isEqualTo(Map.copyOf(reopened.charactersByUser()));
    }

    @Test
    void twoStoresOnOneSchemaSeeEachOthersCommitsAndLoseNoUpdate() {
        CampaignStore one = newStore();
        extra.add(one);
        CampaignStore two = another();
        one.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "0"))));
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("0");

        for (int i = 0; i < 20; i++) {
            CampaignStore store = i % 2 == 0 ? one : two;
            store.update(GUILD, state -> {
                int count = Integer.parseInt(state.campaigns().iterator().next().name());
                return Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, Integer.toString(count + 1))));
            });
        }

        assertThat(one.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("20");
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("20");
    }

    @Test
    void copyIntoEmptyStoresEveryGuildAndPostInOneGoAndRefusesAStoreWithData() {
        CampaignStore source = newStore();
        GuildId guild = GuildId.of(5);
        source.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(campaign(guild, "c")),
                new RecordChange.PutCharacter(character(guild, "8", "3000", "a")),
                new RecordChange.PutNpc(new Npc(guild, ChannelId.of("3000"), NpcId.of("n"), "N", Optional.empty(),
                        UserId.of("9")))));
        GuildState state = source.guild(guild);
        source.close();
        database.truncate();
        PostRecord post = new PostRecord(guild, ChannelId.of("3000"), WebhookId.of(1), Optional.empty(),
                List.of(MessageId.of(70), MessageId.of(71)), UserId.of(8), Optional.empty(), "a",
                Instant.ofEpochSecond(1, 5), "hi");
        PostgresCampaignStore target = PostgresCampaignStore.open(database.config());
        extra.add(target);

        PostgresCampaignStore.Counts counts = target.copyIntoEmpty(List.of(state), List.of(post));

        assertThat(counts).isEqualTo(new PostgresCampaignStore.Counts(1, 1, 1, 1, 1));
        assertThat(target.guild(guild)).isEqualTo(state);
        assertThat(target.allPosts()).containsExactly(post);
        assertThat(target.postLog().find(guild, MessageId.of(71))).hasValue(post);
        assertThatThrownBy(() -> target.copyIntoEmpty(List.of(state), List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("already holds Campaign Keeper data");
        assertThat(target.counts()).isEqualTo(counts);
    }

    @Test
    void changingAndEmptyingACampaignsPlayersInOneTransactionIsStoredAsTheLastChangeSaid() {
        CampaignStore store = newStore();
        extra.add(store);
        Campaign start = campaign(GUILD, "c").withPlayer(UserId.of(1)).withPlayer(UserId.of(2));
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(start)));

        store.update(GUILD, state -> Update.of(null,
                new RecordChange.PutCampaign(start.withoutPlayer(UserId.of(1)).withPlayer(UserId.of(3))),
                new RecordChange.PutCampaign(start.withoutPlayer(UserId.of(1)).withoutPlayer(UserId.of(2)))));
        store.update(GUILD, state -> Update.of(null,
                new RecordChange.PutCampaign(state.campaigns().iterator().next().withPlayer(UserId.of(9)))));

        CampaignStore again = reopen(store);
        extra.add(again);
        assertThat(again.guild(GUILD).campaigns().iterator().next().players()).containsExactly(UserId.of(9));
    }
    @Test
    void anUpdateOnStateThisProcessCommittedRunsOnceAndIsStored() {
        CampaignStore store = newStore();
        extra.add(store);
        store.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "0"))));
        List<String> seen = new ArrayList<>();

        for (int i = 1; i <= 3; i++) {
            String name = Integer.toString(i);
            store.update(GUILD, state -> {
                seen.add(state.campaigns().iterator().next().name());
                return Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, name)));
            });
        }

        assertThat(seen).containsExactly("0", "1", "2");
        CampaignStore again = reopen(store);
        extra.add(again);
        assertThat(again.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("3");
    }

    @Test
    void aRefusalDecidedOnStaleStateIsDecidedAgainOnTheStoredState() {
        CampaignStore one = newStore();
        extra.add(one);
        CampaignStore two = another();
        one.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "0"))));
        two.update(GUILD, state -> Update.of(null, new RecordChange.PutCharacter(character(GUILD, "8", "3000", "x"))));

        // on one's cached state user 8 has no character; the stored state has one
        String name = one.update(GUILD, state -> {
            PlayerCharacter character = state.characters().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no character"));
            return Update.of(character.name(), new RecordChange.PutCharacter(character.withDescription("edited")));
        });

        assertThat(name).isEqualTo("x");
        assertThat(two.guild(GUILD).characters()).extracting(PlayerCharacter::description).containsExactly("edited");
        // and a refusal that holds on the stored state propagates
        two.update(GUILD, state -> Update.of(null, new RecordChange.RemoveCharacter(GUILD, UserId.of("8"),
                ChannelId.of(3000))));
        assertThatThrownBy(() -> one.update(GUILD, state -> {
            PlayerCharacter character = state.characters().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no character"));
            return Update.of(character.name(), new RecordChange.PutCharacter(character.withDescription("again")));
        })).isInstanceOf(IllegalStateException.class).hasMessage("no character");
        assertThat(one.guild(GUILD).characters()).isEmpty();
    }

    /** Counts what the store reports: how many updates each transaction committed. */
    private static final class RecordingMetrics implements StoreMetrics {
        final List<Integer> commits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void updated(Duration latency, boolean changed) {
        }

        @Override
        public void committed(int mutations) {
            commits.add(mutations);
        }
    }

    /**
     * Both leader slots of a fresh store are held by an update waiting on {@code release}; then
     * {@code queued} run from their own threads and queue behind them. Returns the queued ones' futures.
     */
    private List<Future<Object>> queueBehindTwoHeldBatches(PostgresCampaignStore store, CountDownLatch release,
                                                           List<GuildTransaction<Object>> queued,
                                                           ExecutorService threads) throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        List<Future<Object>> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            GuildId guild = GuildId.of(900 + i);
            held.add(threads.submit(() -> store.update(guild, state -> {
                holding.countDown();
                awaitQuietly(release);
                return Update.of(null, new RecordChange.PutCampaign(campaign(guild, "held")));
            })));
        }
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("both batches started").isTrue();
        List<Future<Object>> futures = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < queued.size(); i++) {
            GuildId guild = GuildId.of(100 + i);
            GuildTransaction<Object> transaction = queued.get(i);
            futures.add(threads.submit(() -> store.update(guild, transaction)));
            // one at a time, so the queue holds them in the order given
            while (store.queuedUpdates() < i + 1) {
                assertThat(System.nanoTime()).as("updates queued in time").isLessThan(deadline);
                Thread.sleep(1);
            }
        }
        release.countDown();
        for (Future<Object> future : held) {
            future.get(10, TimeUnit.SECONDS);
        }
        return futures;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static GuildTransaction<Object> naming(String name) {
        return state -> Update.of(name, new RecordChange.PutCampaign(campaign(state.guild(), name)));
    }

    @Test
    void updatesQueuedBehindRunningOnesAreCommittedTogetherInOneTransaction() throws Exception {
        database.truncate();
        RecordingMetrics metrics = new RecordingMetrics();
        PostgresCampaignStore store = PostgresCampaignStore.open(database.config(), metrics);
        extra.add(store);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            List<GuildTransaction<Object>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(naming("queued " + i));
            }

            List<Future<Object>> futures = queueBehindTwoHeldBatches(store, new CountDownLatch(1), queued, threads);

            for (int i = 0; i < 5; i++) {
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("queued " + i);
            }
            assertThat(metrics.commits).containsExactlyInAnyOrder(1, 1, 5);
            CampaignStore again = reopen(PostgresCampaignStore.open(database.config()));
            extra.add(again);
            for (int i = 0; i < 5; i++) {
                assertThat(again.guild(GuildId.of(100 + i)).campaigns()).extracting(Campaign::name)
                        .containsExactly("queued " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void characterEditsSharingABatchAreStoredExactlyEvenWithQuotesInTheirProxyTagsAndNoAvatar() throws Exception {
        database.truncate();
        RecordingMetrics metrics = new RecordingMetrics();
        PostgresCampaignStore store = PostgresCampaignStore.open(database.config(), metrics);
        extra.add(store);
        List<PlayerCharacter> edited = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            GuildId guild = GuildId.of(100 + i);
            PlayerCharacter before = character(guild, "7" + i, "8" + i, "Hero " + i);
            store.update(guild, state -> Update.of(null, new RecordChange.PutCharacter(before)));
            List<dev.campaignkeeper.core.model.ProxyTag> tags = i % 2 == 0
                    ? List.of(new dev.campaignkeeper.core.model.ProxyTag("\"q\\" + i + ":", ""),
                            new dev.campaignkeeper.core.model.ProxyTag("{", "},"))
                    : List.of();
            edited.add(new PlayerCharacter(guild, before.user(), before.channel(), "Hero \"" + i + "\"",
                    i == 3 ? Optional.empty() : Optional.of("https://a/new" + i), "line one\\nline \\ two " + i, tags,
                    i == 1));
        }
        metrics.commits.clear();
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            List<GuildTransaction<Object>> queued = new ArrayList<>();
            for (PlayerCharacter character : edited) {
                queued.add(state -> Update.of(character.name(), new RecordChange.PutCharacter(character)));
            }

            List<Future<Object>> futures = queueBehindTwoHeldBatches(store, new CountDownLatch(1), queued, threads);

            for (int i = 0; i < 5; i++) {
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(edited.get(i).name());
            }
            assertThat(metrics.commits).contains(5); // the five edits went as one batch
            CampaignStore again = reopen(PostgresCampaignStore.open(database.config()));
            extra.add(again);
            for (PlayerCharacter character : edited) {
                assertThat(again.guild(character.guild()).characters()).containsExactly(character);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aTransactionThatRefusesInASharedBatchFailsAloneAndTheOthersAreStored() throws Exception {
        PostgresCampaignStore store = (PostgresCampaignStore) newStore();
        extra.add(store);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            IllegalStateException refusal = new IllegalStateException("refused");
            List<Future<Object>> futures = queueBehindTwoHeldBatches(store, new CountDownLatch(1),
                    List.of(naming("first"), state -> {
                        throw refusal;
                    }, naming("third")), threads);

            assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS)).hasCause(refusal);
            assertThat(futures.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("third");
            assertThat(store.guild(GuildId.of(100)).campaigns()).extracting(Campaign::name).containsExactly("first");
            assertThat(store.guild(GuildId.of(101)).isEmpty()).isTrue();
            assertThat(store.guild(GuildId.of(102)).campaigns()).extracting(Campaign::name).containsExactly("third");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWriteTheDatabaseRefusesInASharedBatchFailsOnlyItsOwnUpdate() throws Exception {
        PostgresCampaignStore store = (PostgresCampaignStore) newStore();
        extra.add(store);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            // PostgreSQL's text refuses the NUL character: the shared transaction fails, and runs again alone
            List<Future<Object>> futures = queueBehindTwoHeldBatches(store, new CountDownLatch(1),
                    List.of(naming("first"), naming("bad \u0000 name"), naming("third")), threads);

            assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(StoreException.class).hasMessageContaining("updating guild 101");
            assertThat(futures.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("third");
            CampaignStore again = reopen(store);
            extra.add(again);
            assertThat(again.guild(GuildId.of(100)).campaigns()).extracting(Campaign::name).containsExactly("first");
            assertThat(again.guild(GuildId.of(101)).isEmpty()).isTrue();
            assertThat(again.guild(GuildId.of(102)).campaigns()).extracting(Campaign::name).containsExactly("third");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aChangeDecidedOnStateAnotherProcessChangedSinceIsDecidedAgainOnTheStoredState() {
        CampaignStore one = newStore();
        extra.add(one);
        CampaignStore two = another();
        one.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "a"))));
        two.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, "b"))));
        List<String> seen = new ArrayList<>();

        one.update(GUILD, state -> {
            String name = state.campaigns().iterator().next().name();
            seen.add(name);
            return Update.of(null, new RecordChange.PutCampaign(campaign(GUILD, name + "+")));
        });

        // first on the state one cached ("a"), refused by the ownership check (two took the guild
        // over), then on the stored one
        assertThat(seen).containsExactly("a", "b");
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("b+");
    }

    @Test
    void aBatchTheOwnershipCheckRefusedLeavesItsConnectionReadyForTheNextTransaction() {
        database.truncate();
        // two connections (the fewest that opening takes): what runs next runs on the one the refused
        // fast path used
        PostgresCampaignStore one = PostgresCampaignStore.open(database.config().withMaximumPoolSize(2));
        extra.add(one);
        CampaignStore two = another();
        one.update(GUILD, naming("a"));
        for (int round = 0; round < 5; round++) {
            two.update(GUILD, naming("b" + round));

            // the fast path is refused (two took the guild over), the locked path stores it
            one.update(GUILD, naming("c" + round));
            assertThat(one.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("c" + round);
            one.update(GUILD, naming("d" + round)); // the fast path again: one owns the guild again
            assertThat(one.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("d" + round);
        }
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("d4");
    }

    @Test
    void aSharedBatchOneOfWhoseGuildsAnotherProcessChangedIsDecidedAgainWhole() throws Exception {
        PostgresCampaignStore one = (PostgresCampaignStore) newStore();
        extra.add(one);
        CampaignStore two = another();
        GuildId first = GuildId.of(100);
        GuildId second = GuildId.of(101);
        one.update(first, naming("a"));
        one.update(second, naming("a"));
        two.update(second, naming("b"));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        GuildTransaction<Object> appending = state -> {
            String name = state.campaigns().iterator().next().name();
            seen.add(state.guild().value() + ":" + name);
            return Update.of(name, new RecordChange.PutCampaign(campaign(state.guild(), name + "+")));
        };
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            List<Future<Object>> futures = queueBehindTwoHeldBatches(one, new CountDownLatch(1),
                    List.of(appending, appending), threads);

            assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(futures.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("b");
        } finally {
            threads.shutdownNow();
        }
        // decided on one's cached states, refused whole by the ownership check, decided again
        assertThat(seen).containsExactly("100:a", "101:a", "100:a", "101:b");
        assertThat(two.guild(first).campaigns()).extracting(Campaign::name).containsExactly("a+");
        assertThat(two.guild(second).campaigns()).extracting(Campaign::name).containsExactly("b+");
    }

    @Test
    void metricsThatFailDoNotFailTheUpdateTheyReportOn() {
        database.truncate();
        StoreMetrics failing = new StoreMetrics() {
            @Override
            public void updated(Duration latency, boolean changed) {
                throw new IllegalStateException("metrics broken");
            }

            @Override
            public void committed(int mutations) {
                throw new IllegalStateException("metrics broken");
            }
        };
        PostgresCampaignStore store = PostgresCampaignStore.open(database.config(), failing);
        extra.add(store);

        Object result = store.update(GUILD, naming("stored"));

        assertThat(result).isEqualTo("stored");
        CampaignStore again = reopen(PostgresCampaignStore.open(database.config()));
        extra.add(again);
        assertThat(again.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("stored");
    }

    @Test
    void anUpdateAfterCloseFailsSayingTheStoreIsClosed() {
        CampaignStore store = newStore();
        store.close();

        assertThatThrownBy(() -> store.update(GUILD, naming("late")))
                .isInstanceOf(StoreException.class).hasMessageContaining("is closed");
    }

    /**
     * Runs an update of {@link #GUILD} on the store whose connection is ended while its transaction
     * decides, so that its commit fails without an answer; returns what the update threw.
     */
    private Throwable updateWhoseConnectionDies(PostgresCampaignStore store) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            Future<Object> update = threads.submit(() -> store.update(GUILD, state -> {
                inside.countDown();
                awaitQuietly(release);
                return Update.of("written", new RecordChange.PutCampaign(campaign(GUILD, "lost?")));
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            // the update's connection holds the guild's row lock in an open transaction (the only one
            // open: this class's tests run one at a time): end its backend
            database.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                    + " AND application_name = 'campaign-keeper'");
            release.countDown();
            try {
                update.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            }
            throw new AssertionError("the update whose connection died succeeded");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUpdateWhoseConnectionDiesBeforeItsCommitIsAnsweredSaysItMayOrMayNotBeStored() throws Exception {
        PostgresCampaignStore store = (PostgresCampaignStore) newStore();
        extra.add(store);

        assertThat(updateWhoseConnectionDies(store)).isInstanceOf(StoreException.class)
                .hasMessageContaining("did not confirm committing an update of guild " + GUILD)
                .hasMessageContaining("may or may not be stored");

        // here it was not stored, and the store reads the guild afresh rather than trust its cache
        assertThat(store.guild(GUILD).isEmpty()).isTrue();
        assertThat(store.update(GUILD, naming("after"))).isEqualTo("after");
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownMakesTheStoreTakeItsGuildsOverFromItsOldToken() throws Exception {
        PostgresCampaignStore store = (PostgresCampaignStore) newStore();
        extra.add(store);
        GuildId other = GuildId.of(77);
        store.update(other, naming("owned"));
        long before = store.token();
        assertThat(database.value("SELECT owner FROM guilds WHERE guild_id = '77'")).isEqualTo(Long.toString(before));

        assertThat(updateWhoseConnectionDies(store)).hasMessageContaining("may or may not");

        // a transaction of the old token might still commit: the next write waits for it under the
        // old token's lock and decides on what is stored then, not on the cache
        assertThat(store.token()).isNotEqualTo(before);
        database.sql("UPDATE campaigns SET name = 'written elsewhere' WHERE guild_id = '77'");
        String seen = store.update(other, state -> Update.of(state.campaigns().iterator().next().name(),
                new RecordChange.PutCampaign(campaign(other, "next"))));
        assertThat(seen).isEqualTo("written elsewhere");
        assertThat(database.value("SELECT owner FROM guilds WHERE guild_id = '77'"))
                .isEqualTo(Long.toString(store.token()));
    }

    @Test
    void updatesOfAGuildThisStoreOwnsDoNotWriteItsGuildsRow() {
        PostgresCampaignStore store = (PostgresCampaignStore) newStore();
        extra.add(store);
        store.update(GUILD, naming("a"));
        String row = database.value("SELECT xmin::text || '/' || epoch FROM guilds WHERE guild_id = '" + GUILD.value() + "'");

        store.update(GUILD, naming("b"));
        store.update(GUILD, naming("c"));

        assertThat(database.value("SELECT xmin::text || '/' || epoch FROM guilds WHERE guild_id = '" + GUILD.value() + "'"))
                .isEqualTo(row);
        assertThat(store.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("c");
        assertThat(database.value("SELECT name FROM campaigns WHERE guild_id = '" + GUILD.value() + "'")).isEqualTo("c");
    }

    @Test
    void aGuildAnotherStoreOwnsIsReadFromTheDatabaseEveryTime() {
        CampaignStore one = newStore();
        extra.add(one);
        CampaignStore two = another();
        one.update(GUILD, naming("a"));
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("a");

        // one owns the guild and commits without changing its epoch: two must not trust what it read
        one.update(GUILD, naming("b"));
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("b");

        two.update(GUILD, naming("c"));
        assertThat(one.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("c");
        one.update(GUILD, naming("d"));
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("d");
        assertThat(one.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("d");
    }

    @Test
    void aTakeoverWaitsForTheOwnersCommitsWithoutTheRowLockAndDecidesOnWhatTheyWrote() throws Exception {
        PostgresCampaignStore one = (PostgresCampaignStore) newStore();
        extra.add(one);
        CampaignStore two = another();
        one.update(GUILD, naming("a"));
        ExecutorService threads = Executors.newCachedThreadPool();
        try (Connection owners = database.connect(); Statement sql = owners.createStatement()) {
            // what one's commit without the row lock does: its own lock shared, then its writes
            owners.setAutoCommit(false);
            sql.execute("SELECT pg_advisory_xact_lock_shared(" + one.token() + ")");
            sql.execute("UPDATE campaigns SET name = 'a+' WHERE guild_id = '" + GUILD.value() + "'");

            Future<Object> takeover = threads.submit(() -> two.update(GUILD, state -> {
                String name = state.campaigns().iterator().next().name();
                return Update.of(name, new RecordChange.PutCampaign(campaign(GUILD, name + "!")));
            }));
            // a bigint advisory key shows in pg_locks as its high and low 32 bits, objsubid 1
            String waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    + " AND classid = " + (one.token() >>> 32) + " AND objid = " + (one.token() & 0xFFFFFFFFL)
                    + " AND objsubid = 1 AND mode = 'ExclusiveLock'";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!database.value(waiting).equals("1")) {
                assertThat(takeover.isDone()).as("the takeover waits for one's lock").isFalse();
                assertThat(System.nanoTime()).as("the takeover waits for one's lock in time").isLessThan(deadline);
                Thread.sleep(5);
            }
            owners.commit();

            assertThat(takeover.get(10, TimeUnit.SECONDS)).isEqualTo("a+");
        } finally {
            threads.shutdownNow();
        }
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("a+!");
        // one's cache says "a": its check fails, and it decides again on the stored state
        String seen = one.update(GUILD, state -> Update.of(state.campaigns().iterator().next().name(),
                new RecordChange.PutCampaign(campaign(GUILD, "back"))));
        assertThat(seen).isEqualTo("a+!");
        assertThat(two.guild(GUILD).campaigns()).extracting(Campaign::name).containsExactly("back");
    }

}
