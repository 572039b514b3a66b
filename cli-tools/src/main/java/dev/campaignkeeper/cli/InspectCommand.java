package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.persistence.json.BackupInfo;
import dev.campaignkeeper.persistence.json.DataDirectory;
import dev.campaignkeeper.persistence.json.LoadWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin inspect}: what is in the data directory and who holds it. Read-only. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class, sortOptions = false,
        description = "Counts guilds, campaigns, characters and NPCs; lists the biggest guilds, file sizes,"
                + " journal entries since the last checkpoint, last write time, backups and whether a bot"
                + " holds the directory. Read-only: works while the bot runs.")
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "guilds to list, biggest first (default ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--json", description = "print one JSON document instead of tables")
    private boolean json;

    @Option(names = "--allow-empty", description = "accept a directory holding none of the store's files"
            + " (otherwise \"no data here\", exit 1)")
    private boolean allowEmpty;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new CliException(ExitCodes.USAGE, "--limit must be 0 or more");
        }
        if (database.isSet()) {
            return DatabaseInspect.run(admin, database, limit, json);
        }
        Path dir = admin.dataDirWithData(allowEmpty);
        DataDirectory store = admin.dataDirectory(dir);
        OptionalLong holder;
        Map<GuildId, GuildState> guildStates = new TreeMap<>(Records.GUILD_ORDER);
        long sequence = -1;
        List<DataDirectory.Problem> notes = new ArrayList<>();
        DataDirectory.Stats stats;
        DataDirectory.PostLogSummary posts;
        List<BackupInfo> backups;
        Optional<RuntimeException> unloadable = Optional.empty();
        try (Progress progress = admin.progress("inspect")) {
            progress.phase("checking the lock");
            holder = store.lockHolder();
            progress.phase("reading the state");
            try {
                DataDirectory.Contents contents = store.read(progress.listener());
                contents.guilds().forEach((id, state) -> {
                    if (!state.isEmpty()) {
                        guildStates.put(id, state);
                    }
                });
                sequence = contents.sequence();
                notes.addAll(notes(contents));
            } catch (DataDamagedException e) {
                // the files, backups and lock holder are what is needed to repair it: show them anyway
                unloadable = Optional.of(e);
            }
            progress.phase("measuring files and the journal");
            stats = store.stats();
            posts = store.postLog();
            progress.phase("listing backups");
            backups = store.backups(false);
        }
        Optional<BackupInfo> newestValid = backups.stream().filter(BackupInfo::valid)
                .max(Comparator.comparing(BackupInfo::time));

        int campaigns = 0;
        int characters = 0;
        int npcs = 0;
        List<GuildState> bySize = new ArrayList<>(guildStates.values());
        for (GuildState state : bySize) {
            campaigns += state.campaigns().size();
            characters += Records.characterCount(state);
            npcs += Records.npcCount(state);
        }
        bySize.sort(Comparator.comparingInt(GuildState::recordCount).reversed()
                .thenComparing(GuildState::guild, Records.GUILD_ORDER));
        List<GuildState> top = bySize.subList(0, Math.min(limit, bySize.size()));

        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("data_dir", dir.toAbsolutePath().toString());
            document.put("guilds", guildStates.size());
            document.put("campaigns", campaigns);
            document.put("characters", characters);
            document.put("npcs", npcs);
            List<Map<String, Object>> topJson = new ArrayList<>();
            for (GuildState state : top) {
                topJson.add(guildRow(state));
            }
            document.put("top_guilds", topJson);
            document.put("files", storeFiles(stats, true));
            document.put("other_files", new ArrayList<>(storeFiles(stats, false).keySet()));
            document.put("total_bytes", stats.totalBytes());
            document.put("journal_entries", stats.journalEntriesSinceCheckpoint());
            document.put("sequence", unloadable.isPresent() ? null : sequence);
            document.put("snapshot_sequence", stats.snapshotSequence());
            document.put("last_write", lastWrite(stats).map(Object::toString).orElse(null));
            document.put("last_checkpoint", stats.lastCheckpoint().map(Object::toString).orElse(null));
            document.put("posts", posts.posts());
            document.put("post_log_bytes", posts.bytes());
            document.put("backups", backups.size());
            document.put("newest_valid_backup", newestValid.map(b -> {
                Map<String, Object> backup = new LinkedHashMap<>();
                backup.put("id", b.id());
                backup.put("time", b.time().toString());
                return backup;
            }).orElse(null));
            document.put("locked", holder.isPresent());
            document.put("lock_pid", holder.isPresent() && holder.getAsLong() > 0 ? holder.getAsLong() : null);
            List<Map<String, Object>> notesJson = new ArrayList<>();
            notes.forEach(note -> notesJson.add(VerifyCommand.problemJson(note)));
            document.put("recovery_notes", notesJson);
            if (unloadable.isPresent()) {
                document.put("error", admin.message(unloadable.get()));
                document.put("exit", ExitCodes.DAMAGED);
            }
            admin.printJson(document);
            return unloadable.isPresent() ? ExitCodes.DAMAGED : ExitCodes.OK;
        }

        PrintWriter out = admin.out();
        out.println("Data directory: " + dir.toAbsolutePath());
        out.println("Bot lock:       " + (holder.isEmpty() ? "free (no bot running)"
                : "held by " + (holder.getAsLong() > 0 ? "PID " + holder.getAsLong() : "another process")));
        out.println();
        if (unloadable.isPresent()) {
            out.println("State:          DAMAGED BEYOND RECOVERY: nothing valid can be loaded (see below, then"
                    + " `campaign-admin backups` and `restore`)");
            out.println();
        } else {
            new Table("guilds", "campaigns", "characters", "npcs")
                    .row(guildStates.size(), campaigns, characters, npcs).print(out);
            out.println();
        }
        if (!top.isEmpty()) {
            printBiggest(out, top, bySize.size());
            out.println();
        }
        Table files = new Table("file", "bytes");
        storeFiles(stats, true).forEach(files::row);
        files.row("(total, backups included)", stats.totalBytes());
        files.print(out);
        out.println();
        Map<String, Long> others = storeFiles(stats, false);
        if (!others.isEmpty()) {
            out.println("Other files (not the store's, counted in the total): " + String.join(", ", others.keySet()));
            out.println();
        }
        out.println("Journal entries since last checkpoint: " + stats.journalEntriesSinceCheckpoint());
        out.println("Sequence number:                       " + (unloadable.isPresent() ? "-" : sequence)
                + " (snapshot at " + stats.snapshotSequence() + ")");
        out.println("Last write:                            " + lastWrite(stats).map(Object::toString).orElse("-"));
        out.println("Last checkpoint:                       "
                + stats.lastCheckpoint().map(Object::toString).orElse("- (never: a new or seed-format directory)"));
        out.println("Posts logged:                          " + posts.posts() + " (" + posts.bytes()
                + " bytes in posts/)");
        out.println("Backups:                               " + backups.size() + newestValid
                .map(b -> " (newest valid: " + b.id() + " at " + b.time() + ")").orElse(" (none valid)"));
        if (!notes.isEmpty()) {
            out.println();
            out.println("Recovery notes (run `campaign-admin verify` for details):");
            notes.forEach(note -> out.println("  " + note.file() + ": "
                    + (note.where().isEmpty() ? "" : note.where() + ": ") + note.message()));
        }
        out.flush();
        if (unloadable.isPresent()) {
            // the one-line reason on stderr, as for every failure, and exit 4
            admin.err().println("campaign-admin: " + admin.message(unloadable.get()));
            admin.err().flush();
            return ExitCodes.DAMAGED;
        }
        return ExitCodes.OK;
    }

    /**
     * The top-level files the store (or the seed's bot) writes, or the others (a stray
     * {@code notes.txt}), by name.
     */
    private static Map<String, Long> storeFiles(DataDirectory.Stats stats, boolean store) {
        Map<String, Long> files = new TreeMap<>();
        stats.fileSizes().forEach((name, size) -> {
            if (StoreFiles.isStoreFile(name) == store) {
                files.put(name, size);
            }
        });
        return files;
    }

    /** The last journal write, else the last checkpoint, else the newest snapshot file's time. */
    private static Optional<java.time.Instant> lastWrite(DataDirectory.Stats stats) {
        return stats.lastWrite().or(stats::lastCheckpoint);
    }

    /**
     * What loading had to repair (errors when data was lost, else warnings) and the values kept
     * although they break today's rules, as problems of the library's type.
     */
    static List<DataDirectory.Problem> notes(DataDirectory.Contents contents) {
        List<DataDirectory.Problem> notes = new ArrayList<>();
        DataDirectory.Severity severity = contents.report().dataLost() ? DataDirectory.Severity.ERROR
                : DataDirectory.Severity.WARNING;
        contents.report().events().forEach(event -> notes.add(new DataDirectory.Problem(severity, "recovery", "", event)));
        for (LoadWarning warning : contents.warnings()) {
            notes.add(new DataDirectory.Problem(DataDirectory.Severity.WARNING, warning.file(), warning.location(),
                    warning.message()));
        }
        return notes;
    }

    static Map<String, Object> guildRow(GuildState state) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("guild", state.guild().value());
        row.put("campaigns", state.campaigns().size());
        row.put("characters", Records.characterCount(state));
        row.put("npcs", Records.npcCount(state));
        row.put("records", state.recordCount());
        return row;
    }

    /** The biggest guilds, by record count, as a table headed with how many there are in all. */
    static void printBiggest(PrintWriter out, List<GuildState> top, int total) {
        out.println("Biggest guilds (top " + top.size() + " of " + total + "):");
        Table guilds = new Table("guild", "campaigns", "characters", "npcs", "records");
        for (GuildState state : top) {
            guilds.row(state.guild().value(), state.campaigns().size(), Records.characterCount(state),
                    Records.npcCount(state), state.recordCount());
        }
        guilds.print(out);
    }
}
