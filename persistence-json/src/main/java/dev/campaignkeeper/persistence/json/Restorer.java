package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.persistence.json.DataDirectory.DiffKind;
import dev.campaignkeeper.persistence.json.DataDirectory.GuildDiff;
import dev.campaignkeeper.persistence.json.DataDirectory.RecordDiff;
import dev.campaignkeeper.persistence.json.DataDirectory.RestoreResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link DataDirectory#restore(String, boolean, ProgressListener)}: the difference a restore makes
 * and, unless a dry run, the restore itself through {@link DirectoryState} (safety backup, then
 * the restored state as the new base).
 */
final class Restorer {

    static final String BACKUP = "reading the backup";
    static final String CURRENT = "reading the current state";
    static final String REPLACING = "taking a safety backup and replacing the state";

    private final JsonStoreConfig config;
    private final FileSystemOps fs;
    private final Path dir;
    private final ConsistentRead reader;

    Restorer(JsonStoreConfig config, FileSystemOps fs, ConsistentRead reader) {
        this.config = Objects.requireNonNull(config, "config");
        this.fs = Objects.requireNonNull(fs, "fs");
        this.dir = config.dataDir();
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Restores a backup. Computes the per-guild difference between the current state and the
     * backup; unless {@code dryRun}, takes the lock, writes a safety backup of the current state
     * (a full checkpoint), then replaces the state atomically with the backup's (manifest switch;
     * an interrupted restore recovers to either the old or the restored state, never a mix), and
     * discards the old journals.
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
    RestoreResult restore(String backupId, boolean dryRun, ProgressListener listener) {
        Objects.requireNonNull(backupId, "backupId");
        try {
            if (dryRun) {
                Optional<RestoreResult> fast = fastDryRun(backupId, listener);
                if (fast.isPresent()) {
                    return fast.get();
                }
            }
            Backups.Ref ref = resolve(backupId);
            Backups.Loaded restored;
            try {
                listener.progress(BACKUP, 0, 1);
                restored = Backups.load(fs, ref);
                listener.progress(BACKUP, 1, 1);
            } catch (FormatException e) {
                throw new InvalidInputException("backup " + ref.id() + " is not valid: " + e.getMessage(), e);
            }
            if (dryRun) {
                Optional<RecoveryReport> currentRecovery = Optional.empty();
                Optional<String> currentUnloadable = Optional.empty();
                Map<GuildId, GuildState> current = Map.of();
                try {
                    listener.progress(CURRENT, 0, 1);
                    Loader.Loaded contents = reader.load();
                    listener.progress(CURRENT, 1, 1);
                    current = contents.guilds();
                    currentRecovery = Optional.of(contents.report(List.of()));
                } catch (DataDamagedException e) {
                    currentUnloadable = Optional.of(String.valueOf(e.getMessage()));
                }
                return new RestoreResult(info(ref), true, -1, Optional.empty(), diff(current, restored.guilds()),
                        currentRecovery, currentUnloadable);
            }
            try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
                listener.progress(REPLACING, 0, 4);
                DirectoryState directory = new DirectoryState(fs, config);
                DirectoryState.Repaired current = null;
                Optional<String> currentUnloadable = Optional.empty();
                try {
                    current = directory.loadAndRepair();
                } catch (DataDamagedException e) {
                    // no safety backup possible; the unloadable files are moved aside below
                    currentUnloadable = Optional.of(String.valueOf(e.getMessage()));
                }
                listener.progress(REPLACING, 1, 4);
                long generation = directory.freeGeneration(current);
                Instant now = config.clock().instant();
                directory.startJournal(generation, 0).close();
                Optional<String> safety = Optional.empty();
                long seq;
                Map<GuildId, GuildState> before;
                if (current != null) {
                    Loader.Loaded loaded = current.loaded();
                    safety = Optional.of(directory.writeNewBase(loaded.guilds().values(), loaded.seq(), generation, now)
                            .backupId());
                    seq = loaded.seq() + 1;
                    before = loaded.guilds();
                } else {
                    directory.setAsideUnloadable();
                    seq = Math.max(1, ref.seq() + 1);
                    before = Map.of();
                }
                listener.progress(REPLACING, 2, 4);
                directory.writeNewBase(restored.guilds().values(), seq, generation, now.plusMillis(1));
                listener.progress(REPLACING, 3, 4);
                // entries a damaged journal holds were not replayed: it is kept for a person to look at
                List<Path> asideJournals = directory.retireJournals(generation,
                        current == null ? Set.of() : current.loaded().damagedJournals());
                Optional<RecoveryReport> currentRecovery = Optional.empty();
                if (current != null) {
                    List<Path> movedAside = new ArrayList<>(current.movedAside());
                    movedAside.addAll(asideJournals);
                    currentRecovery = Optional.of(current.loaded().report(movedAside));
                }
                listener.progress(REPLACING, 4, 4);
                return new RestoreResult(info(ref), false, seq, safety, diff(before, restored.guilds()),
                        currentRecovery, currentUnloadable);
            }
        } catch (IOException e) {
            throw new StoreException("restore in " + dir + " failed: " + IoProblems.describe(e)
                    + " (the directory recovers to the previous or the restored state on next open)", e);
        }
    }

    /**
     * The dry run compared at the cost of what differs ({@link RestoreDiff}), or empty when it
     * cannot be (then the full comparison runs). For {@code "latest"}, the first backup in recovery
     * order is taken when its files match its manifest, which is what the full resolution's check
     * finds for a backup the store wrote.
     */
    private Optional<RestoreResult> fastDryRun(String backupId, ProgressListener listener) throws IOException {
        Optional<Backups.Ref> ref;
        if (backupId.equals("latest")) {
            ref = Backups.recoveryOrder(Backups.list(fs, dir)).stream().findFirst();
        } else {
            ref = Backups.find(fs, dir, backupId);
        }
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        listener.progress(BACKUP, 0, 1);
        Optional<RestoreDiff.Result> compared = new RestoreDiff(fs, dir, reader).compare(ref.get());
        if (compared.isEmpty()) {
            return Optional.empty();
        }
        listener.progress(BACKUP, 1, 1);
        listener.progress(CURRENT, 0, 1);
        listener.progress(CURRENT, 1, 1);
        RestoreDiff.Result result = compared.get();
        return Optional.of(new RestoreResult(info(ref.get()), true, -1, Optional.empty(),
                diff(result.current(), result.restored()), Optional.of(result.report()), Optional.empty()));
    }

    private Backups.Ref resolve(String backupId) throws IOException {
        if (backupId.equals("latest")) {
            for (Backups.Ref ref : Backups.recoveryOrder(Backups.list(fs, dir))) {
                if (Backups.info(fs, ref, true).valid()) {
                    return ref;
                }
            }
            throw new NotFoundException("no valid backup in " + Backups.dir(dir));
        }
        return Backups.find(fs, dir, backupId)
                .orElseThrow(() -> new NotFoundException("no backup \"" + backupId + "\" in " + Backups.dir(dir)
                        + "; list them with the backups command"));
    }

    /** What is known of a backup that loaded completely: valid, by definition. */
    private BackupInfo info(Backups.Ref ref) {
        return new BackupInfo(ref.id(), ref.time(), ref.seq(), Backups.size(fs, ref), true, ref.seedStyle(),
                Optional.empty());
    }

    static List<GuildDiff> diff(Map<GuildId, GuildState> before, Map<GuildId, GuildState> after) {
        Set<GuildId> ids = new TreeSet<>(SeedFormat.GUILD_ORDER);
        ids.addAll(before.keySet());
        ids.addAll(after.keySet());
        List<GuildDiff> diffs = new ArrayList<>();
        for (GuildId guild : ids) {
            GuildState a = before.getOrDefault(guild, GuildState.empty(guild));
            GuildState b = after.getOrDefault(guild, GuildState.empty(guild));
            if (a.equals(b)) {
                continue;
            }
            List<RecordDiff> changes = new ArrayList<>();
            compare(index(a.campaigns(), Campaign::channel), index(b.campaigns(), Campaign::channel),
                    (change, channel, campaign) -> RecordDiff.campaign(change, channel, campaign.name()), changes);
            compare(index(a.characters(), c -> List.of(c.user(), c.channel())),
                    index(b.characters(), c -> List.of(c.user(), c.channel())),
                    (change, key, c) -> RecordDiff.character(change, c.channel(), c.user(), c.name()), changes);
            compare(index(npcs(a), n -> List.of(n.channel(), n.id())), index(npcs(b), n -> List.of(n.channel(), n.id())),
                    (change, key, n) -> RecordDiff.npc(change, n.channel(), n.id(), n.name()), changes);
            diffs.add(new GuildDiff(guild, changes));
        }
        return diffs;
    }

    private static List<Npc> npcs(GuildState state) {
        List<Npc> all = new ArrayList<>();
        state.npcsByChannel().values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    private static <K, T> Map<K, T> index(java.util.Collection<T> records, java.util.function.Function<T, K> key) {
        Map<K, T> indexed = new LinkedHashMap<>();
        records.forEach(record -> indexed.put(key.apply(record), record));
        return indexed;
    }

    /** Makes the diff of one record from what happens to it, its key and its value. */
    private interface DiffOf<K, T> {
        RecordDiff of(DiffKind change, K key, T record);
    }

    private static <K, T> void compare(Map<K, T> before, Map<K, T> after, DiffOf<K, T> diff, List<RecordDiff> out) {
        for (Map.Entry<K, T> entry : after.entrySet()) {
            T old = before.get(entry.getKey());
            if (old == null) {
                out.add(diff.of(DiffKind.ADDED, entry.getKey(), entry.getValue()));
            } else if (!old.equals(entry.getValue())) {
                out.add(diff.of(DiffKind.CHANGED, entry.getKey(), entry.getValue()));
            }
        }
        for (Map.Entry<K, T> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                out.add(diff.of(DiffKind.REMOVED, entry.getKey(), entry.getValue()));
            }
        }
    }

}
