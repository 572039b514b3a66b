package dev.campaignkeeper.backup.s3;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One backup set in the bucket.
 *
 * @param id       the set's name, as in {@code DATA_DIR/backups/}
 * @param sequence the journal sequence the set holds
 * @param created  when the store wrote it
 * @param bytes    total size of its objects
 * @param files    the names of its objects
 * @param complete whether its {@code backup.json} (uploaded last) is there; an incomplete set is an
 *                 upload that was cut short and is never offered for restore
 */
public record RemoteBackup(String id, long sequence, Instant created, long bytes, List<String> files,
                           boolean complete) {

    public RemoteBackup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        files = List.copyOf(files);
    }
}
