package dev.campaignkeeper.persistence.json;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link JsonCampaignStore}.
 *
 * @param dataDir the data directory (created 0700 if missing)
 * @param retention which backups pruning keeps
 * @param checkpointAfterEntries a background checkpoint starts once this many mutations were journaled since the last
 * @param checkpointAfterBytes ... or once the journal grew by this many bytes
 * @param checkpointInterval ... or, when anything changed, this long after the last checkpoint
 * @param journalPreallocateBytes journal files are preallocated in steps of this size (0 disables)
 * @param checkpointOnClose whether {@link JsonCampaignStore#close()} writes a final checkpoint when anything changed
 * @param clock time source for file names and reports
 * @param postRetentionPerCampaign how many posts the post log keeps per campaign (the oldest dropped first)
 */
public record JsonStoreConfig(
        Path dataDir,
        RetentionPolicy retention,
        long checkpointAfterEntries,
        long checkpointAfterBytes,
        Duration checkpointInterval,
        long journalPreallocateBytes,
        boolean checkpointOnClose,
        Clock clock,
        int postRetentionPerCampaign) {

    /**
     * Validates the settings.
     *
     * @param dataDir the data directory (created 0700 if missing)
     * @param retention which backups pruning keeps
     * @param checkpointAfterEntries a background checkpoint starts once this many mutations were journaled since the last
     * @param checkpointAfterBytes ... or once the journal grew by this many bytes
     * @param checkpointInterval ... or, when anything changed, this long after the last checkpoint
     * @param journalPreallocateBytes journal files are preallocated in steps of this size (0 disables)
     * @param checkpointOnClose whether {@link JsonCampaignStore#close()} writes a final checkpoint when anything changed
     * @param clock time source for file names and reports
     * @param postRetentionPerCampaign how many posts the post log keeps per campaign (the oldest dropped first)
     */
    public JsonStoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(clock, "clock");
        if (checkpointAfterEntries < 1 || checkpointAfterBytes < 1 || journalPreallocateBytes < 0
                || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpoint triggers must be positive and preallocation not negative");
        }
        if (postRetentionPerCampaign < 1) {
            throw new IllegalArgumentException("the post log must keep at least 1 post per campaign");
        }
    }

    /**
     * Defaults: retention 10/24/7/4, checkpoint after 100,000 mutations or 64 MiB of journal or
     * 15 minutes, 8 MiB journal preallocation, checkpoint on close, system UTC clock, 10,000 posts
     * per campaign in the post log.
     *
     * @param dataDir the data directory
     * @return the configuration
     */
    public static JsonStoreConfig defaults(Path dataDir) {
        return new JsonStoreConfig(dataDir, RetentionPolicy.defaults(), 100_000, 64L << 20,
                Duration.ofMinutes(15), 8L << 20, true, Clock.systemUTC(),
                dev.campaignkeeper.core.port.PostLog.DEFAULT_RETENTION_PER_CAMPAIGN);
    }

    /**
     * Returns a copy with another retention policy.
     *
     * @param policy the policy
     * @return the changed configuration
     */
    public JsonStoreConfig withRetention(RetentionPolicy policy) {
        return new JsonStoreConfig(dataDir, policy, checkpointAfterEntries, checkpointAfterBytes,
                checkpointInterval, journalPreallocateBytes, checkpointOnClose, clock, postRetentionPerCampaign);
    }

    /**
     * Returns a copy with other checkpoint triggers.
     *
     * @param entries mutations since the last checkpoint
     * @param bytes journal bytes since the last checkpoint
     * @param interval time since the last checkpoint (when dirty)
     * @return the changed configuration
     */
    public JsonStoreConfig withCheckpointTriggers(long entries, long bytes, Duration interval) {
        return new JsonStoreConfig(dataDir, retention, entries, bytes, interval, journalPreallocateBytes,
                checkpointOnClose, clock, postRetentionPerCampaign);
    }

    /**
     * Returns a copy with another journal preallocation step.
     *
     * @param bytes bytes, 0 to disable
     * @return the changed configuration
     */
    public JsonStoreConfig withJournalPreallocateBytes(long bytes) {
        return new JsonStoreConfig(dataDir, retention, checkpointAfterEntries, checkpointAfterBytes,
                checkpointInterval, bytes, checkpointOnClose, clock, postRetentionPerCampaign);
    }

    /**
     * Returns a copy with checkpoint-on-close switched.
     *
     * @param enabled whether close writes a final checkpoint
     * @return the changed configuration
     */
    public JsonStoreConfig withCheckpointOnClose(boolean enabled) {
        return new JsonStoreConfig(dataDir, retention, checkpointAfterEntries, checkpointAfterBytes,
                checkpointInterval, journalPreallocateBytes, enabled, clock, postRetentionPerCampaign);
    }

    /**
     * Returns a copy with another clock.
     *
     * @param newClock the clock
     * @return the changed configuration
     */
    public JsonStoreConfig withClock(Clock newClock) {
        return new JsonStoreConfig(dataDir, retention, checkpointAfterEntries, checkpointAfterBytes,
                checkpointInterval, journalPreallocateBytes, checkpointOnClose, newClock, postRetentionPerCampaign);
    }

    /**
     * Returns a copy keeping another number of posts per campaign in the post log.
     *
     * @param posts at least 1
     * @return the new configuration
     */
    public JsonStoreConfig withPostRetentionPerCampaign(int posts) {
        return new JsonStoreConfig(dataDir, retention, checkpointAfterEntries, checkpointAfterBytes,
                checkpointInterval, journalPreallocateBytes, checkpointOnClose, clock, posts);
    }
}
