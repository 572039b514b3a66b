package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify on a healthy directory that a running writer keeps changing (frequent checkpoints): it
 * must read a consistent set of files and raise no false alarm.
 */
class LiveVerifyTest {

    @TempDir
    Path dir;

    @Test
    void verifyOnALiveDirectoryWithFrequentCheckpointsReportsNoErrors() throws Exception {
        JsonStoreConfig config = Fixtures.config(dir);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        try (JsonCampaignStore store = JsonCampaignStore.open(config)) {
            Thread writer = new Thread(() -> {
                Random random = new Random(9);
                try {
                    for (int i = 0; !stop.get(); i++) {
                        GuildId guild = Fixtures.guild(random.nextInt(3));
                        List<RecordChange> changes = Fixtures.randomChanges(random, GuildState.empty(guild));
                        store.update(guild, state -> new Update<>(changes, null));
                        if (i % 5 == 4) {
                            store.checkpoint();
                        }
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "live-writer");
            writer.start();
            List<DataDirectory.Problem> errors = new ArrayList<>();
            try {
                DataDirectory data = DataDirectory.at(config);
                for (int round = 0; round < 25; round++) {
                    data.verify().problems().stream()
                            .filter(p -> p.severity() == DataDirectory.Severity.ERROR).forEach(errors::add);
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(writerFailure.get()).isNull();
            assertThat(store.sequence()).as("the writer made progress while verify ran").isGreaterThan(10);
            assertThat(errors).isEmpty();
        }
    }
}
