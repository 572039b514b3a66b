package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.rules.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many users at once: no update is lost and no limit is exceeded. */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 5;

    private static Actor player(int i) {
        return Actor.member(UserId.of(500 + i));
    }

    /** Runs {@code task(i)} for i in [0, THREADS) all at once; returns each outcome (null or the exception). */
    private static List<Throwable> runAtOnce(IntFunction<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        task.apply(index);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteenPlayersJoiningAndCreatingCharactersAtOnceLoseNoUpdate() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture world = new Fixture();
            world.createCampaign();

            List<Throwable> outcomes = runAtOnce(i -> {
                world.campaigns().join(player(i), GUILD, CHANNEL);
                return world.characters().create(player(i), GUILD, CHANNEL, "Hero " + i,
                        Optional.empty(), Optional.empty());
            });

            assertThat(outcomes).containsOnlyNulls();
            Campaign campaign = world.campaign();
            List<UserId> everyone = IntStream.range(0, THREADS).mapToObj(i -> player(i).user()).toList();
            assertThat(campaign.players()).containsExactlyInAnyOrderElementsOf(everyone);
            assertThat(world.memoryStore.guild(GUILD).charactersIn(CHANNEL)).hasSize(THREADS);
            assertThat(world.platform.holders(GUILD, campaign.playerRole()))
                    .containsExactlyInAnyOrderElementsOf(everyone);
        }
    }

    @Test
    void playerLimitHoldsUnderConcurrentJoins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture world = new Fixture(new Limits(50, 5, 100));
            world.createCampaign();

            List<Throwable> outcomes = runAtOnce(i -> world.campaigns().join(player(i), GUILD, CHANNEL));

            assertThat(outcomes.stream().filter(e -> e == null)).hasSize(5);
            assertThat(outcomes.stream().filter(e -> e != null))
                    .hasSize(THREADS - 5)
                    .allMatch(e -> e instanceof LimitReachedException);
            assertThat(world.campaign().players()).hasSize(5);
            assertThat(world.platform.holders(GUILD, world.campaign().playerRole())).hasSize(5);
        }
    }

    @Test
    void campaignLimitHoldsAndLosersLeaveNoRolesBehind() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture world = new Fixture(new Limits(3, 25, 100));

            List<Throwable> outcomes = runAtOnce(i -> world.campaigns().create(player(i), GUILD,
                    ChannelId.of(7000 + i), "table-" + i, Optional.empty()));

            assertThat(outcomes.stream().filter(e -> e == null)).hasSize(3);
            assertThat(outcomes.stream().filter(e -> e != null)).allMatch(e -> e instanceof LimitReachedException);
            assertThat(world.memoryStore.guild(GUILD).campaigns()).hasSize(3);
            assertThat(world.platform.roles(GUILD)).hasSize(6);
            assertThat(world.platform.webhooks()).hasSize(3);
        }
    }

    @Test
    void concurrentCreatesInOneChannelLeaveOneCampaignAndNoStrayRoles() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture world = new Fixture();

            List<Throwable> outcomes = runAtOnce(i -> world.campaigns().create(player(i), GUILD, CHANNEL,
                    "table", Optional.empty()));

            assertThat(outcomes.stream().filter(e -> e == null)).hasSize(1);
            assertThat(outcomes.stream().filter(e -> e != null)).allMatch(e -> e instanceof ConflictException);
            Campaign winner = world.campaign();
            assertThat(world.platform.roles(GUILD)).containsOnlyKeys(winner.gmRole(), winner.playerRole());
            assertThat(world.platform.webhooks()).containsOnlyKeys(winner.webhook().orElseThrow());
        }
    }

    @Test
    void npcLimitAndUniqueNamesHoldUnderConcurrentCreates() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture world = new Fixture(new Limits(50, 25, 10));
            world.createCampaign();

            List<Throwable> distinct = runAtOnce(i -> world.npcs().create(GM, GUILD, CHANNEL, "Npc " + i,
                    Optional.empty()));
            assertThat(distinct.stream().filter(e -> e == null)).hasSize(10);
            assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).hasSize(10);

            Fixture other = new Fixture();
            other.createCampaign();
            List<Throwable> same = runAtOnce(i -> other.npcs().create(GM, GUILD, CHANNEL,
                    i % 2 == 0 ? "Twin" : "TWIN", Optional.empty()));
            assertThat(same.stream().filter(e -> e == null)).hasSize(1);
            assertThat(other.memoryStore.guild(GUILD).npcsIn(CHANNEL)).hasSize(1);
        }
    }
}
