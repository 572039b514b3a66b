package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.port.CampaignStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helper: the real {@link JsonStoreAdmin}, counting the full reads a command makes; restore can be made to fail. */
final class CountingStoreAdmin implements StoreAdmin {

    private final StoreAdmin delegate = new JsonStoreAdmin();
    private final AtomicInteger reads = new AtomicInteger();

    private volatile RuntimeException restoreFailure;

    /** Makes every later {@link #restore} throw {@code failure} instead of restoring. */
    void failRestoreWith(RuntimeException failure) {
        restoreFailure = failure;
    }

    /** How often {@link #read} was called. */
    int reads() {
        return reads.get();
    }

    @Override
    public View read(Path dir) {
        reads.incrementAndGet();
        return delegate.read(dir);
    }

    @Override
    public boolean holdsData(Path dir) {
        return delegate.holdsData(dir);
    }

    @Override
    public OptionalLong lockHolder(Path dir) {
        return delegate.lockHolder(dir);
    }

    @Override
    public Stats stats(Path dir) {
        return delegate.stats(dir);
    }

    @Override
    public Verification verify(Path dir) {
        return delegate.verify(dir);
    }

    @Override
    public List<Backup> backups(Path dir, boolean verify) {
        return delegate.backups(dir, verify);
    }

    @Override
    public Restore restore(Path dir, String id, boolean dryRun) {
        if (restoreFailure != null) {
            throw restoreFailure;
        }
        return delegate.restore(dir, id, dryRun);
    }

    @Override
    public List<Backup> prune(Path dir, boolean dryRun) {
        return delegate.prune(dir, dryRun);
    }

    @Override
    public long checkpoint(Path dir) {
        return delegate.checkpoint(dir);
    }

    @Override
    public CampaignStore openForWrite(Path dir) {
        return delegate.openForWrite(dir);
    }

    @Override
    public Optional<String> safetyBackup(CampaignStore store, Path dir) {
        return delegate.safetyBackup(store, dir);
    }

    @Override
    public String writeExport(CampaignExport export) {
        return delegate.writeExport(export);
    }

    @Override
    public dev.campaignkeeper.core.port.PostLog readPosts(Path dir) {
        return delegate.readPosts(dir);
    }

    @Override
    public CampaignExport readExport(String json) {
        return delegate.readExport(json);
    }
}
