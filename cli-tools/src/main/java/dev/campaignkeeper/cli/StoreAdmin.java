package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.function.LongConsumer;

/**
 * Everything the CLI needs from the store, in one seam: the commands use only this, and
 * {@link JsonStoreAdmin} maps it onto persistence-json's admin API.
 */
interface StoreAdmin {

    /**
     * Reads a consistent state without taking the write lock and without writing anything.
     *
     * @param dir the data directory
     * @return the state and what recovery had to do to produce it
     * @throws dev.campaignkeeper.core.error.DataDamagedException if nothing valid remains
     */
    View read(Path dir);

    /**
     * The process holding the write lock, if any; never takes the lock.
     *
     * @param dir the data directory
     * @return the holder's PID (0 if the holder is unknown), or empty if free
     */
    OptionalLong lockHolder(Path dir);

    /**
     * File sizes, journal length and last write time.
     *
     * @param dir the data directory
     * @return the statistics
     */
    Stats stats(Path dir);

    /**
     * Checks every file: the three snapshot files, the journal and every backup.
     *
     * @param dir the data directory
     * @param progress told how many files are done
     * @return the problems found, empty if healthy
     */
    List<Problem> verifyFiles(Path dir, LongConsumer progress);

    /**
     * Lists the backups, newest first, native and seed-style.
     *
     * @param dir the data directory
     * @return the backups
     */
    List<Backup> backups(Path dir);

    /**
     * Reads one backup's state.
     *
     * @param dir the data directory
     * @param id the backup's id
     * @return its state
     */
    View readBackup(Path dir, String id);

    /**
     * Replaces the state by a backup's, atomically, after a safety backup of the current state.
     * Takes the write lock.
     *
     * @param dir the data directory
     * @param id the backup to restore
     * @return the id of the safety backup
     */
    String restore(Path dir, String id);

    /**
     * Applies the retention policy.
     *
     * @param dir the data directory
     * @param dryRun list only
     * @return the backups removed (or that would be)
     */
    List<Backup> prune(Path dir, boolean dryRun);

    /**
     * Folds the journal into the snapshot and takes a backup now. Takes the write lock.
     *
     * @param dir the data directory
     * @return the id of the backup taken, if one was
     */
    Optional<String> checkpoint(Path dir);

    /**
     * Opens the store for writing (takes the lock).
     *
     * @param dir the data directory
     * @return the store
     */
    CampaignStore openForWrite(Path dir);

    /**
     * Writes the portable export document of one campaign.
     *
     * @param export the export
     * @return the JSON document
     */
    String writeExport(CampaignExport export);

    /**
     * Reads a portable export document.
     *
     * @param json the document
     * @return the export
     */
    CampaignExport readExport(String json);

    /**
     * A consistent state of a data directory.
     *
     * @param guilds every guild with data, in numeric id order
     * @param sequence the sequence number of the state, or -1 if unknown (seed data)
     * @param notes what loading had to repair or could not keep (recovery report, dropped values)
     */
    record View(SortedMap<GuildId, GuildState> guilds, long sequence, List<Problem> notes) {
        public View {
            Objects.requireNonNull(guilds, "guilds");
            notes = List.copyOf(notes);
        }

        GuildState guild(GuildId id) {
            return guilds.getOrDefault(id, GuildState.empty(id));
        }
    }

    /**
     * Size and activity of a data directory.
     *
     * @param files bytes per file name (relative to the directory), including the backups folder total
     * @param journalEntries journal entries since the last checkpoint
     * @param lastWrite time of the last write to the snapshot or journal
     * @param sequence the last sequence number, or -1 if unknown
     */
    record Stats(Map<String, Long> files, long journalEntries, Optional<Instant> lastWrite, long sequence) {
        public Stats {
            files = Map.copyOf(files);
            Objects.requireNonNull(lastWrite, "lastWrite");
        }
    }

    /**
     * One problem found in the data.
     *
     * @param file the file at fault, relative to the data directory
     * @param where the guild / user / channel / NPC / byte offset, or empty
     * @param message what is wrong
     */
    record Problem(String file, String where, String message) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One backup.
     *
     * @param id the id to name it on the command line
     * @param time when it was taken
     * @param sequence its sequence number, if known (not for seed-style backups)
     * @param sizeBytes bytes on disk
     * @param valid whether it can be restored
     * @param kind "native" or "seed"
     * @param problem why it is not valid, empty if valid
     */
    record Backup(String id, Instant time, OptionalLong sequence, long sizeBytes, boolean valid, String kind,
                  String problem) {
        public Backup {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
