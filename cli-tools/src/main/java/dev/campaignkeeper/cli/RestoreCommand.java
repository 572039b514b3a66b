package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.persistence.json.BackupInfo;
import dev.campaignkeeper.persistence.json.DataDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin restore (--latest | ID) [--dry-run] [--yes]}. */
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class, sortOptions = false,
        description = {"Replaces the current state by a backup's. Shows what would change (campaigns,"
                + " characters, NPCs added / removed / changed, per guild), asks for confirmation unless"
                + " --yes, takes a safety backup of the current state, then replaces the state atomically.",
                "Refused with exit 3 while a bot holds the directory (--dry-run works anyway);"
                        + " exit 1 if you decline."})
final class RestoreCommand implements Callable<Integer> {

    /** Longest diff table printed; --json lists everything. */
    private static final int MAX_ROWS = 200;

    @ParentCommand
    private CampaignAdmin admin;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    static final class Which {
        @Option(names = "--latest", required = true,
                description = "restore the newest valid backup (the store's own backups first, then the seed's)")
        boolean latest;

        @Parameters(paramLabel = "ID", description = "the backup to restore (see `campaign-admin backups`)")
        String id;
    }

    @Option(names = "--dry-run", description = "show what would change, change nothing")
    private boolean dryRun;

    @Option(names = "--yes", description = "do not ask for confirmation")
    private boolean yes;

    @Option(names = "--json", description = "print one JSON document (requires --yes or --dry-run)")
    private boolean json;

    @Option(names = "--remote", description = "fetch the backup from the off-site copies first (see --offsite);"
            + " with --latest, the newest complete one there")
    private boolean remote;

    @picocli.CommandLine.Mixin
    private OffsiteOptions offsite = new OffsiteOptions();

    @Override
    public Integer call() throws IOException {
        if (database.isSet()) {
            throw DatabaseOption.useDatabaseTools("restore");
        }
        Path dir = admin.existingDataDir();
        DataDirectory store = admin.dataDirectory(dir);
        if (json && !dryRun && !yes) {
            throw new CliException(ExitCodes.USAGE, "restore --json needs --yes or --dry-run (no prompt in JSON mode)");
        }
        if (!dryRun) {
            admin.requireUnlocked(dir, "restore");
        }
        String id = which.latest ? null : which.id;
        if (remote) {
            id = RemoteBackups.download(admin, offsite, dir, id);
        }
        DataDirectory.RestoreResult preview;
        try (Progress progress = admin.progress("restore")) {
            progress.phase("reading the backup and comparing it with the current state");
            preview = restore(store, id, true, progress);
        } catch (NotFoundException e) {
            if (id != null) {
                throw new CliException(ExitCodes.USAGE, "no backup with id " + id + " in "
                        + dir.toAbsolutePath().resolve("backups") + " (see `campaign-admin backups`)", e);
            }
            throw new CliException(ExitCodes.PROBLEMS, e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new CliException(ExitCodes.PROBLEMS, e.getMessage() + "; choose another (see `campaign-admin backups`)",
                    e);
        }
        if (!json) {
            printDiff(admin.out(), preview);
            printDamage(admin.out(), preview);
        }
        if (dryRun) {
            if (json) {
                admin.printJson(document(preview));
            } else {
                admin.out().println("Dry run: nothing was changed.");
                admin.out().flush();
            }
            return ExitCodes.OK;
        }
        if (!yes && !confirm(preview.backup())) {
            admin.err().println("campaign-admin: restore of backup " + preview.backup().id()
                    + " cancelled; nothing was changed");
            admin.err().flush();
            return ExitCodes.PROBLEMS;
        }
        DataDirectory.RestoreResult done;
        try (Progress progress = admin.progress("restore")) {
            progress.phase("taking a safety backup and replacing the state");
            done = restore(store, preview.backupId(), false, progress);
        }
        if (json) {
            admin.printJson(document(done));
        } else {
            admin.out().println("Restored backup " + done.backup().id() + "." + done.safetyBackupId()
                    .map(safety -> " The previous state is kept as safety backup " + safety + ".")
                    .orElse(" The previous state could not be read, so no safety backup was taken;"
                            + " its damaged files were moved aside."));
            admin.out().flush();
        }
        return ExitCodes.OK;
    }

    private boolean confirm(BackupInfo backup) throws IOException {
        PrintWriter err = admin.err();
        err.print("Restore backup " + backup.id() + "? The current state is saved as a safety backup first."
                + " [y/N] ");
        err.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(admin.stdin(), StandardCharsets.UTF_8));
        String answer = reader.readLine();
        if (answer == null) {
            err.println();
            return false;
        }
        String normalized = answer.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }

    /** Says when the live files are damaged: the diff is then against the state recovery would produce. */
    private static void printDamage(PrintWriter out, DataDirectory.RestoreResult preview) {
        if (preview.currentUnloadable().isPresent()) {
            out.println("Note: the current state cannot be loaded (" + Table.oneLine(preview.currentUnloadable().get())
                    + "); restoring rewrites it from the backup.");
        } else if (!currentDamage(preview).isEmpty()) {
            out.println("Note: the current files are damaged; the changes above are against the state the store"
                    + " recovers from them. Restoring rewrites the files from the backup. Recovery found:");
            currentDamage(preview).forEach(event -> out.println("  " + event));
        }
        out.flush();
    }

    private static void printDiff(PrintWriter out, DataDirectory.RestoreResult restore) {
        BackupInfo backup = restore.backup();
        List<StateDiff.Change> changes = changes(restore);
        out.println("Backup " + backup.id() + " (" + backup.time() + (backup.sequence().isPresent()
                ? ", sequence " + backup.sequence().getAsLong() : "") + ", " + backup.kind() + ")");
        if (changes.isEmpty()) {
            out.println("Restoring it changes no record: it holds the same records as the current state.");
        } else {
            out.println("Restoring it changes " + changes.size() + (changes.size() == 1 ? " record:" : " records:"));
            Table table = new Table("guild", "record", "change", "where", "name");
            changes.stream().limit(MAX_ROWS).forEach(c -> table.row(c.guild().value(), c.record(), c.change(),
                    c.where(), c.name()));
            table.print(out);
            if (changes.size() > MAX_ROWS) {
                out.println("... and " + (changes.size() - MAX_ROWS) + " more (--json lists every change)");
            }
            StringBuilder summary = new StringBuilder("Summary:");
            StateDiff.summary(changes).forEach((record, counts) -> summary.append(' ').append(record).append("s +")
                    .append(counts.get("added")).append(" -").append(counts.get("removed")).append(" ~")
                    .append(counts.get("changed")).append(';'));
            out.println(summary.substring(0, summary.length() - 1));
        }
        out.flush();
    }

    /** Runs the restore (or its dry run) on the library, telling the listener how far it has come. */
    private static DataDirectory.RestoreResult restore(DataDirectory store, String id, boolean dryRun, Progress progress) {
        return store.restore(id == null ? "latest" : id, dryRun, progress.listener());
    }

    /** What recovery found in the current files (empty when they are intact or cannot be loaded at all). */
    private static List<String> currentDamage(DataDirectory.RestoreResult restore) {
        return restore.currentRecovery().map(report -> report.events()).orElse(List.of());
    }

    /** The record changes, one row each, guilds in order. */
    static List<StateDiff.Change> changes(DataDirectory.RestoreResult restore) {
        List<StateDiff.Change> changes = new ArrayList<>();
        for (DataDirectory.GuildDiff guild : restore.diffs()) {
            for (DataDirectory.RecordDiff diff : guild.changes()) {
                changes.add(new StateDiff.Change(guild.guild(), diff.kind().name().toLowerCase(Locale.ROOT),
                        diff.change().name().toLowerCase(Locale.ROOT), where(diff), diff.name()));
            }
        }
        return changes;
    }

    private static String where(DataDirectory.RecordDiff diff) {
        return "channel " + diff.channel() + diff.user().map(user -> " user " + user).orElse("")
                + diff.npc().map(npc -> " npc " + npc).orElse("");
    }

    private static Map<String, Object> document(DataDirectory.RestoreResult restore) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("backup", BackupsCommand.backupJson(restore.backup()));
        document.put("dry_run", restore.dryRun());
        document.put("restored", !restore.dryRun());
        document.put("safety_backup", restore.safetyBackupId().orElse(null));
        List<StateDiff.Change> changes = changes(restore);
        document.put("summary", StateDiff.summary(changes));
        List<Object> list = new ArrayList<>();
        changes.forEach(c -> list.add(c.toJson()));
        document.put("changes", list);
        return document;
    }
}
