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

    @Option(names = "--remote", description = "list the off-site copies instead (see --offsite)")
    private boolean remote;

    @Option(names = "--sync", description = "with --remote: first copy the local backup sets the off-site"
            + " location lacks and remove the ones local retention pruned (what the bot does every"
            + " CAMPAIGN_OFFSITE_INTERVAL); safe while the bot runs")
    private boolean sync;

    @picocli.CommandLine.Mixin
    private OffsiteOptions offsite = new OffsiteOptions();

    @Override
    public Integer call() {
        if (database.isSet()) {
            throw DatabaseOption.useDatabaseTools("backups");
        }
        if (remote) {
            return RemoteBackups.list(admin, offsite, sync ? admin.existingDataDir() : null, json);
        }
        if (sync) {
            throw new CliException(ExitCodes.USAGE, "--sync works with --remote (it copies backups off-site)");
        }
        Path dir = admin.existingDataDir();
        List<BackupInfo> backups;
        try (Progress progress = admin.progress("backups")) {
            progress.phase("reading and checking every backup");
            backups = admin.dataDirectory(dir).backups(true);
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

    static void print(PrintWriter out, List<BackupInfo> backups) {
        Table table = new Table("id", "time", "sequence", "bytes", "kind", "valid");
        for (BackupInfo b : backups) {
            table.row(b.id(), b.time().toString(), b.sequence().isPresent() ? b.sequence().getAsLong() : null,
                    b.sizeBytes(), b.kind(), b.valid() ? "yes" : "NO: " + b.problem().orElse(""));
        }
        table.print(out);
    }

    static Map<String, Object> backupJson(BackupInfo b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", b.id());
        json.put("time", b.time().toString());
        json.put("sequence", b.sequence().isPresent() ? b.sequence().getAsLong() : null);
        json.put("bytes", b.sizeBytes());
        json.put("kind", b.kind());
        json.put("valid", b.valid());
        json.put("problem", b.valid() ? null : b.problem().orElse(""));
        return json;
    }
}
