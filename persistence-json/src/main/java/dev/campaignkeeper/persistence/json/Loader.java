package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest state the files prove, without changing anything on disk: the live snapshot
 * verified against the manifest, else the newest valid backup (native first, then seed-style);
 * then the journals replayed in order from the base's sequence number, stopping at the first torn
 * or damaged line or at a gap. Used by the writer on open and by read-only opens.
 */
final class Loader {

    private static final Logger LOG = LoggerFactory.getLogger(Loader.class);
    static final long UNKNOWN_SEQ = -1;

    private Loader() {
    }

    /** What was loaded and what the writer must do about it. */
    static final class Result {
        long seq;
        Map<GuildId, GuildState> guilds = new HashMap<>();
        List<LoadWarning> warnings = new ArrayList<>();
        List<String> events = new ArrayList<>();
        boolean dataLost;
        RecoveryReport.Source source = RecoveryReport.Source.NEW;
        String backupId;
        Manifest manifest;
        long maxGeneration;
        Set<Path> damaged = new LinkedHashSet<>();
        Set<Path> damagedJournals = new LinkedHashSet<>();
        boolean needsCheckpoint;
        long journalEntries;
        long journalBytes;

        RecoveryReport report(List<Path> movedAside) {
            return new RecoveryReport(seq, source, java.util.Optional.ofNullable(backupId), events, dataLost,
                    movedAside, warnings);
        }
    }

    private static final class Base {
        long seq;
        long journalFrom;
        boolean replay = true;
    }

    static Result load(FileSystemOps fs, Path dir) throws IOException {
        Result result = new Result();
        String[] firstDamage = {null};
        Path manifestPath = dir.resolve(Manifest.FILE);
        boolean manifestExists = fs.exists(manifestPath);
        if (manifestExists) {
            try (InputStream in = fs.openRead(manifestPath)) {
                Manifest manifest = Manifest.decode(in);
                if (!manifest.kind().equals(Manifest.LIVE)) {
                    throw new FormatException("not a live manifest (format " + manifest.kind() + ")");
                }
                result.manifest = manifest;
                result.maxGeneration = Math.max(0, manifest.journalFrom() - 1);
            } catch (FormatException e) {
                damage(fs, result, firstDamage, manifestPath, e);
            }
        }
        boolean liveExists = false;
        for (String file : SeedFormat.FILES) {
            liveExists |= fs.exists(dir.resolve(file));
        }
        List<Path> journals = Journal.list(fs, dir);
        for (Path journal : journals) {
            result.maxGeneration = Math.max(result.maxGeneration, Journal.generation(journal));
        }

        // decoding the journal does not depend on which base wins, so it overlaps the snapshot parse
        long decodeFrom = result.manifest != null ? result.manifest.journalFrom() : 0;
        java.util.concurrent.ExecutorService decoder = java.util.concurrent.Executors.newSingleThreadExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "campaign-keeper-journal-decode");
                    thread.setDaemon(true);
                    return thread;
                });
        java.util.concurrent.Future<Map<Path, JournalFile>> decoding = decoder.submit(() -> {
            Map<Path, JournalFile> files = new HashMap<>();
            RecordJson.Warnings ids = JournalCodec.REPLAY;
            for (Path journal : journals) {
                if (Journal.generation(journal) >= decodeFrom) {
                    files.put(journal, decodeFile(fs, journal, ids));
                }
            }
            return files;
        });
        decoder.shutdown();
        Base base = null;
        if (result.manifest != null || liveExists) {
            base = tryLive(fs, dir, result, firstDamage, !journals.isEmpty());
        }
        if (base == null) {
            List<Backups.Ref> backups = Backups.list(fs, dir);
            if (!backups.isEmpty()) {
                base = tryBackups(fs, backups, result);
            } else if (!manifestExists && !liveExists) {
                base = new Base();
                result.source = RecoveryReport.Source.NEW;
                if (!journals.isEmpty()) {
                    result.events.add("no snapshot files; state rebuilt from the journal alone");
                    result.needsCheckpoint = true;
                }
            }
            if (base == null) {
                decoding.cancel(true);
                String detail = firstDamage[0] != null ? firstDamage[0] : "no valid snapshot or backup";
                throw new DataDamagedException("No valid state can be recovered from data directory " + dir + ": "
                        + detail + ". No valid backup exists in " + Backups.dir(dir)
                        + ". The data directory was left untouched; restore it from an external copy or repair "
                        + "the named file.");
            }
        }
        Map<Path, JournalFile> predecoded;
        try {
            predecoded = decoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the journal");
        } catch (java.util.concurrent.ExecutionException e) {
            predecoded = Map.of(); // replay reads the files itself and reports the failure
        }
        replay(fs, journals, base, result, predecoded);
        if (result.manifest != null && result.seq < result.manifest.seq()) {
            result.dataLost = true;
            result.events.add("mutations " + (result.seq + 1) + " to " + result.manifest.seq()
                    + " (in the damaged snapshot) could not be recovered");
        }
        if (!result.events.isEmpty()) {
            for (String event : result.events) {
                LOG.warn("recovery of {}: {}", dir, event);
            }
        }
        return result;
    }

    private static void damage(FileSystemOps fs, Result result, String[] firstDamage, Path path, FormatException e) {
        String where = path.getFileName() + ": " + e.getMessage() + locate(fs, path, e);
        result.events.add(where);
        result.damaged.add(path);
        if (firstDamage[0] == null) {
            firstDamage[0] = where;
        }
    }

    /** " (byte offset N)" computed from the parser's line and column, or "". */
    static String locate(FileSystemOps fs, Path path, FormatException e) {
        if (e.line() < 1) {
            return "";
        }
        try (InputStream in = new BufferedInputStream(fs.openRead(path))) {
            long line = 1;
            long offset = 0;
            int b;
            while (line < e.line() && (b = in.read()) >= 0) {
                offset++;
                if (b == '\n') {
                    line++;
                }
            }
            long chars = 1;
            while (chars < e.column() && (b = in.read()) >= 0) {
                offset++;
                if ((b & 0xC0) != 0x80) {
                    chars += (b & 0xF8) == 0xF0 ? 2 : 1;
                }
            }
            return " (byte offset " + offset + ")";
        } catch (IOException ignored) {
            return "";
        }
    }

    private static Base tryLive(FileSystemOps fs, Path dir, Result result, String[] firstDamage,
                                boolean journalsExist) throws IOException {
        Manifest manifest = result.manifest;
        List<LoadWarning> warnings = new ArrayList<>();
        boolean ok = true;
        Map<String, Parsed> parsed = parseInParallel(fs, dir);
        List<Map<GuildId, List<RecordChange>>> parts = new ArrayList<>();
        for (String file : SeedFormat.FILES) {
            Path path = dir.resolve(file);
            Parsed one = parsed.get(file);
            if (one == null) {
                if (manifest != null) {
                    String message = file + " is missing although " + Manifest.FILE + " lists it";
                    result.events.add(message);
                    if (firstDamage[0] == null) {
                        firstDamage[0] = message;
                    }
                    ok = false;
                }
                continue;
            }
            if (one.error() instanceof FormatException e) {
                damage(fs, result, firstDamage, path, e);
                ok = false;
                continue;
            }
            if (one.error() instanceof IOException e) {
                throw e;
            }
            SeedFormat.FileSum sum = one.sum();
            parts.add(one.changes());
            warnings.addAll(one.warnings());
            if (manifest != null && !sum.equals(manifest.files().get(file))) {
                SeedFormat.FileSum expected = manifest.files().get(file);
                String message = file + " does not match " + Manifest.FILE + " (expected "
                        + (expected == null ? "no file" : expected.size() + " bytes, crc32c " + expected.crcHex())
                        + ", found " + sum.size() + " bytes, crc32c " + sum.crcHex()
                        + "): an interrupted checkpoint or a damaged file";
                result.events.add(message);
                if (firstDamage[0] == null) {
                    firstDamage[0] = message;
                }
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        Base base = new Base();
        result.guilds = SeedFormat.build(parts);
        result.warnings = warnings;
        if (manifest != null) {
            base.seq = manifest.seq();
            base.journalFrom = manifest.journalFrom();
            result.source = RecoveryReport.Source.SNAPSHOT;
        } else {
            base.seq = journalsExist ? UNKNOWN_SEQ : 0;
            base.journalFrom = 0;
            result.needsCheckpoint = true;
            if (fs.exists(dir.resolve(Manifest.FILE))) {
                result.source = RecoveryReport.Source.SNAPSHOT;
                result.events.add("snapshot files loaded without checksum verification because "
                        + Manifest.FILE + " is damaged");
            } else {
                result.source = RecoveryReport.Source.SEED_IMPORT;
            }
        }
        return base;
    }

    /** One snapshot file's parse result (or why it failed). */
    private record Parsed(Map<GuildId, List<RecordChange>> changes, List<LoadWarning> warnings,
                          SeedFormat.FileSum sum, Exception error) {
    }

    /** Parses the existing snapshot files concurrently (the machine has several cores; each file is big). */
    private static Map<String, Parsed> parseInParallel(FileSystemOps fs, Path dir) throws IOException {
        Map<String, java.util.concurrent.Future<Parsed>> futures = new java.util.LinkedHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                SeedFormat.FILES.size(), runnable -> {
                    Thread thread = new Thread(runnable, "campaign-keeper-load");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (String file : SeedFormat.FILES) {
                Path path = dir.resolve(file);
                if (!fs.exists(path)) {
                    continue;
                }
                futures.put(file, pool.submit(() -> {
                    Map<GuildId, List<RecordChange>> changes = new java.util.LinkedHashMap<>();
                    List<LoadWarning> warnings = new ArrayList<>();
                    try (InputStream in = fs.openRead(path)) {
                        SeedFormat.FileSum sum = SeedFormat.readChanges(file, in, changes, warnings);
                        return new Parsed(changes, warnings, sum, null);
                    } catch (FormatException | IOException e) {
                        return new Parsed(Map.of(), List.of(), null, e);
                    } catch (RuntimeException e) {
                        return new Parsed(Map.of(), List.of(), null,
                                new FormatException("cannot be read (" + e + ")", -1, -1, e));
                    }
                }));
            }
            Map<String, Parsed> results = new HashMap<>();
            for (Map.Entry<String, java.util.concurrent.Future<Parsed>> entry : futures.entrySet()) {
                try {
                    results.put(entry.getKey(), entry.getValue().get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while loading " + entry.getKey());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("loading " + entry.getKey() + " failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Base tryBackups(FileSystemOps fs, List<Backups.Ref> backups, Result result) {
        List<Backups.Ref> ordered = new ArrayList<>();
        backups.stream().filter(ref -> !ref.seedStyle()).forEach(ordered::add);
        backups.stream().filter(Backups.Ref::seedStyle).forEach(ordered::add);
        for (Backups.Ref ref : ordered) {
            try {
                Backups.Loaded loaded = Backups.load(fs, ref);
                Base base = new Base();
                result.guilds = new HashMap<>(loaded.guilds());
                result.warnings = new ArrayList<>(loaded.warnings());
                result.source = RecoveryReport.Source.BACKUP;
                result.backupId = ref.id();
                result.needsCheckpoint = true;
                if (ref.seedStyle()) {
                    base.seq = 0;
                    base.replay = false;
                    result.events.add("recovered from seed-style backup " + ref.id()
                            + " (its sequence number is unknown, so no journal was replayed on it)");
                } else {
                    base.seq = ref.seq();
                    base.journalFrom = 0;
                    result.events.add("recovered from backup " + ref.id() + " (sequence " + ref.seq()
                            + ") plus the journal after it");
                }
                return base;
            } catch (FormatException | IOException | RuntimeException e) {
                result.events.add("backup " + ref.id() + " is not usable: " + e.getMessage());
            }
        }
        return null;
    }

    private static final class Replay {
        long expected;
        long last;
        boolean stopped;
        long lost;
        long applied;
        Path current;
        String stopReason;
    }

    /** One journal line: its offset and its entry, or why a checksum-valid line cannot be decoded. */
    record Decoded(long offset, JournalCodec.Entry entry, String error) {
    }

    /** A journal's scan result and its decoded valid lines. */
    record JournalFile(Path path, Journal.Scan scan, List<Decoded> lines) {
    }

    static JournalFile decodeFile(FileSystemOps fs, Path path, RecordJson.Warnings ids) throws IOException {
        List<Decoded> lines = new ArrayList<>();
        Journal.Scan scan;
        try (InputStream in = fs.openRead(path)) {
            scan = Journal.scan(in, (line, length, offset) -> {
                try {
                    lines.add(new Decoded(offset, JournalCodec.decode(line, length, ids), null));
                } catch (FormatException e) {
                    lines.add(new Decoded(offset, null, e.getMessage()));
                }
            });
        }
        return new JournalFile(path, scan, lines);
    }

    /** Why an entry cannot be applied to its guild (a change for another guild), or null if it can. */
    private static String foreignChange(JournalCodec.Entry entry) {
        for (RecordChange change : entry.changes()) {
            if (!change.guild().equals(entry.guild())) {
                return "a change for guild " + change.guild() + " cannot be applied to guild " + entry.guild();
            }
        }
        return null;
    }

    private static void replay(FileSystemOps fs, List<Path> journals, Base base, Result result,
                               Map<Path, JournalFile> predecoded) throws IOException {
        Replay state = new Replay();
        state.expected = base.seq == UNKNOWN_SEQ ? UNKNOWN_SEQ : base.seq + 1;
        state.last = Math.max(0, base.seq);
        Map<GuildId, GuildState> guilds = result.guilds;
        RecordJson.Warnings ids = JournalCodec.REPLAY;
        // the entries to replay, per guild in sequence order: one apply per guild at the end gives the
        // same state as one apply per entry (guilds are independent), without copying a guild's maps
        // once per entry
        Map<GuildId, List<RecordChange>> pending = new HashMap<>();
        for (Path journal : journals) {
            if (Journal.generation(journal) < base.journalFrom) {
                continue;
            }
            state.current = journal;
            long lostBefore = state.lost;
            JournalFile file = predecoded.get(journal);
            if (file == null) {
                file = decodeFile(fs, journal, ids);
            }
            Journal.Scan scan = file.scan();
            for (Decoded line : file.lines()) {
                long offset = line.offset();
                JournalCodec.Entry entry = line.entry();
                {
                    if (entry == null) {
                        if (!state.stopped) {
                            state.stopped = true;
                            state.stopReason = journal.getFileName() + ": entry at byte offset " + offset
                                    + " has a valid checksum but cannot be decoded (" + line.error() + ")";
                        }
                        state.lost++;
                        continue;
                    }
                    if (state.stopped || !base.replay) {
                        if (entry.seq() > state.last) {
                            state.lost++;
                        }
                        continue;
                    }
                    if (state.expected != UNKNOWN_SEQ && entry.seq() < state.expected) {
                        continue;
                    }
                    if (state.expected != UNKNOWN_SEQ && entry.seq() != state.expected) {
                        state.stopped = true;
                        state.stopReason = journal.getFileName() + ": entry " + entry.seq() + " at byte offset "
                                + offset + " follows " + (state.expected - 1) + "; mutations in between are missing";
                        state.lost++;
                        continue;
                    }
                    String foreign = foreignChange(entry);
                    if (foreign != null) {
                        state.stopped = true;
                        state.stopReason = journal.getFileName() + ": entry " + entry.seq() + " cannot be applied: "
                                + foreign;
                        state.lost++;
                        continue;
                    }
                    pending.computeIfAbsent(entry.guild(), guild -> new ArrayList<>()).addAll(entry.changes());
                    state.last = entry.seq();
                    state.expected = entry.seq() + 1;
                    state.applied++;
                }
            }
            result.journalBytes += scan.validEnd();
            if (scan.corrupt()) {
                if (!state.stopped) {
                    state.stopped = true;
                    state.stopReason = journal.getFileName() + ": " + scan.problem() + " at byte offset "
                            + scan.problemOffset();
                }
                state.lost += scan.entriesAfterProblem();
            } else if (!scan.clean()) {
                LOG.info("{}: {} at byte offset {} (a write interrupted by a crash; it was never acknowledged)",
                        journal.getFileName(), scan.problem(), scan.problemOffset());
            }
            if (state.lost > lostBefore || scan.corrupt()) {
                result.damagedJournals.add(journal);
            }
        }
        pending.forEach((guild, changes) -> {
            GuildState next = guilds.getOrDefault(guild, GuildState.empty(guild)).apply(changes);
            if (next.isEmpty()) {
                guilds.remove(guild);
            } else {
                guilds.put(guild, next);
            }
        });
        if (!base.replay && state.lost > 0) {
            result.events.add(state.lost + " journal entries could not be replayed on a seed-style backup");
            result.dataLost = true;
        } else if (state.stopped) {
            result.events.add(state.stopReason + "; replay stopped after sequence " + state.last + ", "
                    + state.lost + " later journal entries were lost");
            result.dataLost = true;
        }
        if (!result.damagedJournals.isEmpty()) {
            result.needsCheckpoint = true;
        }
        result.seq = state.last;
        result.journalEntries = state.applied;
    }
}
