package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated power loss at every I/O step of a workload covering journal appends (with journal
 * growth past its preallocation), checkpoints, backups and pruning: every recovery must hold every
 * acknowledged mutation, and exactly a state the mutations produced.
 */
class PowerLossTest {

    @TempDir
    Path dir;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withRetention(new RetentionPolicy(1, 0, 0, 0))
                .withJournalPreallocateBytes(512).withCheckpointOnClose(false);
    }

    private static List<List<RecordChange>> mutations(int count) {
        Random random = new Random(7);
        List<List<RecordChange>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GuildId guild = Fixtures.guild(random.nextInt(3));
            all.add(Fixtures.randomChanges(random, GuildState.empty(guild)));
        }
        return all;
    }

    static Map<GuildId, GuildState> model(List<List<RecordChange>> mutations, long count) {
        Map<GuildId, GuildState> model = new HashMap<>();
        for (int i = 0; i < count; i++) {
            GuildId guild = mutations.get(i).get(0).guild();
            GuildState next = model.getOrDefault(guild, GuildState.empty(guild)).apply(mutations.get(i));
            if (next.isEmpty()) {
                model.remove(guild);
            } else {
                model.put(guild, next);
            }
        }
        return model;
    }

    /** Runs the workload until it finishes or the file system fails; returns acknowledged mutations. */
    private int workload(FakeFileSystem fs, List<List<RecordChange>> mutations) {
        int acknowledged = 0;
        JsonCampaignStore store = null;
        try {
            store = JsonCampaignStore.open(config(), fs);
            for (int i = 0; i < mutations.size(); i++) {
                List<RecordChange> changes = mutations.get(i);
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
                acknowledged = i + 1;
                if (i % 4 == 3) {
                    store.checkpoint();
                }
            }
        } catch (StoreException e) {
            // the simulated power loss
        } finally {
            if (store != null) {
                store.close();
            }
        }
        return acknowledged;
    }

    @Test
    void recoveryAfterPowerLossAtEveryIoStepHoldsEveryAcknowledgedMutation() {
        List<List<RecordChange>> mutations = mutations(10);
        FakeFileSystem clean = new FakeFileSystem(dir);
        assertThat(workload(clean, mutations)).isEqualTo(mutations.size());
        long total = clean.operations();
        assertThat(total).isGreaterThan(100);

        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = new FakeFileSystem(dir);
            fs.crashAtOperation(step);
            int acknowledged = workload(fs, mutations);
            FakeFileSystem afterPowerLoss = fs.crashImage();
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), afterPowerLoss)) {
                long seq = recovered.sequence();
                assertThat(seq).as("crash at step %d: recovered sequence", step)
                        .isBetween((long) acknowledged, (long) Math.min(acknowledged + 1, mutations.size()));
                Map<GuildId, GuildState> expected = model(mutations, seq);
                Map<GuildId, GuildState> actual = new HashMap<>();
                recovered.guilds().forEach(g -> actual.put(g, recovered.guild(g)));
                assertThat(actual).as("crash at step %d: state", step).isEqualTo(expected);
                assertThat(recovered.recoveryReport().dataLost()).as("crash at step %d: %s", step,
                        recovered.recoveryReport().events()).isFalse();
            }
            // a second power loss right after recovery must not lose anything either
            FakeFileSystem again = afterPowerLoss.crashImage();
            try (JsonCampaignStore recovered = JsonCampaignStore.open(config(), again)) {
                assertThat(recovered.sequence()).as("second recovery after step %d", step)
                        .isGreaterThanOrEqualTo(acknowledged);
            }
        }
    }
}
