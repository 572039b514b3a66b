package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
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
        StoreAdmin store = admin.store();
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
        StoreAdmin.Restore preview;
        try (Progress progress = admin.progress("restore")) {
            progress.phase("reading the backup and comparing it with the current state");
            preview = store.restore(dir, id, true, progress.listener());
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
        StoreAdmin.Restore done;
        try (Progress progress = admin.progress("restore")) {
            progress.phase("taking a safety backup and replacing the state");
            done = store.restore(dir, preview.backup().id(), false, progress.listener());
        }
        if (json) {
            admin.printJson(document(done));
        } else {
            admin.out().println("Restored backup " + done.backup().id() + "." + done.safetyBackup()
                    .map(safety -> " The previous state is kept as safety backup " + safety + ".")
                    .orElse(" The previous state could not be read, so no safety backup was taken;"
                            + " its damaged files were moved aside."));
            admin.out().flush();
        }
        return ExitCodes.OK;
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

    /** Says when the live files are damaged: the diff is then against the state recovery would produce. */
    private static void printDamage(PrintWriter out, StoreAdmin.Restore preview) {
        if (preview.currentUnloadable().isPresent()) {
            out.println("Note: the current state cannot be loaded (" + Table.oneLine(preview.currentUnloadable().get())
                    + "); restoring rewrites it from the backup.");
        } else if (!preview.currentDamage().isEmpty()) {
            out.println("Note: the current files are damaged; the changes above are against the state the store"
                    + " recovers from them. Restoring rewrites the files from the backup. Recovery found:");
            preview.currentDamage().forEach(event -> out.println("  " + event));
        }
        out.flush();
    }

    private static void printDiff(PrintWriter out, StoreAdmin.Restore restore) {
        StoreAdmin.Backup backup = restore.backup();
        List<StateDiff.Change> changes = restore.changes();
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

    private static Map<String, Object> document(StoreAdmin.Restore restore) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("backup", BackupsCommand.backupJson(restore.backup()));
        document.put("dry_run", restore.dryRun());
        document.put("restored", !restore.dryRun());
        document.put("safety_backup", restore.safetyBackup().orElse(null));
        document.put("summary", StateDiff.summary(restore.changes()));
        List<Object> list = new ArrayList<>();
        restore.changes().forEach(c -> list.add(c.toJson()));
        document.put("changes", list);
        return document;
    }
}
