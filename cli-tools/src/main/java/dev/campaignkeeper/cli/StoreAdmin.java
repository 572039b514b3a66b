package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.persistence.json.ProgressListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * Everything the CLI needs from the store, in one seam: the commands use only this, and
 * {@link JsonStoreAdmin} maps it onto persistence-json's {@code DataDirectory} admin API.
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
     * {@link #read(Path)}, telling a listener how far it has come.
     *
     * @param dir the data directory
     * @param listener told the progress
     * @return the state and what recovery had to do to produce it
     */
    default View read(Path dir, ProgressListener listener) {
        return read(dir);
    }

    /**
     * Whether a directory holds any of the store's files (or the seed's): the snapshot files, the
     * manifest, a journal or backups.
     *
     * @param dir the directory
     * @return false for a directory that holds none of them (the parent of the data directory, say)
     */
    boolean holdsData(Path dir);

    /**
     * The process holding the write lock, if any; never takes the lock.
     *
     * @param dir the data directory
     * @return the holder's PID (-1 if held but unknown), or empty if free
     */
    OptionalLong lockHolder(Path dir);

    /**
     * File sizes, journal length and write times.
     *
     * @param dir the data directory
     * @return the statistics
     */
    Stats stats(Path dir);

    /**
     * Checks everything: the snapshot files, the journal, every backup, and the records
     * (references, values breaking today's rules). Read-only.
     *
     * @param dir the data directory
     * @return the problems found (errors first; empty if healthy) and whether the state is loadable
     */
    Verification verify(Path dir);

    /**
     * {@link #verify(Path)}, telling a listener how far it has come.
     *
     * @param dir the data directory
     * @param listener told the progress (files, guilds checked)
     * @return the problems found and whether the state is loadable
     */
    default Verification verify(Path dir, ProgressListener listener) {
        return verify(dir);
    }

    /**
     * Lists the backups, newest first, native and seed-style.
     *
     * @param dir the data directory
     * @param verify whether to read each backup completely (parse and checksums)
     * @return the backups
     */
    List<Backup> backups(Path dir, boolean verify);

    /**
     * Restores a backup (or computes what restoring it would change). A real restore takes the
     * write lock, takes a safety backup of the current state, and replaces the state atomically.
     *
     * @param dir the data directory
     * @param id a backup id, or {@code null} for the newest valid backup
     * @param dryRun compute the changes only
     * @return the backup used, the changes, and the safety backup
     */
    Restore restore(Path dir, String id, boolean dryRun);

    /**
     * {@link #restore(Path, String, boolean)}, telling a listener how far it has come.
     *
     * @param dir the data directory
     * @param id a backup id, or {@code null} for the newest valid backup
     * @param dryRun compute the changes only
     * @param listener told the progress
     * @return the backup used, the changes, and the safety backup
     */
    default Restore restore(Path dir, String id, boolean dryRun, ProgressListener listener) {
        return restore(dir, id, dryRun);
    }

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
     * @return the sequence number the snapshot holds
     */
    long checkpoint(Path dir);

    /**
     * Opens the store for writing (takes the lock).
     *
     * @param dir the data directory
     * @return the store
     */
    CampaignStore openForWrite(Path dir);

    /**
     * Takes a backup of the current state of a store opened by {@link #openForWrite} (a
     * checkpoint), before a change that overwrites records.
     *
     * @param store the open store
     * @param dir its data directory
     * @return the id of the backup holding the current state, if one could be found
     */
    Optional<String> safetyBackup(CampaignStore store, Path dir);

    /**
     * The post log, read without taking the lock or changing anything.
     *
     * @param dir the data directory
     * @return the posts, in memory
     */
    PostLog readPosts(Path dir);

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
     * @throws dev.campaignkeeper.core.error.InvalidInputException if it is not a valid export
     */
    CampaignExport readExport(String json);

    /**
     * A consistent state of a data directory.
     *
     * @param guilds every guild with data, in numeric id order
     * @param sequence the sequence number of the state
     * @param notes what loading had to repair, and values kept although they break today's rules
     */
    record View(SortedMap<GuildId, GuildState> guilds, long sequence, List<Problem> notes) {
        /** Validates and copies. */
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
     * @param files bytes per top-level file name
     * @param totalBytes bytes of everything, backups included
     * @param snapshotSequence sequence number the snapshot files hold
     * @param journalEntries journal entries since the last checkpoint
     * @param lastWrite time of the last journal write
     * @param lastCheckpoint time of the last checkpoint
     * @param posts posts in the post log
     * @param postBytes bytes of the post log's valid lines
     */
    record Stats(Map<String, Long> files, long totalBytes, long snapshotSequence, long journalEntries,
                 Optional<Instant> lastWrite, Optional<Instant> lastCheckpoint, int posts, long postBytes) {
        /** Validates and copies. */
        public Stats {
            files = Map.copyOf(files);
            Objects.requireNonNull(lastWrite, "lastWrite");
            Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
        }
    }

    /**
     * What {@link #verify} found.
     *
     * @param problems the problems found, errors first; empty if healthy
     * @param loadable whether a valid state can be loaded (possibly from a backup)
     */
    record Verification(List<Problem> problems, boolean loadable) {
        /** Validates and copies. */
        public Verification {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One problem found in the data.
     *
     * @param severity "error" or "warning"
     * @param file the file at fault, relative to the data directory ("recovery" for what loading did)
     * @param where JSON path (guild / user / channel / NPC) or byte offset inside the file, or empty
     * @param message what is wrong
     */
    record Problem(String severity, String file, String where, String message) {
        /** Validates the fields. */
        public Problem {
            Objects.requireNonNull(severity, "severity");
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
        /** Validates the fields. */
        public Backup {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * What a restore did (or would do).
     *
     * @param backup the backup restored
     * @param dryRun whether nothing was changed
     * @param safetyBackup the backup of the previous state, after a real restore
     * @param changes the records added, removed and changed, per guild
     * @param currentDamage what recovery found in the current files (empty when they are intact): the
     *                      changes are then against the state recovery makes of them
     * @param currentUnloadable why the current state cannot be loaded at all (the changes then start
     *                          from nothing), empty when it loads
     */
    record Restore(Backup backup, boolean dryRun, Optional<String> safetyBackup, List<StateDiff.Change> changes,
                   List<String> currentDamage, Optional<String> currentUnloadable) {
        /** Validates and copies. */
        public Restore {
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(safetyBackup, "safetyBackup");
            changes = List.copyOf(changes);
            currentDamage = List.copyOf(currentDamage);
            Objects.requireNonNull(currentUnloadable, "currentUnloadable");
        }
    }
}
