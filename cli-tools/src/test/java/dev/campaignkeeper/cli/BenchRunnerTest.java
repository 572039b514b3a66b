package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.memory.InMemoryCampaignStore;
import dev.campaignkeeper.core.port.CampaignStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {

    @TempDir
    Path dir;

    /** Loads the generated files into memory, so the runner's own logic is tested without the JSON store. */
    static final class GeneratedInMemory implements BenchRunner.StoreFactory {
        int opens;
        int checkpoints;
        private InMemoryCampaignStore state;

        @Override
        public CampaignStore open(Path data, boolean autoCheckpoint) {
            opens++;
            if (state == null) {
                state = SeedFiles.load(data);
            }
            InMemoryCampaignStore shared = state;
            return new DelegatingStore(shared);
        }

        @Override
        public void checkpoint(CampaignStore store) {
            checkpoints++;
        }

        private final dev.campaignkeeper.core.memory.InMemoryPostLog posts =
                new dev.campaignkeeper.core.memory.InMemoryPostLog();

        @Override
        public dev.campaignkeeper.core.port.PostLog postLog(CampaignStore store) {
            return posts;
        }
    }

    @Test
    void runMeasuresEveryIssueThreeKey() throws Exception {
        GeneratedInMemory factory = new GeneratedInMemory();
        BenchRunner runner = new BenchRunner(factory, new SilentListener());

        Map<String, Object> result = runner.run(dir.resolve("bench"), new BenchRunner.Settings(3, 20, 30, 4, 10));

        assertThat(result).containsKeys("guilds", "bytes", "open_ms", "mutation_p50_ms", "mutation_p99_ms",
                "throughput_1_per_s", "throughput_16_per_s", "checkpoint_ms", "checkpoint_mutation_p99_ms",
                "peak_heap_mb", "fsync_p50_ms", "p50_over_fsync");
        assertThat(result.get("guilds")).isEqualTo(3);
        assertThat((Long) result.get("bytes")).isPositive();
        assertThat((Double) result.get("fsync_p50_ms")).isPositive();
        assertThat(result).containsKeys("post_append_p50_ms", "post_append_p99_ms", "post_append_p50_over_fsync");
        assertThat(factory.posts.size()).as("warm-up and measured appends").isEqualTo(20 + 20);
        assertThat(factory.opens).isEqualTo(2);
        assertThat(factory.checkpoints).as("full, quiet, incremental").isEqualTo(3);
        assertThat(result).containsKeys("checkpoint_incremental_ms", "live_heap_mb", "json_mb");
        assertThat((Double) result.get("json_mb")).isPositive();
        assertThat(dir.resolve("bench").resolve(".bench-fsync.probe")).doesNotExist();
        assertThat((Integer) result.get("warm_up_rounds_16")).isBetween(1, BenchRunner.WARM_UP_ROUNDS);
        assertThat((Long) result.get("throughput_16_first_round_per_s")).isPositive();
        assertThat((Long) result.get("jit_ms_during_16")).isNotNegative();
        assertThat((Long) result.get("jit_ms_during_open")).isNotNegative();
        assertThat(result.get("warm_up_rounds_16").equals(BenchRunner.WARM_UP_ROUNDS)
                || Boolean.TRUE.equals(result.get("jit_quiet_16"))).as("warmed up until quiet or the last round").isTrue();
    }

    @Test
    void warmingUpEndsWithARoundInWhichTheCompilersRanAtMostTwoPercentOfItsTime() {
        long oneSecond = 1_000_000_000L;
        assertThat(BenchRunner.jitQuiet(0, oneSecond)).isTrue();
        assertThat(BenchRunner.jitQuiet(20, oneSecond)).isTrue();
        assertThat(BenchRunner.jitQuiet(21, oneSecond)).isFalse();
        assertThat(BenchRunner.jitQuiet(400, oneSecond)).isFalse();
        assertThat(BenchRunner.jitQuiet(-1, oneSecond)).as("compile time unknown").isFalse();
    }

    @Test
    void percentileUsesNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(BenchRunner.percentile(sorted, 50)).isEqualTo(5);
        assertThat(BenchRunner.percentile(sorted, 99)).isEqualTo(10);
        assertThat(BenchRunner.percentile(new long[0], 50)).isZero();
    }

    static final class SilentListener implements BenchRunner.Listener {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void progress(long done) {
        }

        @Override
        public void phaseDone() {
        }
    }
}
