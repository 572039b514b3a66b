package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 16 threads of read-modify-write transactions, over 50 guilds with background checkpoints, and on one guild. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void sixteenWritersLoseNoUpdateAndTheStateEqualsASerialJournalReplay() throws Exception {
        int threads = 16;
        int perThread = 400;
        JsonStoreConfig config = Fixtures.config(dir).withCheckpointOnClose(false)
                .withCheckpointTriggers(1500, 1L << 40, Duration.ofHours(1));
        Map<GuildId, GuildState> live = new HashMap<>();
        try (JsonCampaignStore store = JsonCampaignStore.open(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < perThread; i++) {
                        GuildId guild = Fixtures.guild(random.nextInt(50));
                        ChannelId channel = ChannelId.of(10 + random.nextInt(3));
                        UserId player = UserId.of(1_000_000L * (thread + 1) + i);
                        store.update(guild, state -> {
                            Campaign campaign = state.campaign(channel).orElseGet(() ->
                                    Fixtures.campaign(guild, Long.parseLong(channel.value()), "Shared", 7, List.of()));
                            return Update.of(null, new RecordChange.PutCampaign(campaign.withPlayer(player)));
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            assertThat(store.sequence()).isEqualTo((long) threads * perThread);
            store.guilds().forEach(g -> live.put(g, store.guild(g)));
        }
        long players = live.values().stream().flatMap(s -> s.campaigns().stream())
                .mapToLong(c -> c.players().size()).sum();
        assertThat(players).as("every transaction's player survived").isEqualTo((long) threads * perThread);

        DataDirectory.Contents replayed = DataDirectory.at(dir).read();
        assertThat(replayed.sequence()).isEqualTo((long) threads * perThread);
        assertThat(replayed.guilds()).isEqualTo(live);
        assertThat(replayed.report().dataLost()).isFalse();
    }

    @Test
    void writersOfOneGuildBuildOnEachOthersQueuedChangesAndEachSeesItsOwnWriteOnReturn() throws Exception {
        int threads = 16;
        int perThread = 150;
        GuildId guild = Fixtures.guild(1);
        ChannelId channel = ChannelId.of(10);
        Map<GuildId, GuildState> live = new HashMap<>();
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                    Fixtures.campaign(guild, 10, "Shared", 7, List.of()))));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        UserId player = UserId.of(1_000_000L * (thread + 1) + i);
                        store.update(guild, state -> {
                            Campaign campaign = state.campaign(channel).orElseThrow();
                            return Update.of(null, new RecordChange.PutCampaign(campaign.withPlayer(player)));
                        });
                        assertThat(store.guild(guild).campaign(channel).orElseThrow().players())
                                .as("a returned update is visible to its caller").contains(player);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            assertThat(store.sequence()).isEqualTo(1L + threads * perThread);
            live.put(guild, store.guild(guild));
        }
        assertThat(live.get(guild).campaign(channel).orElseThrow().players()).hasSize(threads * perThread);
        DataDirectory.Contents replayed = DataDirectory.at(dir).read();
        assertThat(replayed.guilds()).isEqualTo(live);
    }
}
