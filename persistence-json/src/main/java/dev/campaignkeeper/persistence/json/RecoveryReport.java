package dev.campaignkeeper.persistence.json;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening (or a read-only load) found and did: where the state came from, anything that was
 * damaged, moved aside or lost, and the values kept despite breaking today's rules.
 *
 * @param sequence sequence number of the last mutation in the recovered state
 * @param source where the base state came from
 * @param backupId the backup used as the base, when {@code source} is {@link Source#BACKUP}
 * @param events what happened, one human-readable line each (empty after a clean open)
 * @param dataLost whether any acknowledged mutation could not be recovered
 * @param movedAside damaged files renamed to {@code <name>.corrupt-<timestamp>}
 * @param warnings values kept although they break today's rules
 */
public record RecoveryReport(
        long sequence,
        Source source,
        Optional<String> backupId,
        List<String> events,
        boolean dataLost,
        List<Path> movedAside,
        List<LoadWarning> warnings) {

    /** Where the recovered base state came from (before journal replay). */
    public enum Source {
        /** Nothing was stored: a new data directory. */
        NEW,
        /** The live snapshot files, verified against the manifest. */
        SNAPSHOT,
        /** Seed-format files without a manifest (first open of a seed directory). */
        SEED_IMPORT,
        /** A backup, because the live snapshot was damaged or incomplete. */
        BACKUP
    }

    /**
     * Copies the lists.
     *
     * @param sequence sequence number of the last mutation in the recovered state
     * @param source where the base state came from
     * @param backupId the backup used as the base, when {@code source} is {@link Source#BACKUP}
     * @param events what happened, one human-readable line each (empty after a clean open)
     * @param dataLost whether any acknowledged mutation could not be recovered
     * @param movedAside damaged files renamed to {@code <name>.corrupt-<timestamp>}
     * @param warnings values kept although they break today's rules
     */
    public RecoveryReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(backupId, "backupId");
        events = List.copyOf(events);
        movedAside = List.copyOf(movedAside);
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether nothing unusual happened (warnings about old values do not count).
     *
     * @return true when there are no events
     */
    public boolean clean() {
        return events.isEmpty();
    }
}
