package dev.campaignkeeper.backup.s3;

import dev.campaignkeeper.core.error.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link OffsiteBackups#sync} on a background thread at a fixed interval, and once more on
 * {@link #close()} (after the store's final checkpoint, so its last backup set goes off-site too).
 * A failed sync is logged and retried at the next interval; the local backups are never touched.
 */
public final class OffsiteSchedule implements AutoCloseable {

    /** The interval used when none is configured. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(OffsiteSchedule.class);

    private final OffsiteBackups offsite;
    private final Path dataDir;
    private final ScheduledExecutorService executor;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    private OffsiteSchedule(OffsiteBackups offsite, Path dataDir) {
        this.offsite = Objects.requireNonNull(offsite, "offsite");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "campaign-keeper-offsite-backups");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts syncing now and then every {@code interval}.
     *
     * @param offsite  the bucket (closed by {@link #close()})
     * @param dataDir  the JSON data directory
     * @param interval time between syncs, at least one second
     * @return the running schedule
     */
    public static OffsiteSchedule start(OffsiteBackups offsite, Path dataDir, Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the off-site sync interval must be at least 1 second, not " + interval);
        }
        OffsiteSchedule schedule = new OffsiteSchedule(offsite, dataDir);
        schedule.executor.scheduleWithFixedDelay(schedule::syncQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("off-site backups: copying {} to {} every {}", LocalBackupSets.dir(dataDir),
                offsite.config().location(), interval);
        return schedule;
    }

    /** Why the last sync failed, or null if it succeeded (or none ran yet). */
    public String lastFailure() {
        return lastFailure.get();
    }

    private void syncQuietly() {
        try {
            SyncResult result = offsite.sync(dataDir);
            result.skipped().forEach(reason -> LOG.warn("off-site backups: not copied yet: {}", reason));
            if (lastFailure.getAndSet(null) != null) {
                LOG.info("off-site backups: {} reachable again", offsite.config().location());
            }
        } catch (StoreException e) {
            lastFailure.set(e.getMessage());
            LOG.warn("off-site backups: {}; the local backups are kept and the copy is retried", e.getMessage());
        } catch (RuntimeException e) {
            lastFailure.set(String.valueOf(e));
            LOG.error("off-site backups: sync failed; retried at the next interval", e);
        }
    }

    /** Stops the schedule after one last sync, then closes the bucket's client. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("off-site backups: a sync still runs after 5 minutes; stopping it");
                executor.shutdownNow();
            }
            syncQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            offsite.close();
        }
    }
}
