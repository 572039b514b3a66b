package dev.campaignkeeper.cli;

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

/** {@code campaign-admin backups}: lists backups, newest first. Read-only. */
@Command(name = "backups", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        description = "Lists the backups, newest first: id, time, sequence number, size and whether it is"
                + " valid, including the seed's timestamped backups. Read-only.")
final class BackupsCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        if (database.isSet()) {
            throw DatabaseOption.useDatabaseTools("backups");
        }
        Path dir = admin.existingDataDir();
        List<StoreAdmin.Backup> backups;
        try (Progress progress = admin.progress("backups")) {
            progress.phase("reading and checking every backup");
            backups = admin.store().backups(dir, true);
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("data_dir", dir.toAbsolutePath().toString());
            List<Object> list = new ArrayList<>();
            backups.forEach(b -> list.add(backupJson(b)));
            document.put("backups", list);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        if (backups.isEmpty()) {
            out.println("No backups in " + dir.toAbsolutePath().resolve("backups"));
        } else {
            print(out, backups);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, List<StoreAdmin.Backup> backups) {
        Table table = new Table("id", "time", "sequence", "bytes", "kind", "valid");
        for (StoreAdmin.Backup b : backups) {
            table.row(b.id(), b.time().toString(), b.sequence().isPresent() ? b.sequence().getAsLong() : null,
                    b.sizeBytes(), b.kind(), b.valid() ? "yes" : "NO: " + b.problem());
        }
        table.print(out);
    }

    static Map<String, Object> backupJson(StoreAdmin.Backup b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", b.id());
        json.put("time", b.time().toString());
        json.put("sequence", b.sequence().isPresent() ? b.sequence().getAsLong() : null);
        json.put("bytes", b.sizeBytes());
        json.put("kind", b.kind());
        json.put("valid", b.valid());
        json.put("problem", b.valid() ? null : b.problem());
        return json;
    }
}
