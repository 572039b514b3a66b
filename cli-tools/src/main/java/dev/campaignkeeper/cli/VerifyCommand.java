package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.DataDamagedException;
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
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the snapshot files, the journal and every backup (parse, checksums, shape),"
                + " then referential integrity: characters or NPCs in channels without a campaign,"
                + " characters of users who are not players, duplicate players, a GM listed as player,"
                + " values that break today's input rules. Read-only: works while the bot runs.",
                "Exit 0 when healthy, 1 when problems were found, 4 when nothing valid can be loaded."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() {
        Path dir = admin.existingDataDir();
        StoreAdmin store = admin.store();
        List<StoreAdmin.Problem> problems = new ArrayList<>();
        boolean damaged = false;
        try (Progress progress = new Progress(admin.err(), admin.terminal(), "verify: files", 100)) {
            problems.addAll(store.verifyFiles(dir, done -> progress.update(Math.min(done, 99))));
            progress.update(100);
        }
        try (Progress progress = new Progress(admin.err(), admin.terminal(), "verify: records", 1)) {
            StoreAdmin.View view = store.read(dir);
            for (StoreAdmin.Problem note : view.notes()) {
                if (!problems.contains(note)) {
                    problems.add(note);
                }
            }
            problems.addAll(Integrity.check(view));
            progress.update(1);
        } catch (DataDamagedException e) {
            damaged = true;
            problems.add(new StoreAdmin.Problem("", "", "nothing valid can be loaded: " + Table.oneLine(e.getMessage())));
        }
        int code = damaged ? ExitCodes.DAMAGED : problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("data_dir", dir.toAbsolutePath().toString());
            document.put("healthy", problems.isEmpty());
            document.put("damaged_beyond_recovery", damaged);
            List<Object> list = new ArrayList<>();
            problems.forEach(problem -> list.add(problemJson(problem)));
            document.put("problems", list);
            admin.printJson(document);
            return code;
        }
        PrintWriter out = admin.out();
        if (problems.isEmpty()) {
            out.println("OK: " + dir.toAbsolutePath() + " is healthy (files, journal, backups and records checked)");
        } else {
            Table table = new Table("file", "where", "problem");
            problems.forEach(p -> table.row(p.file().isEmpty() ? "-" : p.file(), p.where().isEmpty() ? "-" : p.where(),
                    p.message()));
            table.print(out);
            out.println();
            out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found in "
                    + dir.toAbsolutePath() + (damaged ? "; no valid state can be loaded (try `campaign-admin"
                    + " backups` and `restore`)" : ""));
        }
        out.flush();
        return code;
    }

    static Map<String, Object> problemJson(StoreAdmin.Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", problem.file());
        json.put("where", problem.where());
        json.put("message", problem.message());
        return json;
    }
}
