package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.DataDamagedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin restore (--latest | ID) [--dry-run] [--yes]}. */
@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replaces the current state by a backup's. Shows what would change (campaigns,"
                + " characters, NPCs added / removed / changed, per guild), asks for confirmation unless"
                + " --yes, takes a safety backup of the current state, then replaces the state atomically.",
                "Refused with exit 3 while a bot holds the directory (--dry-run works anyway);"
                        + " exit 1 if you decline."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    static final class Which {
        @Option(names = "--latest", required = true, description = "restore the newest valid backup")
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

    @Override
    public Integer call() throws IOException {
        Path dir = admin.existingDataDir();
        StoreAdmin store = admin.store();
        if (!dryRun) {
            admin.requireUnlocked(dir, "restore");
        }
        if (json && !dryRun && !yes) {
            throw new CliException(ExitCodes.USAGE, "restore --json needs --yes or --dry-run (no prompt in JSON mode)");
        }
        StoreAdmin.Backup backup = choose(store.backups(dir), dir);

        List<StateDiff.Change> changes;
        List<StoreAdmin.Problem> currentNotes = new ArrayList<>();
        try (Progress progress = new Progress(admin.err(), admin.terminal(), "restore: comparing", 3)) {
            StoreAdmin.View current;
            try {
                current = store.read(dir);
                currentNotes.addAll(current.notes());
            } catch (DataDamagedException e) {
                currentNotes.add(new StoreAdmin.Problem("", "", "current state cannot be loaded: "
                        + Table.oneLine(e.getMessage())));
                current = new StoreAdmin.View(new TreeMap<>(Records.GUILD_ORDER), -1, List.of());
            }
            progress.update(1);
            StoreAdmin.View target = store.readBackup(dir, backup.id());
            progress.update(2);
            changes = StateDiff.between(current, target);
            progress.update(3);
        }

        if (!json) {
            printDiff(admin.out(), backup, changes, currentNotes);
        }
        if (dryRun) {
            if (json) {
                admin.printJson(document(backup, changes, true, null));
            } else {
                admin.out().println("Dry run: nothing was changed.");
                admin.out().flush();
            }
            return ExitCodes.OK;
        }
        if (!yes && !confirm(backup)) {
            admin.err().println("campaign-admin: restore of backup " + backup.id() + " cancelled; nothing was changed");
            admin.err().flush();
            return ExitCodes.PROBLEMS;
        }
        String safety;
        try (Progress progress = new Progress(admin.err(), admin.terminal(), "restore: replacing state", 1)) {
            safety = store.restore(dir, backup.id());
            progress.update(1);
        }
        if (json) {
            admin.printJson(document(backup, changes, false, safety));
        } else {
            admin.out().println("Restored backup " + backup.id() + ". The previous state is kept as safety backup "
                    + safety + ".");
            admin.out().flush();
        }
        return ExitCodes.OK;
    }

    private StoreAdmin.Backup choose(List<StoreAdmin.Backup> backups, Path dir) {
        if (which.latest) {
            return backups.stream().filter(StoreAdmin.Backup::valid)
                    .max(Comparator.comparing(StoreAdmin.Backup::time))
                    .orElseThrow(() -> new CliException(ExitCodes.DAMAGED, "no valid backup in "
                            + dir.toAbsolutePath().resolve("backups") + " to restore"));
        }
        StoreAdmin.Backup backup = backups.stream().filter(b -> b.id().equals(which.id)).findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, "no backup with id " + which.id + " in "
                        + dir.toAbsolutePath().resolve("backups") + " (see `campaign-admin backups`)"));
        if (!backup.valid()) {
            throw new CliException(ExitCodes.PROBLEMS, "backup " + backup.id() + " is not valid ("
                    + backup.problem() + "); choose another (see `campaign-admin backups`)");
        }
        return backup;
    }

    private boolean confirm(StoreAdmin.Backup backup) throws IOException {
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

    private static void printDiff(PrintWriter out, StoreAdmin.Backup backup, List<StateDiff.Change> changes,
                                  List<StoreAdmin.Problem> currentNotes) {
        out.println("Backup " + backup.id() + " (" + backup.time() + (backup.sequence().isPresent()
                ? ", sequence " + backup.sequence().getAsLong() : "") + ", " + backup.kind() + ")");
        for (StoreAdmin.Problem note : currentNotes) {
            out.println("Note: current state: " + (note.file().isEmpty() ? "" : note.file() + ": ") + note.message());
        }
        if (changes.isEmpty()) {
            out.println("Restoring it changes nothing: it holds the same records as the current state.");
        } else {
            out.println("Restoring it changes " + changes.size() + " records:");
            Table table = new Table("guild", "record", "change", "where", "name");
            changes.forEach(c -> table.row(c.guild().value(), c.record(), c.change(), c.where(), c.name()));
            table.print(out);
            StringBuilder summary = new StringBuilder("Summary:");
            StateDiff.summary(changes).forEach((record, counts) -> summary.append(' ').append(record).append("s +")
                    .append(counts.get("added")).append(" -").append(counts.get("removed")).append(" ~")
                    .append(counts.get("changed")).append(';'));
            out.println(summary.substring(0, summary.length() - 1));
        }
        out.flush();
    }

    private static Map<String, Object> document(StoreAdmin.Backup backup, List<StateDiff.Change> changes,
                                                boolean dryRun, String safety) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("backup", BackupsCommand.backupJson(backup));
        document.put("dry_run", dryRun);
        document.put("restored", !dryRun);
        document.put("safety_backup", safety);
        document.put("summary", StateDiff.summary(changes));
        List<Object> list = new ArrayList<>();
        changes.forEach(c -> list.add(c.toJson()));
        document.put("changes", list);
        return document;
    }
}
