package dev.campaignkeeper.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin checkpoint}: folds the journal into the snapshot and takes a backup now. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Folds the journal into the three snapshot files and takes a backup now. Refused while a"
                + " bot holds the directory (the bot checkpoints by itself).")
final class CheckpointCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        Path dir = admin.existingDataDir();
        admin.requireUnlocked(dir, "checkpoint");
        Optional<String> backup = admin.store().checkpoint(dir);
        StoreAdmin.Stats stats = admin.store().stats(dir);
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("backup", backup.orElse(null));
            document.put("sequence", stats.sequence() < 0 ? null : stats.sequence());
            document.put("journal_entries", stats.journalEntries());
            admin.printJson(document);
        } else {
            admin.out().println("Checkpoint done" + (stats.sequence() < 0 ? "" : " at sequence " + stats.sequence())
                    + backup.map(id -> "; backup " + id + " taken").orElse("; no backup taken"));
            admin.out().flush();
        }
        return ExitCodes.OK;
    }
}
