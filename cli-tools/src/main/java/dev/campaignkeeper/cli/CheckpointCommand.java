package dev.campaignkeeper.cli;

import dev.campaignkeeper.persistence.json.Checkpoint;
import dev.campaignkeeper.persistence.json.DataDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin checkpoint}: folds the journal into the snapshot and takes a backup now. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
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
        DataDirectory data = admin.dataDirectory(dir);
        Checkpoint checkpoint;
        try (Progress progress = admin.progress("checkpoint")) {
            progress.phase("loading the state, writing the snapshot and a backup");
            checkpoint = data.checkpoint();
        }
        long sequence = checkpoint.sequence();
        DataDirectory.Stats stats = data.stats();
        Optional<String> backup = Optional.of(checkpoint.backupId());
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("backup", backup.orElse(null));
            document.put("sequence", sequence);
            document.put("journal_entries", stats.journalEntriesSinceCheckpoint());
            admin.printJson(document);
        } else {
            admin.out().println("Checkpoint done at sequence " + sequence
                    + backup.map(id -> "; backup " + id).orElse("; no new backup (nothing changed since the last one)"));
            admin.out().flush();
        }
        return ExitCodes.OK;
    }
}
