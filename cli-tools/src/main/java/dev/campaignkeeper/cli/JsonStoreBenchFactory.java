package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.persistence.json.DataDirectory;
import dev.campaignkeeper.persistence.json.ExportJson;
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
    public java.util.Map<String, Object> adminReads(Path dir, dev.campaignkeeper.core.model.GuildId guild) {
        DataDirectory data = DataDirectory.at(dir);
        long t0 = System.nanoTime();
        dev.campaignkeeper.core.model.GuildState shown = data.readGuild(guild).state();
        long t1 = System.nanoTime();
        dev.campaignkeeper.core.model.GuildState exported = data.readGuild(guild).state();
        java.time.Instant now = java.time.Instant.now();
        long bytes = 0;
        for (dev.campaignkeeper.core.model.Campaign campaign : exported.campaigns()) {
            bytes += ExportJson.write(dev.campaignkeeper.core.model.CampaignExport.of(exported, campaign, now)).length();
        }
        long t2 = System.nanoTime();
        DataDirectory.Contents all = data.read();
        long t3 = System.nanoTime();
        if (!all.guilds().getOrDefault(guild, dev.campaignkeeper.core.model.GuildState.empty(guild)).equals(shown)
                || bytes == 0) {
            throw new IllegalStateException("one guild's read of " + guild + " differs from the full read");
        }
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("show_guild_ms", (t1 - t0) / 1e6);
        figures.put("export_guild_ms", (t2 - t1) / 1e6);
        figures.put("full_read_ms", (t3 - t2) / 1e6);
        figures.put("show_guild_over_full_read", (double) (t1 - t0) / Math.max(1, t3 - t2));
        return figures;
    }

    @Override
    public java.util.Map<String, Object> restoreDryRun(Path dir, CampaignStore store, Runnable change) {
        JsonCampaignStore json = (JsonCampaignStore) store;
        json.checkpoint();
        DataDirectory data = DataDirectory.at(dir);
        String before = data.backups(false).get(0).id();
        change.run();
        json.checkpoint();
        long t0 = System.nanoTime();
        DataDirectory.RestoreResult dry = data.restore(before, true);
        long t1 = System.nanoTime();
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("restore_dry_run_ms", (t1 - t0) / 1e6);
        figures.put("restore_dry_run_guilds_differing", dry.diffs().size());
        return figures;
    }

    @Override
    public dev.campaignkeeper.core.port.PostLog postLog(CampaignStore store) {
        return ((JsonCampaignStore) store).postLog();
    }
}
