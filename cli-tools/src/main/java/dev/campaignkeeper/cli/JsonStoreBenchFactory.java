package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.port.CampaignStore;
import java.nio.file.Path;

/** Opens the persistence-json store for the benchmark. */
final class JsonStoreBenchFactory implements BenchRunner.StoreFactory {

    @Override
    public CampaignStore open(Path dir, boolean autoCheckpoint) {
        throw new CliException(ExitCodes.LOCKED_OR_UNREADABLE,
                "the persistence-json store is not built yet; bench cannot open " + dir);
    }

    @Override
    public void checkpoint(CampaignStore store) {
        throw new CliException(ExitCodes.LOCKED_OR_UNREADABLE, "the persistence-json store is not built yet");
    }
}
