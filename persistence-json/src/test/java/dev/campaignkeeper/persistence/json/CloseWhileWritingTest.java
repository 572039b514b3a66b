package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * close() while 16 threads write: every update either succeeds (and is there after reopening) or
 * is refused because the store is closed; none is written to a closed journal and reported as an
 * I/O failure. (The race this guards, a change queued just before close and led after the journal
 * closed, is narrow: this test did not reproduce it on the code before the fix in 20 runs; it pins
 * the contract.)
 */
class CloseWhileWritingTest {

    @TempDir
    Path dir;

    @RepeatedTest(5)
    void updatesRacingCloseAreDurableOrRefusedAsClosed() throws Exception {
        JsonStoreConfig config = Fixtures.config(dir).withCheckpointOnClose(false);
        JsonCampaignStore store = JsonCampaignStore.open(config);
        Map<GuildId, List<List<RecordChange>>> acknowledged = new ConcurrentHashMap<>();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refusedAsClosed = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(16);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            GuildId guild = Fixtures.guild(t);
            Random random = new Random(t);
            Thread writer = new Thread(() -> {
                running.countDown();
                while (true) {
                    List<RecordChange> changes = Fixtures.randomChanges(random, GuildState.empty(guild));
                    try {
                        store.update(guild, state -> new Update<>(changes, null));
                        acknowledged.computeIfAbsent(guild, g -> new ArrayList<>()).add(changes);
                    } catch (StoreException e) {
                        if (e.getMessage().contains("is closed")) {
                            refusedAsClosed.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                        return;
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        running.await();
        Thread.sleep(5);
        store.close();
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(unexpected).as("no update may fail with anything but 'closed'").isEmpty();
        assertThat(refusedAsClosed.get()).isEqualTo(16);
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config)) {
            assertThat(reopened.recoveryReport().dataLost()).isFalse();
            acknowledged.forEach((guild, list) -> {
                GuildState expected = GuildState.empty(guild);
                for (List<RecordChange> changes : list) {
                    expected = expected.apply(changes);
                }
                assertThat(reopened.guild(guild)).as("guild %s after reopening", guild).isEqualTo(expected);
            });
        }
    }
}
