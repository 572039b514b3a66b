package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.rules.RecordReferences;
import dev.campaignkeeper.persistence.json.DataDirectory.PostLogSummary;
import dev.campaignkeeper.persistence.json.DataDirectory.Problem;
import dev.campaignkeeper.persistence.json.DataDirectory.Severity;
import dev.campaignkeeper.persistence.json.DataDirectory.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DataDirectory#verify(ProgressListener)}: the file checks (manifest, snapshot files,
 * backups), the load (journals), the records' references and the post log, without the lock.
 */
final class Verifier {

    static final String FILES = "checking the manifest, snapshot files and backups";
    static final String LOADING = "loading the state and replaying the journal";
    static final String RECORDS = "checking records";
    static final String POSTS = "checking the post log";

    private final DataDirectory owner;
    private final FileSystemOps fs;
    private final Path dir;
    private final ConsistentRead reader;

    Verifier(DataDirectory owner, FileSystemOps fs, ConsistentRead reader) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.fs = Objects.requireNonNull(fs, "fs");
        this.dir = owner.path();
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Checks everything: manifest, snapshot files (shape, checksums), journals (checksums,
     * sequence), every backup, and the recovered state's referential integrity (characters or NPCs
     * in a channel without campaign, characters of users who are not players, GM listed as a
     * player) and values breaking today's input rules.
     *
     * <p>Loads the state once (as {@link #read()} does) to check the records and to tell whether it
     * is loadable.
     *
     * @return the problems found, errors first, and how the state loads (empty when it cannot)
     * @throws StoreException if the directory cannot be read at all (an I/O failure, not damage)
     */
    Verification verify(ProgressListener listener) {
        // the file checks and the load each see one version of the directory: a running writer's
        // checkpoint between reading the manifest and the files would otherwise look like damage
        List<Problem> problems = fileProblems(listener);
        Optional<RecoveryReport> recovery = Optional.empty();
        try {
            listener.progress(LOADING, 0, 1);
            Loader.Loaded loaded = reader.load();
            listener.progress(LOADING, 1, 1);
            RecoveryReport report = loaded.report(List.of());
            recovery = Optional.of(report);
            for (String event : report.events()) {
                Loader.Located at = loaded.located().get(event);
                problems.add(new Problem(report.dataLost() ? Severity.ERROR : Severity.WARNING,
                        at == null ? "recovery" : at.file(), at == null ? "" : at.where(), event));
            }
            for (LoadWarning warning : loaded.warnings()) {
                problems.add(new Problem(Severity.WARNING, warning.file(), warning.location(),
                        warning.message()));
            }
            List<GuildId> ids = new ArrayList<>(loaded.guilds().keySet());
            ids.sort(SeedFormat.GUILD_ORDER);
            long checked = 0;
            for (GuildId guild : ids) {
                if (checked % 256 == 0) {
                    listener.progress(RECORDS, checked, ids.size());
                }
                checkReferences(loaded.guilds().get(guild), problems);
                checked++;
            }
            listener.progress(RECORDS, checked, ids.size());
        } catch (DataDamagedException e) {
            problems.add(new Problem(Severity.ERROR, dir.toString(), "", e.getMessage()));
        }
        try {
            listener.progress(POSTS, 0, 1);
            PostLogSummary posts = owner.postLog();
            listener.progress(POSTS, 1, 1);
            for (String problem : posts.problems()) {
                problems.add(new Problem(posts.dataLost() ? Severity.ERROR : Severity.WARNING, JsonPostLog.DIR, "",
                        problem));
            }
        } catch (StoreException e) {
            problems.add(new Problem(Severity.ERROR, JsonPostLog.DIR, "", e.getMessage()));
        }
        problems.sort(Comparator.comparing(Problem::severity));
        return new Verification(problems, recovery);
    }

    /**
     * The manifest, snapshot and backup checks, repeated (a few times at most) until the directory
     * did not change while they ran. Journals are judged by the load, which replays them.
     */
    private List<Problem> fileProblems(ProgressListener listener) {
        List<Problem> problems = List.of();
        for (int attempt = 0; attempt < ConsistentRead.READ_ATTEMPTS; attempt++) {
            ConsistentRead.DirectoryVersion before = reader.version();
            problems = checkFiles(listener);
            if (before.equals(reader.version()) && (problems.stream().noneMatch(Verifier::midCheckpoint)
                    || !writerRunning())) {
                return problems;
            }
            try {
                Thread.sleep(10L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // a writer kept checkpointing while the files were read: a snapshot file that did not match
        // the manifest is most likely one the checkpoint had not renamed yet, not damage (the load
        // below, which retries the same way, says whether the state is provable)
        List<Problem> settled = new ArrayList<>();
        for (Problem problem : problems) {
            boolean inFlux = midCheckpoint(problem);
            settled.add(inFlux ? new Problem(Severity.WARNING, problem.file(), problem.where(), problem.message()
                    + "; the directory kept changing while verify read it (a running bot checkpointing)") : problem);
        }
        return settled;
    }

    /** A snapshot file that does not match the manifest: damage, or a checkpoint between its renames. */
    private static boolean midCheckpoint(Problem problem) {
        return problem.severity() == Severity.ERROR && SeedFormat.FILES.contains(problem.file())
                && problem.message().contains("a checkpoint is in progress");
    }

    /** Whether a writer holds the directory (so a snapshot file may be caught mid-checkpoint). */
    private boolean writerRunning() {
        try {
            return owner.lockHolder().isPresent();
        } catch (StoreException e) {
            return false;
        }
    }

    private List<Problem> checkFiles(ProgressListener listener) {
        List<Problem> problems = new ArrayList<>();
        try {
            List<Backups.Ref> refs = Backups.list(fs, dir);
            long total = 1 + SeedFormat.FILES.size() + refs.size();
            long done = 0;
            listener.progress(FILES, done, total);
            Manifest manifest = null;
            Path manifestPath = dir.resolve(Manifest.FILE);
            if (fs.exists(manifestPath)) {
                try (InputStream in = fs.openRead(manifestPath)) {
                    manifest = Manifest.decode(in);
                } catch (FormatException e) {
                    problems.add(new Problem(Severity.ERROR, Manifest.FILE, "",
                            e.getMessage() + Loader.locate(fs, manifestPath, e)));
                } catch (IOException e) {
                    problems.add(new Problem(Severity.ERROR, Manifest.FILE, "", IoProblems.reason(e)));
                }
            } else if (liveExists()) {
                problems.add(new Problem(Severity.WARNING, Manifest.FILE, "",
                        "missing: a seed-format directory the store has not opened yet (no checksums to verify)"));
            }
            done++; // reported with the first snapshot file, which comes next
            for (String file : SeedFormat.FILES) {
                listener.progress(FILES, done++, total);
                Path path = dir.resolve(file);
                if (!fs.exists(path)) {
                    if (manifest != null) {
                        problems.add(new Problem(Severity.ERROR, file, "", "missing"));
                    }
                    continue;
                }
                SeedFormat.FileSum expected = manifest == null ? null : manifest.files().get(file);
                try {
                    long size = fs.kind(path) == FileSystemOps.Kind.FILE ? fs.size(path) : -1;
                    if (expected != null && size >= 0 && size != expected.size()) {
                        problems.add(new Problem(Severity.ERROR, file, "", "is " + size + " bytes, "
                                + Manifest.FILE + " lists " + expected.size() + " (damaged, or a checkpoint is in progress)"));
                        continue;
                    }
                    try (InputStream in = fs.openRead(path)) {
                        SeedFormat.FileSum sum = SeedFormat.read(file, in, new HashMap<>(), null);
                        if (manifest != null && !sum.equals(expected)) {
                            problems.add(new Problem(Severity.ERROR, file, "", "does not match the checksum in "
                                    + Manifest.FILE + " (damaged, or a checkpoint is in progress)"));
                        }
                    }
                } catch (FormatException e) {
                    problems.add(new Problem(Severity.ERROR, file, "", e.getMessage() + Loader.locate(fs, path, e)));
                } catch (IOException e) {
                    problems.add(new Problem(Severity.ERROR, file, "", IoProblems.reason(e)));
                }
            }
            String unsafeBackups = Backups.unsafeDir(fs, dir);
            if (unsafeBackups != null) {
                problems.add(new Problem(Severity.ERROR, Backups.DIR, "", unsafeBackups + " (never followed)"));
            }
            for (Backups.Ref ref : refs) {
                listener.progress(FILES, done++, total);
                BackupInfo info = Backups.info(fs, ref, true);
                boolean prunedMeanwhile = ref.paths().stream()
                        .allMatch(path -> fs.kind(path) == FileSystemOps.Kind.MISSING);
                if (!info.valid() && !prunedMeanwhile) {
                    problems.add(new Problem(Severity.ERROR, Backups.DIR + "/" + ref.id(), "",
                            info.problem().orElse("invalid")));
                }
            }
            listener.progress(FILES, total, total);
        } catch (IOException e) {
            problems.add(new Problem(Severity.ERROR, dir.toString(), "", "cannot be read: " + IoProblems.describe(e)));
        }
        return problems;
    }

    private boolean liveExists() {
        return SeedFormat.FILES.stream().anyMatch(file -> fs.exists(dir.resolve(file)));
    }

    /** The core's reference checks, each placed at its JSON path in the file it concerns. */
    private static void checkReferences(GuildState state, List<Problem> problems) {
        String guild = state.guild().value();
        for (RecordReferences.Problem problem : RecordReferences.check(state)) {
            problems.add((problem instanceof RecordReferences.GmListedAsPlayer gm
                ? new Problem(Severity.WARNING, SeedFormat.CAMPAIGNS,
                        "$." + guild + "." + gm.campaign().channel() + ".players",
                        "the GM " + gm.campaign().gm() + " is also listed as a player")
                : problem instanceof RecordReferences.CharacterWithoutCampaign orphan
                ? new Problem(Severity.WARNING,
                        SeedFormat.CHARACTERS, characterPath(guild, orphan.character()), "character \""
                        + orphan.character().name() + "\" is in channel " + orphan.character().channel()
                        + ", which has no campaign")
                : problem instanceof RecordReferences.CharacterOfNonPlayer stranger
                ? new Problem(Severity.WARNING,
                        SeedFormat.CHARACTERS, characterPath(guild, stranger.character()), "character \""
                        + stranger.character().name() + "\" belongs to user " + stranger.character().user()
                        + ", who is not a player of the campaign" + (stranger.ofTheGm() ? " (they are its GM)" : ""))
                : problem instanceof RecordReferences.NpcsWithoutCampaign npcs
                ? new Problem(Severity.WARNING, SeedFormat.NPCS,
                        "$." + guild + "." + npcs.channel(), npcs.npcs().size() + " NPC(s) in channel "
                        + npcs.channel() + ", which has no campaign")
                : RecordReferences.unexpected(problem)));
        }
    }

    private static String characterPath(String guild, PlayerCharacter character) {
        return "$." + guild + "." + character.user() + "." + character.channel();
    }

    // ------------------------------------------------------------------ changing operations

}
