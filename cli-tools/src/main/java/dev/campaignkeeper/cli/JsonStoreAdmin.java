package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.port.CampaignStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/** {@link StoreAdmin} on persistence-json's admin API. */
final class JsonStoreAdmin implements StoreAdmin {

    private static CliException pending(Path dir) {
        return new CliException(ExitCodes.LOCKED_OR_UNREADABLE,
                "the persistence-json admin API is not built yet; cannot read " + dir);
    }

    @Override
    public View read(Path dir) {
        throw pending(dir);
    }

    @Override
    public OptionalLong lockHolder(Path dir) {
        throw pending(dir);
    }

    @Override
    public Stats stats(Path dir) {
        throw pending(dir);
    }

    @Override
    public List<Problem> verifyFiles(Path dir, LongConsumer progress) {
        throw pending(dir);
    }

    @Override
    public List<Backup> backups(Path dir) {
        throw pending(dir);
    }

    @Override
    public View readBackup(Path dir, String id) {
        throw pending(dir);
    }

    @Override
    public String restore(Path dir, String id) {
        throw pending(dir);
    }

    @Override
    public List<Backup> prune(Path dir, boolean dryRun) {
        throw pending(dir);
    }

    @Override
    public Optional<String> checkpoint(Path dir) {
        throw pending(dir);
    }

    @Override
    public CampaignStore openForWrite(Path dir) {
        throw pending(dir);
    }

    @Override
    public String writeExport(CampaignExport export) {
        throw pending(Path.of("."));
    }

    @Override
    public CampaignExport readExport(String json) {
        throw pending(Path.of("."));
    }
}
