package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the persistence-json store for the benchmark with its default settings, except that
 * automatic checkpoints and the checkpoint on close are off throughout: the journal the benchmark
 * builds must survive close so the measured open replays every entry, and the one checkpoint the
 * benchmark measures is the one it starts itself (a background checkpoint triggered halfway
 * through the latency runs would mix two measurements).
 */
final class JsonStoreBenchFactory implements BenchRunner.StoreFactory {

    @Override
    public CampaignStore open(Path dir, boolean autoCheckpoint) {
        return JsonCampaignStore.open(JsonStoreConfig.defaults(dir)
                .withCheckpointTriggers(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(3650))
                .withCheckpointOnClose(false));
    }

    @Override
    public void checkpoint(CampaignStore store) {
        ((JsonCampaignStore) store).checkpoint();
    }

    @Override
    public dev.campaignkeeper.core.port.PostLog postLog(CampaignStore store) {
        return ((JsonCampaignStore) store).postLog();
    }
}
