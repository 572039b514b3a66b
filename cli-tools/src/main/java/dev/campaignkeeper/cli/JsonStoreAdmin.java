package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.persistence.json.BackupInfo;
import dev.campaignkeeper.persistence.json.ProgressListener;
import dev.campaignkeeper.persistence.json.DataDirectory;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.json.LoadWarning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** {@link StoreAdmin} on persistence-json's {@link DataDirectory} admin API (default settings). */
final class JsonStoreAdmin implements StoreAdmin {

    private static DataDirectory at(Path dir) {
        return DataDirectory.at(dir);
    }

    @Override
    public View read(Path dir) {
        return read(dir, ProgressListener.NONE);
    }

    @Override
    public View read(Path dir, ProgressListener listener) {
        DataDirectory.Contents contents = at(dir).read(listener);
        TreeMap<GuildId, GuildState> guilds = new TreeMap<>(Records.GUILD_ORDER);
        contents.guilds().forEach((id, state) -> {
            if (!state.isEmpty()) {
                guilds.put(id, state);
            }
        });
        List<Problem> notes = new ArrayList<>();
        String severity = contents.report().dataLost() ? "error" : "warning";
        contents.report().events().forEach(event -> notes.add(new Problem(severity, "recovery", "", event)));
        for (LoadWarning warning : contents.warnings()) {
            notes.add(new Problem("warning", warning.file(), warning.location(), warning.message()));
        }
        return new View(guilds, contents.sequence(), notes);
    }

    /** Names the store (or the seed's bot) writes at the top of a data directory. */
    private static final java.util.Set<String> STORE_FILES = java.util.Set.of("campaigns.json", "characters.json",
            "npcs.json", "manifest.json", "backups", "posts");

    @Override
    public boolean holdsData(Path dir) {
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).anyMatch(JsonStoreAdmin::isStoreFile);
        } catch (java.io.IOException e) {
            return true; // unreadable: let the command report what it cannot read
        }
    }

    /**
     * Whether a top-level name is one the store (or the seed's bot) writes: the snapshot files,
     * the manifest, journals, backups, and damaged files moved aside ({@code *.corrupt-*}).
     *
     * @param name a file name in the data directory
     * @return false for anything else
     */
    static boolean isStoreFile(String name) {
        String base = name.contains(".corrupt-") ? name.substring(0, name.indexOf(".corrupt-")) : name;
        return STORE_FILES.contains(base) || base.startsWith("journal-") && base.endsWith(".log");
    }

    @Override
    public PostLog readPosts(Path dir) {
        return at(dir).readPostLog();
    }

    @Override
    public OptionalLong lockHolder(Path dir) {
        return at(dir).lockHolder();
    }

    @Override
    public Stats stats(Path dir) {
        DataDirectory data = at(dir);
        DataDirectory.Stats stats = data.stats();
        DataDirectory.PostLogSummary posts = data.postLog();
        return new Stats(stats.fileSizes(), stats.totalBytes(), stats.snapshotSequence(),
                stats.journalEntriesSinceCheckpoint(), stats.lastWrite(), stats.lastCheckpoint(), posts.posts(),
                posts.bytes());
    }

    @Override
    public Verification verify(Path dir) {
        return verify(dir, ProgressListener.NONE);
    }

    @Override
    public Verification verify(Path dir, ProgressListener listener) {
        DataDirectory.Verification verification = at(dir).verify(listener);
        List<Problem> problems = new ArrayList<>();
        for (DataDirectory.Problem problem : verification.problems()) {
            problems.add(new Problem(problem.severity().name().toLowerCase(Locale.ROOT), problem.file(),
                    problem.where(), problem.message()));
        }
        return new Verification(problems, verification.loadable());
    }

    @Override
    public List<Backup> backups(Path dir, boolean verify) {
        List<Backup> backups = new ArrayList<>();
        at(dir).backups(verify).forEach(info -> backups.add(backup(info)));
        return backups;
    }

    private static Backup backup(BackupInfo info) {
        return new Backup(info.id(), info.time(), info.seq() < 0 ? OptionalLong.empty() : OptionalLong.of(info.seq()),
                info.sizeBytes(), info.valid(), info.seedStyle() ? "seed" : "native", info.problem().orElse(""));
    }

    @Override
    public Restore restore(Path dir, String id, boolean dryRun) {
        return restore(dir, id, dryRun, ProgressListener.NONE);
    }

    @Override
    public Restore restore(Path dir, String id, boolean dryRun, ProgressListener listener) {
        DataDirectory data = at(dir);
        DataDirectory.RestoreResult result = data.restore(id == null ? "latest" : id, dryRun, listener);
        Backup backup = data.backups(false).stream().map(JsonStoreAdmin::backup)
                .filter(b -> b.id().equals(result.backupId())).findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.PROBLEMS, "backup " + result.backupId()
                        + " disappeared from " + dir.resolve("backups")));
        List<StateDiff.Change> changes = new ArrayList<>();
        for (DataDirectory.GuildDiff guild : result.diffs()) {
            for (DataDirectory.RecordDiff diff : guild.changes()) {
                changes.add(new StateDiff.Change(guild.guild(), diff.kind().name().toLowerCase(Locale.ROOT),
                        diff.change().name().toLowerCase(Locale.ROOT), where(diff), diff.name()));
            }
        }
        List<String> damage = result.currentRecovery().map(report -> report.events()).orElse(List.of());
        return new Restore(backup, result.dryRun(), result.safetyBackupId(), changes, damage,
                result.currentUnloadable());
    }

    private static String where(DataDirectory.RecordDiff diff) {
        String[] parts = diff.key().split("/", 2);
        return switch (diff.kind()) {
            case CAMPAIGN -> "channel " + diff.key();
            case CHARACTER -> parts.length == 2 ? "channel " + parts[1] + " user " + parts[0] : diff.key();
            case NPC -> parts.length == 2 ? "channel " + parts[0] + " npc " + parts[1] : diff.key();
        };
    }

    @Override
    public List<Backup> prune(Path dir, boolean dryRun) {
        List<Backup> removed = new ArrayList<>();
        at(dir).prune(dryRun).removed().forEach(info -> removed.add(backup(info)));
        return removed;
    }

    @Override
    public long checkpoint(Path dir) {
        return at(dir).checkpoint().sequence();
    }

    @Override
    public CampaignStore openForWrite(Path dir) {
        return JsonCampaignStore.open(JsonStoreConfig.defaults(dir));
    }

    @Override
    public Optional<String> safetyBackup(CampaignStore store, Path dir) {
        return Optional.of(((JsonCampaignStore) store).writeCheckpoint().backupId());
    }

    @Override
    public String writeExport(CampaignExport export) {
        return ExportJson.write(export);
    }

    @Override
    public CampaignExport readExport(String json) {
        return ExportJson.read(json);
    }
}
