package dev.campaignkeeper.cli;

import dev.campaignkeeper.persistence.json.DataDirectory;
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

/** {@code campaign-admin verify}: checks files, backups and referential integrity. Read-only. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class, sortOptions = false,
        description = {"Checks the snapshot files, the journal and every backup (parse, checksums, shape),"
                + " then the records: characters or NPCs in channels without a campaign, characters of users"
                + " who are not players, duplicate players, a GM listed as player, values that break today's"
                + " input rules. Prints each problem with the file and the place in it. Read-only: works"
                + " while the bot runs.",
                "Exit 0 when healthy, 1 when problems were found, 4 when nothing valid can be loaded."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Option(names = "--allow-empty", description = "accept a directory holding none of the store's files"
            + " (otherwise \"no data here\", exit 1)")
    private boolean allowEmpty;

    @Override
    public Integer call() {
        if (database.isSet()) {
            return DatabaseVerify.run(admin, database, json);
        }
        Path dir = admin.dataDirWithData(allowEmpty);
        DataDirectory.Verification verification;
        try (Progress progress = admin.progress("verify")) {
            progress.phase("checking the snapshot, journal, backups and records");
            verification = admin.dataDirectory(dir).verify(progress.listener());
        }
        List<DataDirectory.Problem> problems = verification.problems();
        boolean damaged = !verification.loadable();
        int code = damaged ? ExitCodes.DAMAGED : problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
        long errors = problems.stream().filter(p -> p.severity() == DataDirectory.Severity.ERROR).count();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("data_dir", dir.toAbsolutePath().toString());
            document.put("healthy", problems.isEmpty());
            document.put("loadable", !damaged);
            document.put("errors", errors);
            document.put("warnings", problems.size() - errors);
            List<Object> list = new ArrayList<>();
            problems.forEach(problem -> list.add(problemJson(problem)));
            document.put("problems", list);
            admin.printJson(document);
            return code;
        }
        PrintWriter out = admin.out();
        if (problems.isEmpty()) {
            out.println("OK: " + dir.toAbsolutePath() + " is healthy (snapshot, journal, backups and records checked)");
        } else {
            Table table = new Table("severity", "file", "where", "problem");
            problems.forEach(p -> table.row(severity(p), p.file().isEmpty() ? "-" : p.file(),
                    p.where().isEmpty() ? "-" : p.where(), p.message()));
            table.print(out);
            out.println();
            out.println(errors + (errors == 1 ? " error, " : " errors, ") + (problems.size() - errors)
                    + (problems.size() - errors == 1 ? " warning" : " warnings") + " in " + dir.toAbsolutePath()
                    + (damaged ? "; no valid state can be loaded (see `campaign-admin backups` and `restore`)" : ""));
        }
        out.flush();
        return code;
    }

    /** "error" or "warning", as the table and the JSON show it. */
    static String severity(DataDirectory.Problem problem) {
        return problem.severity().name().toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Object> problemJson(DataDirectory.Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("severity", severity(problem));
        json.put("file", problem.file());
        json.put("where", problem.where());
        json.put("message", problem.message());
        return json;
    }
}
