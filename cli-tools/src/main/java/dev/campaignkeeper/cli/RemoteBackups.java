package dev.campaignkeeper.cli;

import dev.campaignkeeper.backup.s3.OffsiteBackups;
import dev.campaignkeeper.backup.s3.RemoteBackup;
import dev.campaignkeeper.backup.s3.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code backups --remote} and the download step of {@code restore --remote}. */
final class RemoteBackups {

    private RemoteBackups() {
    }

    static int list(CampaignAdmin admin, OffsiteOptions options, Path syncFrom, boolean json) {
        List<RemoteBackup> sets;
        String location;
        SyncResult synced = null;
        try (OffsiteBackups offsite = options.open(admin); Progress progress = admin.progress("backups")) {
            if (syncFrom != null) {
                progress.phase("copying backups to " + offsite.config().location());
                synced = offsite.sync(syncFrom);
            }
            progress.phase("listing " + offsite.config().location());
            location = offsite.config().location();
            sets = new ArrayList<>(offsite.list());
        }
        java.util.Collections.reverse(sets); // newest first, as for local backups
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("location", location);
            if (synced != null) {
                document.put("copied", synced.uploaded());
                document.put("removed", synced.removed());
                document.put("not_copied", synced.skipped());
            }
            List<Object> list = new ArrayList<>();
            for (RemoteBackup set : sets) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", set.id());
                entry.put("time", set.created().toString());
                entry.put("sequence", set.sequence());
                entry.put("bytes", set.bytes());
                entry.put("complete", set.complete());
                list.add(entry);
            }
            document.put("backups", list);
            admin.printJson(document);
            return ExitCodes.OK;
        }
        PrintWriter out = admin.out();
        if (synced != null) {
            out.println("Copied " + synced.uploaded().size() + " backup set(s) (" + synced.bytes() + " bytes) to "
                    + location + "; removed " + synced.removed().size() + " pruned locally.");
            synced.skipped().forEach(reason -> out.println("Not copied: " + reason));
        }
        if (sets.isEmpty()) {
            out.println("No backups in " + location);
        } else {
            Table table = new Table("id", "time", "sequence", "bytes", "complete");
            for (RemoteBackup set : sets) {
                table.row(set.id(), set.created().toString(), set.sequence(), set.bytes(),
                        set.complete() ? "yes" : "NO: upload cut short; not restorable");
            }
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Brings a remote set into the data directory unless it is already there.
     *
     * @param id the set, or null for the newest complete one
     * @return the set's id
     */
    static String download(CampaignAdmin admin, OffsiteOptions options, Path dir, String id) {
        try (OffsiteBackups offsite = options.open(admin); Progress progress = admin.progress("restore")) {
            String chosen = id;
            if (chosen == null) {
                List<RemoteBackup> complete = offsite.list().stream().filter(RemoteBackup::complete).toList();
                if (complete.isEmpty()) {
                    throw new CliException(ExitCodes.PROBLEMS, "no complete backup in " + offsite.config().location());
                }
                chosen = complete.get(complete.size() - 1).id();
            }
            if (java.nio.file.Files.exists(dir.resolve("backups").resolve(chosen), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return chosen; // already here: restore it as it is
            }
            progress.phase("fetching " + chosen + " from " + offsite.config().location());
            offsite.download(chosen, dir);
            admin.err().println("campaign-admin: fetched backup " + chosen + " from " + offsite.config().location()
                    + " into " + dir.toAbsolutePath().resolve("backups"));
            admin.err().flush();
            return chosen;
        }
    }
}
