package dev.campaignkeeper.cli;

import dev.campaignkeeper.persistence.json.BackupInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin prune [--dry-run]}: applies the backup retention policy. */
@Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Applies the backup retention policy (last 10, hourly 24, daily 7, weekly 4; the newest"
                + " valid backup is always kept) and lists what it removes. Refused while a bot holds the"
                + " directory, except with --dry-run.")
final class PruneCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @Option(names = "--dry-run", description = "list what would be removed, remove nothing")
    private boolean dryRun;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        Path dir = admin.existingDataDir();
        if (!dryRun) {
            admin.requireUnlocked(dir, "prune backups");
        }
        List<BackupInfo> removed;
        try (Progress progress = admin.progress("prune")) {
            progress.phase("applying the retention policy");
            removed = admin.dataDirectory(dir).prune(dryRun).removed();
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("dry_run", dryRun);
            List<Object> list = new ArrayList<>();
            removed.forEach(b -> list.add(BackupsCommand.backupJson(b)));
            document.put("removed", list);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        if (removed.isEmpty()) {
            out.println("Nothing to prune: every backup is kept by the retention policy");
        } else {
            out.println((dryRun ? "Would remove " : "Removed ") + removed.size()
                    + (removed.size() == 1 ? " backup:" : " backups:"));
            BackupsCommand.print(out, removed);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
