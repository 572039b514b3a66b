package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The backups directory: native consistent sets ({@code backup-<yyyyMMddHHmmssSSS>-<seq>/} with
 * gzip-compressed snapshot files and {@code backup.json}) and the seed's per-file copies
 * ({@code campaigns.json.YYYYMMDDHHMMSS} and siblings, grouped into sets by nearby timestamps).
 */
final class Backups {

    static final String DIR = "backups";
    static final String MANIFEST = "backup.json";
    static final Pattern NATIVE = Pattern.compile("backup-(\\d{17})-(\\d+)");
    static final Pattern SEED = Pattern.compile("(campaigns|characters|npcs)\\.json\\.(\\d{14})");
    private static final DateTimeFormatter NATIVE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Backups() {
    }

    /** A backup found on disk. */
    record Ref(String id, Instant time, long seq, boolean seedStyle, List<Path> paths) {
    }

    /** A backup's content. */
    record Loaded(Map<GuildId, GuildState> guilds, List<LoadWarning> warnings) {
    }

    static String newId(Instant now, long seq) {
        return "backup-" + NATIVE_TIME.format(now) + "-" + seq;
    }

    static Path dir(Path dataDir) {
        return dataDir.resolve(DIR);
    }

    static String gzName(String file) {
        return file + ".gz";
    }

    /** All backups, newest first. */
    static List<Ref> list(FileSystemOps fs, Path dataDir) throws IOException {
        List<Ref> refs = new ArrayList<>();
        List<SeedFile> seed = new ArrayList<>();
        if (unsafeDir(fs, dataDir) != null) {
            return refs; // never read through a link; recovery reports it
        }
        for (Path path : fs.list(dir(dataDir))) {
            String name = path.getFileName().toString();
            Matcher nativeName = NATIVE.matcher(name);
            Matcher seedName = SEED.matcher(name);
            FileSystemOps.Kind kind = fs.kind(path);
            // links and special files under a backup's name are listed, so loading reports them
            if (nativeName.matches() && kind != FileSystemOps.Kind.FILE) {
                try {
                    Instant time = NATIVE_TIME.parse(nativeName.group(1), Instant::from);
                    refs.add(new Ref(name, time, Long.parseLong(nativeName.group(2)), false, List.of(path)));
                } catch (DateTimeParseException | NumberFormatException ignored) {
                    // not one of ours
                }
            } else if (seedName.matches() && kind != FileSystemOps.Kind.DIRECTORY) {
                try {
                    LocalDateTime time = LocalDateTime.parse(seedName.group(2), SEED_TIME);
                    seed.add(new SeedFile(seedName.group(1), seedName.group(2), time, path));
                } catch (DateTimeParseException ignored) {
                    // not a timestamp
                }
            }
        }
        for (List<SeedFile> set : groupSeedFiles(seed)) {
            SeedFile first = set.get(0);
            Instant time = first.time().atZone(ZoneId.systemDefault()).toInstant();
            refs.add(new Ref("seed-" + first.stamp(), time, -1, true, set.stream().map(SeedFile::path).toList()));
        }
        refs.sort(Comparator.comparing(Ref::time).thenComparingLong(Ref::seq).reversed());
        return refs;
    }

    /** One seed-style backup file: which snapshot file it copies, and its timestamp. */
    private record SeedFile(String kind, String stamp, LocalDateTime time, Path path) {
    }

    /** How far apart the timestamps of one seed save's backup files may be. */
    static final java.time.Duration SEED_SET_WINDOW = java.time.Duration.ofSeconds(5);

    /**
     * Groups seed-style backup files into sets. The seed copies its three files one after another,
     * each named with the second it was copied in, so one save's files can carry timestamps a second
     * or two apart. A set starts at the oldest file not yet in a set and takes, of each other kind,
     * the oldest file not yet in a set that is at most {@link #SEED_SET_WINDOW} younger. Each set is
     * ordered by time and holds at most one file of each kind; its id is its oldest timestamp.
     */
    private static List<List<SeedFile>> groupSeedFiles(List<SeedFile> files) {
        List<SeedFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing(SeedFile::time).thenComparing(file -> SeedFormat.FILES.indexOf(
                file.kind() + ".json")).thenComparing(file -> file.path().getFileName().toString()));
        boolean[] taken = new boolean[ordered.size()];
        List<List<SeedFile>> sets = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (taken[i]) {
                continue;
            }
            SeedFile anchor = ordered.get(i);
            taken[i] = true;
            List<SeedFile> set = new ArrayList<>();
            set.add(anchor);
            Set<String> kinds = new HashSet<>();
            kinds.add(anchor.kind());
            LocalDateTime limit = anchor.time().plus(SEED_SET_WINDOW);
            for (int j = i + 1; j < ordered.size() && !ordered.get(j).time().isAfter(limit); j++) {
                if (!taken[j] && kinds.add(ordered.get(j).kind())) {
                    taken[j] = true;
                    set.add(ordered.get(j));
                }
            }
            sets.add(set);
        }
        return sets;
    }

    /**
     * Why the backups directory cannot be used (it is a link or not a directory), or null when it
     * is a real directory or absent.
     */
    static String unsafeDir(FileSystemOps fs, Path dataDir) {
        return switch (fs.kind(dir(dataDir))) {
            case MISSING, DIRECTORY -> null;
            case LINK -> "is a symbolic link";
            case FILE -> "is a file, not a directory";
            case OTHER -> "is a special file (a FIFO, socket or device), not a directory";
        };
    }

    /**
     * The order recovery (and restore of "latest") tries backups in: the store's own native
     * backups first, then the seed's timestamped copies, each newest first as listed.
     */
    static List<Ref> recoveryOrder(List<Ref> refs) {
        List<Ref> ordered = new ArrayList<>();
        refs.stream().filter(ref -> !ref.seedStyle()).forEach(ordered::add);
        refs.stream().filter(Ref::seedStyle).forEach(ordered::add);
        return ordered;
    }

    /** The backup with an id, if there is one. */
    static Optional<Ref> find(FileSystemOps fs, Path dataDir, String id) throws IOException {
        return list(fs, dataDir).stream().filter(ref -> ref.id().equals(id)).findFirst();
    }

    /** Reads and fully verifies a backup (shape and checksums). */
    static Loaded load(FileSystemOps fs, Ref ref) throws IOException, FormatException {
        Map<GuildId, GuildState> guilds = new LinkedHashMap<>();
        List<LoadWarning> warnings = new ArrayList<>();
        if (ref.seedStyle()) {
            for (Path path : ref.paths()) {
                Matcher name = SEED.matcher(path.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                try (InputStream in = fs.openRead(path)) {
                    SeedFormat.read(name.group(1) + ".json", in, guilds, warnings);
                } catch (FormatException e) {
                    throw new FormatException(path.getFileName() + ": " + e.getMessage(), e.line(), e.column(), e);
                }
            }
            return new Loaded(guilds, warnings);
        }
        Path dir = ref.paths().get(0);
        FileSystemOps.Kind kind = fs.kind(dir);
        if (kind != FileSystemOps.Kind.DIRECTORY) {
            throw new FormatException(kind == FileSystemOps.Kind.LINK ? "is a symbolic link (never followed)"
                    : kind == FileSystemOps.Kind.MISSING ? "has disappeared" : "is not a directory");
        }
        Manifest manifest;
        try (InputStream in = fs.openRead(dir.resolve(MANIFEST))) {
            manifest = Manifest.decode(in);
        } catch (FormatException e) {
            throw new FormatException(MANIFEST + ": " + e.getMessage(), e.line(), e.column(), e);
        } catch (UnsafeFileException e) {
            throw new FormatException(MANIFEST + " " + e.reason());
        }
        if (manifest.seq() != ref.seq() || !manifest.kind().equals(Manifest.BACKUP)) {
            throw new FormatException(MANIFEST + " does not match the backup's name");
        }
        for (String file : SeedFormat.FILES) {
            SeedFormat.FileSum expected = manifest.files().get(file);
            if (expected == null) {
                throw new FormatException(MANIFEST + " lists no " + file);
            }
            SeedFormat.FileSum actual;
            // bounded by the size the manifest lists: a gzip bomb stops at that many bytes
            try (InputStream in = new LimitedInputStream(
                    new GZIPInputStream(fs.openRead(dir.resolve(gzName(file))), 1 << 16), expected.size())) {
                actual = SeedFormat.read(file, in, guilds, warnings);
            } catch (FormatException e) {
                if (e.getCause() instanceof LimitedInputStream.LimitExceededException) {
                    throw tooLarge(file, expected);
                }
                throw new FormatException(gzName(file) + ": " + e.getMessage(), e.line(), e.column(), e);
            } catch (LimitedInputStream.LimitExceededException e) {
                throw tooLarge(file, expected);
            } catch (IOException e) {
                throw new FormatException(gzName(file) + ": cannot be read: " + IoProblems.reason(e));
            }
            if (!actual.equals(expected)) {
                throw new FormatException(gzName(file) + ": checksum mismatch (expected " + expected.crcHex()
                        + "/" + expected.size() + " bytes, found " + actual.crcHex() + "/" + actual.size() + ")");
            }
        }
        return new Loaded(guilds, warnings);
    }

    private static FormatException tooLarge(String file, SeedFormat.FileSum expected) {
        return new FormatException(gzName(file) + ": decompresses to more than the " + expected.size()
                + " bytes " + MANIFEST + " lists (damaged, or not written by this store); reading stopped there");
    }

    static long size(FileSystemOps fs, Ref ref) {
        long total = 0;
        try {
            for (Path path : ref.paths()) {
                if (fs.kind(path) == FileSystemOps.Kind.DIRECTORY) {
                    for (Path inner : fs.list(path)) {
                        total += fs.size(inner);
                    }
                } else {
                    total += fs.size(path);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    static BackupInfo info(FileSystemOps fs, Ref ref, boolean verify) {
        Optional<String> problem = Optional.empty();
        if (verify) {
            try {
                load(fs, ref);
            } catch (FormatException e) {
                problem = Optional.of(e.getMessage());
            } catch (IOException e) {
                problem = Optional.of(IoProblems.reason(e));
            }
        }
        return new BackupInfo(ref.id(), ref.time(), ref.seq(), size(fs, ref), problem.isEmpty(), ref.seedStyle(),
                problem);
    }

    static void delete(FileSystemOps fs, Ref ref) throws IOException {
        for (Path path : ref.paths()) {
            // a link is deleted itself; what it points to is never touched
            if (fs.kind(path) == FileSystemOps.Kind.DIRECTORY) {
                // renamed first, so a reader sees the whole backup or none of it (an unfinished
                // deletion is a dot-prefixed .tmp orphan, removed at the next open)
                Path doomed = path.resolveSibling(".deleted-" + path.getFileName() + ".tmp");
                fs.moveAtomic(path, doomed);
                for (Path inner : fs.list(doomed)) {
                    fs.delete(inner);
                }
                fs.delete(doomed);
            } else {
                fs.delete(path);
            }
        }
    }

    /**
     * Chooses the native backups to delete under a policy. {@code refs} newest first; the backup
     * named {@code protect} (the newest valid one) is always kept. Seed-style backups are never chosen.
     */
    static List<Ref> toPrune(List<Ref> refs, RetentionPolicy policy, String protect) {
        List<Ref> natives = refs.stream().filter(ref -> !ref.seedStyle()).toList();
        Set<String> keep = new HashSet<>();
        if (protect != null) {
            keep.add(protect);
        }
        for (int i = 0; i < Math.min(policy.last(), natives.size()); i++) {
            keep.add(natives.get(i).id());
        }
        keepBuckets(natives, policy.hourly(), ref -> ref.time().truncatedTo(ChronoUnit.HOURS).toString(), keep);
        keepBuckets(natives, policy.daily(), ref -> ref.time().truncatedTo(ChronoUnit.DAYS).toString(), keep);
        keepBuckets(natives, policy.weekly(), ref -> ref.time().atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), keep);
        return natives.stream().filter(ref -> !keep.contains(ref.id())).toList();
    }

    private static void keepBuckets(List<Ref> natives, int count, java.util.function.Function<Ref, String> bucket,
                                    Set<String> keep) {
        Set<String> seen = new HashSet<>();
        for (Ref ref : natives) {
            if (seen.size() >= count) {
                return;
            }
            if (seen.add(bucket.apply(ref))) {
                keep.add(ref.id());
            }
        }
    }
}
