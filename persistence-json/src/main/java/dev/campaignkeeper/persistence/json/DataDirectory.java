package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.PostLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The offline admin API over a data directory, for {@code campaign-admin}. Read-only operations
 * ({@link #read()}, {@link #stats()}, {@link #backups(boolean)}, {@link #verify()}, dry runs) take no
 * lock and work while a bot is writing; they see a consistent state (the snapshot the manifest names
 * plus the valid journal prefix). Operations that change the directory ({@link #restore},
 * {@link #prune} without dry run, {@link #checkpoint()}) take the directory lock and fail with
 * {@link dev.campaignkeeper.core.error.DataDirectoryLockedException} while another process holds it.
 *
 * <p>All methods report failures as {@link StoreException} (or its subclasses), except that
 * {@link #restore} refuses a backup it cannot use with {@link NotFoundException} (no such backup, no
 * valid backup at all) or {@link InvalidInputException} (the backup named is damaged), so callers
 * tell a refusal from an I/O failure by type. None changes the directory unless its Javadoc says so.
 */
public final class DataDirectory {

    /**
     * The snapshot files in a data directory, in the order the store writes them:
     * {@code campaigns.json}, {@code characters.json}, {@code npcs.json} (the seed's three files).
     */
    public static final List<String> SNAPSHOT_FILES = SeedFormat.FILES;

    private final JsonStoreConfig config;
    private final FileSystemOps fs;
    private final Path dir;
    private final ConsistentRead reader;
    private final Verifier verifier;
    private final Restorer restorer;

    DataDirectory(JsonStoreConfig config, FileSystemOps fs) {
        this.config = Objects.requireNonNull(config, "config");
        this.fs = Objects.requireNonNull(fs, "fs");
        this.dir = config.dataDir();
        this.reader = new ConsistentRead(fs, config);
        this.verifier = new Verifier(this, fs, reader);
        this.restorer = new Restorer(config, fs, reader);
    }

    /**
     * The admin API for a directory with default settings (retention 10/24/7/4).
     *
     * @param dataDir the data directory
     * @return the handle (no I/O yet)
     */
    public static DataDirectory at(Path dataDir) {
        return at(JsonStoreConfig.defaults(dataDir));
    }

    /**
     * The admin API with explicit settings (retention is used by {@link #prune}).
     *
     * @param config the settings
     * @return the handle (no I/O yet)
     */
    public static DataDirectory at(JsonStoreConfig config) {
        return new DataDirectory(config, NioFileSystemOps.INSTANCE);
    }

    /**
     * The directory.
     *
     * @return its path
     */
    public Path path() {
        return dir;
    }

    // ------------------------------------------------------------------ result types

    /**
     * A consistent state read without the lock.
     *
     * @param sequence sequence number of the last mutation included
     * @param guilds every guild's state
     * @param warnings values kept although they break today's rules
     * @param report how the state was found (damage, backups used, losses)
     */
    public record Contents(long sequence, Map<GuildId, GuildState> guilds, List<LoadWarning> warnings,
                           RecoveryReport report) {
        /**
         * Copies the collections.
         *
         * @param sequence sequence number of the last mutation included
         * @param guilds every guild's state
         * @param warnings values kept although they break today's rules
         * @param report how the state was found (damage, backups used, losses)
         */
        public Contents {
            guilds = Map.copyOf(guilds);
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * One guild's state read without the lock ({@link #readGuild(GuildId)}).
     *
     * @param sequence sequence number of the last mutation included (of any guild)
     * @param state the guild's state (empty if it has no records)
     * @param warnings values of this guild kept although they break today's rules
     * @param report how the state was found (damage anywhere in the files, backups used, losses)
     */
    public record GuildContents(long sequence, GuildState state, List<LoadWarning> warnings, RecoveryReport report) {
        /**
         * Validates and copies.
         *
         * @param sequence sequence number of the last mutation included (of any guild)
         * @param state the guild's state (empty if it has no records)
         * @param warnings values of this guild kept although they break today's rules
         * @param report how the state was found (damage anywhere in the files, backups used, losses)
         */
        public GuildContents {
            Objects.requireNonNull(state, "state");
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Sizes and counters of a data directory.
     *
     * @param lockHolderPid PID of the process holding the lock, if any (-1 if held but unreadable)
     * @param fileSizes bytes per file name (snapshot files, manifest, journals)
     * @param totalBytes bytes of everything, backups included
     * @param snapshotSequence sequence number the snapshot files hold (0 without manifest)
     * @param journalEntriesSinceCheckpoint valid journal entries after the snapshot
     * @param lastWrite last journal write, if any
     * @param lastCheckpoint when the manifest was written, if there is one
     * @param backupCount number of backups (native and seed-style)
     */
    public record Stats(OptionalLong lockHolderPid, Map<String, Long> fileSizes, long totalBytes,
                        long snapshotSequence, long journalEntriesSinceCheckpoint, Optional<Instant> lastWrite,
                        Optional<Instant> lastCheckpoint, int backupCount) {
        /**
         * Copies the map.
         *
         * @param lockHolderPid PID of the process holding the lock, if any (-1 if held but unreadable)
         * @param fileSizes bytes per file name (snapshot files, manifest, journals)
         * @param totalBytes bytes of everything, backups included
         * @param snapshotSequence sequence number the snapshot files hold (0 without manifest)
         * @param journalEntriesSinceCheckpoint valid journal entries after the snapshot
         * @param lastWrite last journal write, if any
         * @param lastCheckpoint when the manifest was written, if there is one
         * @param backupCount number of backups (native and seed-style)
         */
        public Stats {
            fileSizes = Map.copyOf(fileSizes);
        }
    }

    /** How bad a {@link Problem} is. */
    public enum Severity {
        /** Data is damaged, inconsistent or unusable. */
        ERROR,
        /** Data loads but is questionable (old rule breaks, dangling references, torn journal tail). */
        WARNING
    }

    /**
     * One finding of {@link #verify()}.
     *
     * @param severity how bad
     * @param file the file at fault, relative to the data directory (e.g. {@code characters.json},
     *             {@code backups/<id>}); {@code recovery} for what loading had to do; the data
     *             directory's path for a problem with the directory as a whole
     * @param where the place inside the file: a JSON path (e.g. {@code $.1.2.3}) or {@code byte N};
     *              empty when the problem concerns the whole file
     * @param message what is wrong
     */
    public record Problem(Severity severity, String file, String where, String message) {
        /**
         * Validates the fields.
         *
         * @param severity how bad
         * @param file the file at fault, relative to the data directory; {@code recovery} for what
         *             loading had to do; the data directory's path for the directory as a whole
         * @param where the place inside the file (JSON path or {@code byte N}), or empty
         * @param message what is wrong
         */
        public Problem {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Outcome of {@link #verify()}: the problems found and whether a valid state can be loaded.
     *
     * @param problems the problems found, errors first; empty when all is well
     * @param recovery how the current state loads (source, backup used, recovery events, data lost);
     *                 empty when nothing valid can be loaded (a problem then says why)
     */
    public record Verification(List<Problem> problems, Optional<RecoveryReport> recovery) {
        /**
         * Copies the list.
         *
         * @param problems the problems found, errors first; empty when all is well
         * @param recovery how the current state loads; empty when nothing valid can be loaded
         */
        public Verification {
            problems = List.copyOf(problems);
            Objects.requireNonNull(recovery, "recovery");
        }

        /**
         * Whether a valid state can be loaded (possibly from a backup, possibly with losses).
         *
         * @return true unless the directory is damaged beyond recovery
         */
        public boolean loadable() {
            return recovery.isPresent();
        }

        /**
         * Whether nothing at all was found.
         *
         * @return true when there are no problems
         */
        public boolean healthy() {
            return problems.isEmpty();
        }
    }

    /** Which kind of record a {@link RecordDiff} is about. */
    public enum RecordKind {
        /** A campaign: named by its channel. */
        CAMPAIGN,
        /** A character: named by its channel and user. */
        CHARACTER,
        /** An NPC: named by its channel and NPC id. */
        NPC
    }

    /** What a restore does to one record. */
    public enum DiffKind {
        /** Present after the restore only. */
        ADDED,
        /** Present before the restore only. */
        REMOVED,
        /** Present in both with different values. */
        CHANGED
    }

    /**
     * One record a restore adds, removes or changes.
     *
     * @param kind the record kind
     * @param change what happens to it
     * @param channel the channel it belongs to
     * @param user the character's user (present exactly for {@link RecordKind#CHARACTER})
     * @param npc the NPC's id (present exactly for {@link RecordKind#NPC})
     * @param name its name (after the restore, or before when removed)
     */
    public record RecordDiff(RecordKind kind, DiffKind change, ChannelId channel, Optional<UserId> user,
                             Optional<NpcId> npc, String name) {
        /**
         * Validates that the ids fit the kind.
         *
         * @param kind the record kind
         * @param change what happens to it
         * @param channel the channel it belongs to
         * @param user the character's user (present exactly for characters)
         * @param npc the NPC's id (present exactly for NPCs)
         * @param name its name
         */
        public RecordDiff {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(npc, "npc");
            Objects.requireNonNull(name, "name");
            if (user.isPresent() != (kind == RecordKind.CHARACTER) || npc.isPresent() != (kind == RecordKind.NPC)) {
                throw new IllegalArgumentException("a " + kind + " diff names " + (user.isPresent() ? "a user" : "no user")
                        + " and " + (npc.isPresent() ? "an NPC" : "no NPC"));
            }
        }

        /**
         * A campaign's diff.
         *
         * @param change what happens to it
         * @param channel its channel
         * @param name its name
         * @return the diff
         */
        public static RecordDiff campaign(DiffKind change, ChannelId channel, String name) {
            return new RecordDiff(RecordKind.CAMPAIGN, change, channel, Optional.empty(), Optional.empty(), name);
        }

        /**
         * A character's diff.
         *
         * @param change what happens to it
         * @param channel its channel
         * @param user its user
         * @param name its name
         * @return the diff
         */
        public static RecordDiff character(DiffKind change, ChannelId channel, UserId user, String name) {
            return new RecordDiff(RecordKind.CHARACTER, change, channel, Optional.of(user), Optional.empty(), name);
        }

        /**
         * An NPC's diff.
         *
         * @param change what happens to it
         * @param channel its channel
         * @param npc its id
         * @param name its name
         * @return the diff
         */
        public static RecordDiff npc(DiffKind change, ChannelId channel, NpcId npc, String name) {
            return new RecordDiff(RecordKind.NPC, change, channel, Optional.empty(), Optional.of(npc), name);
        }
    }

    /**
     * The changes a restore makes to one guild.
     *
     * @param guild the guild
     * @param changes the record changes, campaigns first
     */
    public record GuildDiff(GuildId guild, List<RecordDiff> changes) {
        /**
         * Copies the list.
         *
         * @param guild the guild
         * @param changes the record changes, campaigns first
         */
        public GuildDiff {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Outcome of {@link #restore}.
     *
     * @param backup the backup restored (its id, time, sequence, size and kind)
     * @param dryRun whether nothing was changed
     * @param sequence sequence number of the restored state (after a real restore)
     * @param safetyBackupId the backup of the previous state taken first (empty in a dry run or when
     *                       the previous state was unreadable; its files were then moved aside)
     * @param diffs per guild, what changes (guilds without changes omitted)
     * @param currentRecovery how the current (pre-restore) state loaded, the state the diffs start
     *                        from: its events say when the current files are damaged and the diffs
     *                        are against what recovery makes of them; empty when it cannot be loaded
     * @param currentUnloadable why the current state cannot be loaded at all (the diffs then start
     *                          from an empty state); present exactly when {@code currentRecovery} is empty
     */
    public record RestoreResult(BackupInfo backup, boolean dryRun, long sequence, Optional<String> safetyBackupId,
                                List<GuildDiff> diffs, Optional<RecoveryReport> currentRecovery,
                                Optional<String> currentUnloadable) {
        /**
         * Copies the list and checks that exactly one of the current state's report and problem is present.
         *
         * @param backup the backup restored
         * @param dryRun whether nothing was changed
         * @param sequence sequence number of the restored state (after a real restore)
         * @param safetyBackupId the backup of the previous state taken first (empty in a dry run or when the previous state was unreadable; its files were then moved aside)
         * @param diffs per guild, what changes (guilds without changes omitted)
         * @param currentRecovery how the current (pre-restore) state loaded; empty when it cannot be loaded
         * @param currentUnloadable why the current state cannot be loaded; present exactly when {@code currentRecovery} is empty
         */
        public RestoreResult {
            Objects.requireNonNull(backup, "backup");
            diffs = List.copyOf(diffs);
            Objects.requireNonNull(currentRecovery, "currentRecovery");
            Objects.requireNonNull(currentUnloadable, "currentUnloadable");
            if (currentRecovery.isPresent() == currentUnloadable.isPresent()) {
                throw new IllegalArgumentException("exactly one of currentRecovery and currentUnloadable must be present");
            }
        }

        /**
         * The id of the backup restored.
         *
         * @return {@code backup().id()}
         */
        public String backupId() {
            return backup.id();
        }
    }

    /**
     * Outcome of {@link #prune}.
     *
     * @param dryRun whether nothing was deleted
     * @param removed backups deleted (or that would be)
     * @param kept backups kept
     */
    public record PruneResult(boolean dryRun, List<BackupInfo> removed, List<BackupInfo> kept) {
        /**
         * Copies the lists.
         *
         * @param dryRun whether nothing was deleted
         * @param removed backups deleted (or that would be)
         * @param kept backups kept
         */
        public PruneResult {
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }
    }

    // ------------------------------------------------------------------ read-only

    /**
     * What the post log in {@code posts/} holds, read without changing anything.
     *
     * @param posts posts kept
     * @param bytes bytes of its valid lines
     * @param segments segment files
     * @param problems damage found, one line each (empty when healthy)
     * @param dataLost whether events may have been lost to damage
     */
    public record PostLogSummary(int posts, long bytes, int segments, List<String> problems, boolean dataLost) {
        /**
         * Copies the list.
         *
         * @param posts posts kept
         * @param bytes bytes of its valid lines
         * @param segments segment files
         * @param problems damage found, one line each (empty when healthy)
         * @param dataLost whether events may have been lost to damage
         */
        public PostLogSummary {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads the post log (what the bot posted as characters and NPCs) without taking the lock.
     *
     * @return its summary
     * @throws StoreException if it cannot be read (damage is reported in the summary instead)
     */
    public PostLogSummary postLog() {
        try {
            JsonPostLog.Loaded loaded = JsonPostLog.load(fs, dir, config);
            return new PostLogSummary(loaded.index().size(), loaded.bytes(), loaded.segments().size(),
                    loaded.events(), loaded.dataLost());
        } catch (IOException e) {
            throw new StoreException("cannot read the post log in " + JsonPostLog.dir(dir) + ": "
                    + IoProblems.describe(e), e);
        }
    }

    /**
     * The posts of the post log, read without taking the lock or changing anything (what an offline
     * scene transcript is made from). Damaged lines are skipped, as on open; {@link #postLog()}
     * reports them.
     *
     * @return the posts, in a log that lives in memory only
     * @throws StoreException if it cannot be read
     */
    public PostLog readPostLog() {
        try {
            return JsonPostLog.load(fs, dir, config).index();
        } catch (IOException e) {
            throw new StoreException("cannot read the post log in " + JsonPostLog.dir(dir) + ": "
                    + IoProblems.describe(e), e);
        }
    }

    /**
     * PID of the process holding the directory lock.
     *
     * @return the PID, -1 if held but the PID is unreadable, empty when nobody holds it
     */
    public OptionalLong lockHolder() {
        if (!fs.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        return DirectoryLock.holder(dir);
    }


    /**
     * Reads a consistent state without taking the lock and without changing anything. Falls back to
     * backups exactly like recovery. Loads once, unless the directory changed during the load (a
     * running writer checkpointed: the manifest, the journal files or the snapshot files differ
     * before and after); then loads again, a few times at most. A damaged directory that nothing is
     * changing is loaded once, whether recovery reports events or finds nothing valid. A file that
     * vanishes during the load also counts as a change.
     *
     * @return the state
     * @throws DataDamagedException if nothing valid can be read
     */
    public Contents read() {
        return read(ProgressListener.NONE);
    }

    /**
     * {@link #read()}, telling a listener when the load starts and ends.
     *
     * @param listener told the progress
     * @return the state
     * @throws DataDamagedException if nothing valid can be read
     */
    public Contents read(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        listener.progress(Verifier.LOADING, 0, 1);
        Loader.Loaded result = reader.load();
        listener.progress(Verifier.LOADING, 1, 1);
        return new Contents(result.seq(), result.guilds(), result.warnings(), result.report(List.of()));
    }

    /**
     * Reads one guild's state without taking the lock and without changing anything, as
     * {@link #read()} would find it, at the cost of a scan rather than a parse of every guild: the
     * manifest, the snapshot files' sizes and checksums and every journal line are checked as by
     * {@link #read()} (a damaged file is reported in the report and never trusted; recovery falls
     * back to a backup exactly as {@link #read()} does), but only this guild's records are built
     * and only its journal entries applied. Files are read as by the store: no link followed, sizes
     * bounded.
     *
     * @param guild the guild
     * @return its state (empty if it has no records) and how it was found
     * @throws DataDamagedException if nothing valid can be read
     */
    public GuildContents readGuild(GuildId guild) {
        return readGuild(guild, ProgressListener.NONE);
    }

    /**
     * {@link #readGuild(GuildId)}, telling a listener when the load starts and ends.
     *
     * @param guild the guild
     * @param listener told the progress
     * @return its state and how it was found
     * @throws DataDamagedException if nothing valid can be read
     */
    public GuildContents readGuild(GuildId guild, ProgressListener listener) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(listener, "listener");
        listener.progress(Verifier.LOADING, 0, 1);
        Loader.Loaded result = reader.load(guild);
        listener.progress(Verifier.LOADING, 1, 1);
        return new GuildContents(result.seq(), result.guilds().getOrDefault(guild, GuildState.empty(guild)),
                result.warnings(), result.report(List.of()));
    }

    /**
     * Checks everything: manifest, snapshot files (shape, checksums), journals (checksums,
     * sequence), every backup, and the recovered state's referential integrity (characters or NPCs
     * in a channel without campaign, characters of users who are not players, GM listed as a
     * player) and values breaking today's input rules.
     *
     * <p>Loads the state once (as {@link #read()} does) to check the records and to tell whether it
     * is loadable.
     *
     * @return the problems found, errors first, and how the state loads (empty when it cannot)
     * @throws StoreException if the directory cannot be read at all (an I/O failure, not damage)
     */
    public Verification verify() {
        return verify(ProgressListener.NONE);
    }

    /**
     * {@link #verify()}, telling a listener how far it has come: files and backups checked, the
     * load, guilds whose records were checked, the post log.
     *
     * @param listener told the progress
     * @return the problems found, errors first, and how the state loads (empty when it cannot)
     * @throws StoreException if the directory cannot be read at all (an I/O failure, not damage)
     */
    public Verification verify(ProgressListener listener) {
        return verifier.verify(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Restores a backup. Computes the per-guild difference between the current state and the
     * backup; unless {@code dryRun}, takes the lock, writes a safety backup of the current state
     * (a full checkpoint), then replaces the state atomically with the backup's (manifest switch;
     * an interrupted restore recovers to either the old or the restored state, never a mix), and
     * discards the old journals.
     *
     * <p>A dry run costs what differs: when the live snapshot and a native backup are both in the
     * store's own layout and match their manifests (size and CRC32C of every byte), each guild's
     * entries are compared byte for byte and only the guilds whose entries differ, or that the
     * journal after the snapshot touches, are parsed and compared as records; the difference is
     * the one a comparison of every guild finds. The current state's report then lists the
     * warnings of those guilds only. Otherwise (damage, a seed-style backup, most guilds
     * differing, a checkpoint during the read) every guild of both is parsed, as a real restore does.
     *
     * @param backupId a backup id from {@link #backups(boolean)}, or {@code "latest"} for the newest valid one
     * @param dryRun compute the difference only
     * @return the difference, how the current state loaded (or why it cannot), and, after a real
     *         restore, the safety backup's id
     * @throws dev.campaignkeeper.core.error.DataDirectoryLockedException if a writer holds the directory
     * @throws NotFoundException if no backup has that id, or for {@code "latest"} if no backup is valid
     * @throws InvalidInputException if the backup named is not valid (damaged or incomplete)
     * @throws StoreException if reading or writing the directory fails
     */
    public RestoreResult restore(String backupId, boolean dryRun) {
        return restore(backupId, dryRun, ProgressListener.NONE);
    }

    /**
     * {@link #restore(String, boolean)}, telling a listener how far it has come.
     *
     * @param backupId a backup id from {@link #backups(boolean)}, or {@code "latest"} for the newest valid one
     * @param dryRun compute the difference only
     * @param listener told the progress
     * @return the difference, how the current state loaded (or why it cannot), and, after a real
     *         restore, the safety backup's id
     * @throws dev.campaignkeeper.core.error.DataDirectoryLockedException if a writer holds the directory
     * @throws NotFoundException if no backup has that id, or for {@code "latest"} if no backup is valid
     * @throws InvalidInputException if the backup named is not valid (damaged or incomplete)
     * @throws StoreException if reading or writing the directory fails
     */
    public RestoreResult restore(String backupId, boolean dryRun, ProgressListener listener) {
        return restorer.restore(backupId, dryRun, Objects.requireNonNull(listener, "listener"));
    }

    /** The per-guild difference between two states (see {@link RestoreResult#diffs()}). */
    static List<GuildDiff> diff(Map<GuildId, GuildState> before, Map<GuildId, GuildState> after) {
        return Restorer.diff(before, after);
    }

    /**
     * File sizes, sequence numbers, journal entries since the last checkpoint, last write time.
     *
     * @return the statistics
     */
    public Stats stats() {
        try {
            Map<String, Long> sizes = new LinkedHashMap<>();
            long total = 0;
            for (Path path : fs.list(dir)) {
                if (!fs.isDirectory(path)) {
                    long size = fs.size(path);
                    total += size;
                    String name = path.getFileName().toString();
                    if (!name.startsWith(".")) {
                        sizes.put(name, size);
                    }
                }
            }
            List<Backups.Ref> backups = Backups.list(fs, dir);
            for (Backups.Ref ref : backups) {
                total += Backups.size(fs, ref);
            }
            Path posts = JsonPostLog.dir(dir);
            if (fs.kind(posts) == FileSystemOps.Kind.DIRECTORY) {
                for (Path segment : fs.list(posts)) {
                    total += fs.size(segment);
                }
            }
            Optional<Manifest> manifest = reader.manifestQuietly();
            long from = manifest.map(Manifest::journalFrom).orElse(0L);
            long snapshotSeq = manifest.map(Manifest::seq).orElse(0L);
            long entries = 0;
            long lastWrite = -1;
            for (Path journal : Journal.list(fs, dir)) {
                if (Journal.generation(journal) < from) {
                    continue;
                }
                long[] count = {0};
                try (InputStream in = fs.openRead(journal)) {
                    Journal.scan(in, (line, length, offset) -> count[0]++);
                } catch (UnsafeFileException e) {
                    continue; // not read; verify and recovery report it
                }
                entries += count[0];
                if (count[0] > 0) {
                    lastWrite = Math.max(lastWrite, fs.lastModifiedMillis(journal));
                }
            }
            return new Stats(lockHolder(), sizes, total, snapshotSeq, entries,
                    lastWrite < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastWrite)),
                    manifest.map(Manifest::writtenAt), backups.size());
        } catch (IOException e) {
            throw new StoreException("cannot inspect " + dir + ": " + IoProblems.describe(e), e);
        }
    }

    /**
     * Lists backups, newest first.
     *
     * @param verify whether to read every backup completely (parse and checksums); when false,
     *               {@code valid} only says its manifest is readable and its files exist
     * @return the backups
     */
    public List<BackupInfo> backups(boolean verify) {
        try {
            List<BackupInfo> infos = new ArrayList<>();
            for (Backups.Ref ref : Backups.list(fs, dir)) {
                infos.add(verify ? Backups.info(fs, ref, true) : cheapInfo(ref));
            }
            return infos;
        } catch (IOException e) {
            throw new StoreException("cannot list backups in " + dir + ": " + IoProblems.describe(e), e);
        }
    }

    private BackupInfo cheapInfo(Backups.Ref ref) {
        Optional<String> problem = Optional.empty();
        if (!ref.seedStyle()) {
            Path backup = ref.paths().get(0);
            FileSystemOps.Kind kind = fs.kind(backup);
            if (kind != FileSystemOps.Kind.DIRECTORY) {
                return new BackupInfo(ref.id(), ref.time(), ref.seq(), 0, false, false, Optional.of(
                        kind == FileSystemOps.Kind.LINK ? "is a symbolic link (never followed)" : "is not a directory"));
            }
            try (InputStream in = fs.openRead(backup.resolve(Backups.MANIFEST))) {
                Manifest.decode(in);
                for (String file : SeedFormat.FILES) {
                    if (!fs.exists(backup.resolve(Backups.gzName(file)))) {
                        problem = Optional.of(Backups.gzName(file) + " is missing");
                    }
                }
            } catch (FormatException e) {
                problem = Optional.of(Backups.MANIFEST + ": " + e.getMessage());
            } catch (IOException e) {
                problem = Optional.of(Backups.MANIFEST + ": " + IoProblems.reason(e));
            }
        }
        return new BackupInfo(ref.id(), ref.time(), ref.seq(), Backups.size(fs, ref), problem.isEmpty(),
                ref.seedStyle(), problem);
    }

    /**
     * Applies the retention policy of this handle's configuration to native backups (seed-style
     * backups are never pruned). The newest valid backup is always kept. Unless {@code dryRun},
     * takes the lock and deletes.
     *
     * @param dryRun report only
     * @return what is (or would be) removed and kept
     * @throws dev.campaignkeeper.core.error.DataDirectoryLockedException if a writer holds the directory
     */
    public PruneResult prune(boolean dryRun) {
        try {
            if (dryRun) {
                return pruneUnlocked(true);
            }
            try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
                return pruneUnlocked(false);
            }
        } catch (IOException e) {
            throw new StoreException("prune in " + dir + " failed: " + IoProblems.describe(e), e);
        }
    }

    private PruneResult pruneUnlocked(boolean dryRun) throws IOException {
        List<Backups.Ref> refs = Backups.list(fs, dir);
        String newestValid = null;
        for (Backups.Ref ref : refs) {
            if (!ref.seedStyle() && Backups.info(fs, ref, true).valid()) {
                newestValid = ref.id();
                break;
            }
        }
        List<Backups.Ref> remove = new DirectoryState(fs, config).prune(config.retention(), newestValid, dryRun);
        List<BackupInfo> removed = new ArrayList<>();
        List<BackupInfo> kept = new ArrayList<>();
        Set<String> removedIds = new TreeSet<>();
        remove.forEach(ref -> removedIds.add(ref.id()));
        for (Backups.Ref ref : refs) {
            BackupInfo info = new BackupInfo(ref.id(), ref.time(), ref.seq(),
                    dryRun || !removedIds.contains(ref.id()) ? Backups.size(fs, ref) : 0, true, ref.seedStyle(),
                    Optional.empty());
            (removedIds.contains(ref.id()) ? removed : kept).add(info);
        }
        return new PruneResult(dryRun, removed, kept);
    }

    /**
     * Opens the store (taking the lock, running recovery), writes a checkpoint and closes it.
     *
     * @return the checkpoint now in force: the sequence number the snapshot files hold and the
     *         backup written with them
     * @throws dev.campaignkeeper.core.error.DataDirectoryLockedException if a writer holds the directory
     */
    public Checkpoint checkpoint() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config.withCheckpointOnClose(false), fs)) {
            return store.writeCheckpoint();
        }
    }
}
