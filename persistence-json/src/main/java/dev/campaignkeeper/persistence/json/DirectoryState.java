package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the on-disk protocol of a data directory held under its lock: the sequence that
 * turns whatever a crash left into a directory a writer may continue from, and the sequence that
 * makes a new state the base. {@link JsonCampaignStore} (open, checkpoint) and
 * {@link DataDirectory#restore} (safety backup, restored state) both go through it, so each
 * crash-safety rule is written once:
 *
 * <ul>
 *   <li>a missing data directory is created with its parents, each made durable in its parent;</li>
 *   <li>recovery ({@link Loader}) changes nothing; only then are orphaned temp files removed and
 *       files recovery does not trust moved aside as {@code <name>.corrupt-<time>} (never
 *       overwritten, never deleted), and the directory fsynced;</li>
 *   <li>a writer that loaded only some guilds ({@link #loadUnchanged}) continues only a directory
 *       that needs no repair, and never writes a base: repairs are made from the whole state;</li>
 *   <li>the journal a manifest names exists, durably, before the manifest does;</li>
 *   <li>older journals go only after the new manifest is durable, and one holding entries that were
 *       not replayed is moved aside instead of deleted;</li>
 *   <li>pruning never removes the backup the manifest in force names.</li>
 * </ul>
 *
 * <p>Not thread-safe; the caller holds the directory lock and serialises calls.
 */
final class DirectoryState {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryState.class);
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final FileSystemOps fs;
    private final Path dir;
    private final long journalPreallocateBytes;
    private final Clock clock;

    DirectoryState(FileSystemOps fs, JsonStoreConfig config) {
        this.fs = Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(config, "config");
        this.dir = config.dataDir();
        this.journalPreallocateBytes = config.journalPreallocateBytes();
        this.clock = config.clock();
    }

    /**
     * What {@link #loadAndRepair()} loaded and moved aside.
     *
     * @param loaded the recovered state
     * @param movedAside the damaged files now renamed aside
     */
    record Repaired(Loader.Loaded loaded, List<Path> movedAside) {
        Repaired {
            Objects.requireNonNull(loaded, "loaded");
            movedAside = List.copyOf(movedAside);
        }

        /**
         * Whether the recovered state must be written as a new base before it is trusted (no
         * manifest, a backup or journal damage was used).
         *
         * @return true when a checkpoint must follow
         */
        boolean needsNewBase() {
            return loaded.needsCheckpoint() || loaded.manifest().isEmpty();
        }

        /**
         * Whether a writer may continue from this state only after changing the directory: a new
         * base, damaged files or journals, or anything recovery had to report (lost mutations,
         * a missing journal, damage it replayed around).
         *
         * @return true when only a full open ({@link #loadAndRepair}) may continue from it
         */
        boolean needsRepair() {
            return needsNewBase() || !loaded.damaged().isEmpty() || !loaded.damagedJournals().isEmpty()
                    || !loaded.events().isEmpty() || loaded.dataLost();
        }

        /**
         * The first journal generation free for a new journal.
         *
         * @return one past the highest generation present or named
         */
        long nextGeneration() {
            return loaded.maxGeneration() + 1;
        }

        /**
         * The report of this open.
         *
         * @return the recovery report, with the files moved aside
         */
        RecoveryReport report() {
            return loaded.report(movedAside);
        }
    }

    /**
     * Creates the data directory (and its parents) when missing, each made durable in its parent.
     *
     * @throws IOException if it cannot be created
     */
    void create() throws IOException {
        createDirectories(dir);
    }

    private void createDirectories(Path path) throws IOException {
        if (fs.isDirectory(path)) {
            return;
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !fs.isDirectory(parent)) {
            createDirectories(parent);
        }
        fs.createDirectory(path);
        if (parent != null) {
            fs.fsyncDirectory(parent);
        }
    }

    /**
     * Recovers the newest provable state, then repairs the directory for a writer: removes orphaned
     * temp files and moves every file recovery does not trust aside (never overwritten), then
     * fsyncs the directory. Journals recovery did not fully replay stay until the next base
     * replaces them ({@link #retireJournals}).
     *
     * @return the state and what was moved aside
     * @throws dev.campaignkeeper.core.error.DataDamagedException if nothing valid remains; the
     *         directory is then left untouched
     * @throws IOException if reading or repairing fails
     */
    Repaired loadAndRepair() throws IOException {
        Loader.Loaded loaded = Loader.load(fs, dir, journalPreallocateBytes);
        StateWriter.removeOrphans(fs, dir);
        List<Path> movedAside = new ArrayList<>();
        for (Path damaged : loaded.damaged()) {
            movedAside.add(moveAside(fs, damaged, clock.instant()));
        }
        if (!movedAside.isEmpty()) {
            fs.fsyncDirectory(dir);
        }
        return new Repaired(loaded, movedAside);
    }

    /**
     * For a writer of some guilds only: recovers the newest provable state building only these
     * guilds ({@link Loader#load(FileSystemOps, Path, long, Set)}: every file is still checked as by
     * a full load, and the sequence number is the whole directory's) and changes nothing on disk.
     * A writer may then append journal entries for these guilds in a new journal generation, as a
     * full open would, but never write a base from this partial state.
     *
     * <p>Empty when the directory needs anything {@link #loadAndRepair} (or the checkpoint a full
     * open follows it with) would do: orphaned temp files, files to move aside, damaged journals,
     * a new base (no manifest, a seed import, recovery from a backup), or any recovery event. The
     * directory is then left untouched and the caller must open it fully, which repairs it from
     * the whole state.
     *
     * @param guilds the guilds to build
     * @return the state, or empty when only a full open may continue
     * @throws dev.campaignkeeper.core.error.DataDamagedException if nothing valid remains; the
     *         directory is then left untouched
     * @throws IOException if reading fails
     */
    Optional<Repaired> loadUnchanged(Set<GuildId> guilds) throws IOException {
        Objects.requireNonNull(guilds, "guilds");
        if (!StateWriter.orphans(fs, dir).isEmpty()) {
            return Optional.empty();
        }
        Repaired loaded = new Repaired(Loader.load(fs, dir, journalPreallocateBytes, guilds), List.of());
        return loaded.needsRepair() ? Optional.empty() : Optional.of(loaded);
    }

    /**
     * For a directory nothing valid can be loaded from, which is about to receive a new state:
     * removes orphaned temp files and moves the snapshot files and the manifest aside.
     *
     * @return the files moved aside
     * @throws IOException if that fails
     */
    List<Path> setAsideUnloadable() throws IOException {
        StateWriter.removeOrphans(fs, dir);
        List<Path> aside = new ArrayList<>();
        Instant now = clock.instant();
        List<String> files = new ArrayList<>(SeedFormat.FILES);
        files.add(Manifest.FILE);
        for (String file : files) {
            if (fs.exists(dir.resolve(file))) {
                aside.add(moveAside(fs, dir.resolve(file), now));
            }
        }
        fs.fsyncDirectory(dir);
        return aside;
    }

    /**
     * Creates (and makes durable) the journal of a generation, so a manifest may name it.
     *
     * @param generation the generation
     * @param preallocate bytes to preallocate (0 for none)
     * @return its writer
     * @throws IOException if it cannot be created
     */
    Journal.Writer startJournal(long generation, long preallocate) throws IOException {
        return Journal.Writer.create(fs, dir, generation, preallocate);
    }

    /**
     * The first generation free for a new journal given a repaired directory (or none loaded).
     *
     * @param repaired what was loaded, or null when nothing could be
     * @return the generation
     * @throws IOException if the journals cannot be listed
     */
    long freeGeneration(Repaired repaired) throws IOException {
        long generation = 1;
        for (Path journal : Journal.list(fs, dir)) {
            generation = Math.max(generation, Journal.generation(journal) + 1);
        }
        return repaired == null ? generation : Math.max(generation, repaired.nextGeneration());
    }

    /**
     * Makes a state the new base: its backup, then the manifest naming it and journal generation
     * {@code journalFrom}, then the live files (see {@link StateWriter}).
     *
     * @param guilds the state
     * @param seq the sequence number it holds
     * @param journalFrom the journal generation replay continues from; it must already exist
     *                    ({@link #startJournal})
     * @param now the time to stamp it with
     * @return the checkpoint now in force
     * @throws IOException if writing fails (the previous base stays recoverable)
     * @throws IllegalStateException if the journal it would name does not exist (a bug)
     */
    Checkpoint writeNewBase(Collection<GuildState> guilds, long seq, long journalFrom, Instant now)
            throws IOException {
        return writeNewBase(guilds, seq, journalFrom, now, null);
    }

    /**
     * {@link #writeNewBase(Collection, long, long, Instant)}, copying the guilds unchanged since the
     * last write through {@code cache} instead of serialising them again (same bytes, same protocol).
     *
     * @param cache the checkpointer's cache, or null to serialise everything
     */
    Checkpoint writeNewBase(Collection<GuildState> guilds, long seq, long journalFrom, Instant now,
                            CheckpointCache cache) throws IOException {
        if (journalFrom >= 1 && !fs.exists(dir.resolve(Journal.name(journalFrom)))) {
            throw new IllegalStateException("the journal " + Journal.name(journalFrom)
                    + " must exist before a manifest names it");
        }
        Manifest manifest = StateWriter.write(fs, dir, guilds, seq, journalFrom, now, cache);
        return new Checkpoint(manifest.seq(), manifest.backupId());
    }

    /**
     * After a new base is durable: deletes the journals before its generation, moving the damaged
     * ones (entries not replayed, damage) aside instead, and fsyncs the directory.
     *
     * @param generation the new base's journal generation
     * @param damaged journals to keep aside rather than delete
     * @return the journals moved aside
     * @throws IOException if that fails
     */
    List<Path> retireJournals(long generation, Set<Path> damaged) throws IOException {
        List<Path> aside = new ArrayList<>();
        for (Path path : Journal.list(fs, dir)) {
            if (Journal.generation(path) < generation) {
                if (damaged.contains(path)) {
                    aside.add(moveAside(fs, path, clock.instant()));
                } else {
                    fs.delete(path);
                }
            }
        }
        fs.fsyncDirectory(dir);
        return aside;
    }

    /**
     * Applies a retention policy to native backups.
     *
     * @param policy the policy
     * @param protect a backup never removed (the one the manifest in force names), or null
     * @param dryRun report only
     * @return the backups removed (or that would be)
     * @throws IOException if listing or deleting fails
     */
    List<Backups.Ref> prune(RetentionPolicy policy, String protect, boolean dryRun) throws IOException {
        List<Backups.Ref> remove = Backups.toPrune(Backups.list(fs, dir), policy, protect);
        if (!dryRun && !remove.isEmpty()) {
            for (Backups.Ref ref : remove) {
                Backups.delete(fs, ref);
            }
            fs.fsyncDirectory(Backups.dir(dir));
        }
        return remove;
    }

    /**
     * Renames a file recovery does not trust to {@code <name>.corrupt-<time>}, never replacing an
     * earlier copy (a counter is added instead). The caller fsyncs the directory.
     *
     * @param fs the file system
     * @param damaged the file (or directory)
     * @param now the time to name it with
     * @return its new path
     * @throws IOException if the rename fails
     */
    static Path moveAside(FileSystemOps fs, Path damaged, Instant now) throws IOException {
        String base = damaged.getFileName() + ".corrupt-" + ASIDE_TIME.format(now);
        Path target = damaged.resolveSibling(base);
        for (int i = 1; fs.exists(target); i++) {
            target = damaged.resolveSibling(base + "-" + i);
        }
        fs.moveAtomic(damaged, target);
        LOG.warn("moved damaged {} aside to {}", damaged, target.getFileName());
        return target;
    }
}
