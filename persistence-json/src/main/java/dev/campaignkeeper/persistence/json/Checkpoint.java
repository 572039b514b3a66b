package dev.campaignkeeper.persistence.json;

import java.util.Objects;

/**
 * A checkpoint now in force: the sequence number the snapshot files hold and the backup written
 * with them (in {@code backups/<backupId>/}).
 *
 * @param sequence sequence number of the last mutation the snapshot holds
 * @param backupId id of the backup written with it
 */
public record Checkpoint(long sequence, String backupId) {

    /**
     * Validates the fields.
     *
     * @param sequence sequence number of the last mutation the snapshot holds (not negative)
     * @param backupId id of the backup written with it
     */
    public Checkpoint {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        Objects.requireNonNull(backupId, "backupId");
    }
}
