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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    /** What happens to a file recovery does not trust: never overwritten or deleted. */
    private static final String ASIDE = "; opening the store keeps it as <name>.corrupt-<time>, never overwritten";
    static final long UNKNOWN_SEQ = -1;
    /**
     * The one executor loads run on (the snapshot files parsed side by side, the guild states built
     * from them, the journal decoded and shared with those states in batches ahead of its replay,
     * and the replayed guilds applied; see {@link #inParallel}): daemon threads, started on demand
     * and ended when idle, shared by every load. Only the loading thread submits to it.
     */
    private static final java.util.concurrent.ExecutorService WORKERS =
            java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "campaign-keeper-load");
                thread.setDaemon(true);
                return thread;
            });

    private Loader() {
    }

    /**
     * What was loaded and what the writer must do about it; immutable.
     *
     * @param seq sequence number of the last mutation in the state
     * @param guilds every non-empty guild's state (unmodifiable)
     * @param warnings values kept although they break today's rules
     * @param events what recovery had to do, one line each
     * @param dataLost whether an acknowledged mutation could not be recovered
     * @param source where the base came from
     * @param backupId the backup used as the base, if any
     * @param manifest the live manifest, if it was readable
     * @param maxGeneration the highest journal generation present or named
     * @param damaged files recovery does not trust (to be moved aside by whoever holds the lock)
     * @param damagedJournals journals holding entries that were not replayed or damage (moved aside, never deleted)
     * @param needsCheckpoint whether the state must be written as a new base before it is trusted
     * @param journalEntries journal entries replayed
     * @param journalBytes bytes of valid journal lines read
     * @param located for events about one file: which file and where in it (for verify's table)
     */
    record Loaded(long seq, Map<GuildId, GuildState> guilds, List<LoadWarning> warnings, List<String> events,
                  boolean dataLost, RecoveryReport.Source source, Optional<String> backupId,
                  Optional<Manifest> manifest, long maxGeneration, Set<Path> damaged, Set<Path> damagedJournals,
                  boolean needsCheckpoint, long journalEntries, long journalBytes, Map<String, Located> located) {

        Loaded {
            guilds = Collections.unmodifiableMap(guilds); // built by the loader alone; not copied (it may be large)
            warnings = List.copyOf(warnings);
            events = List.copyOf(events);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(backupId, "backupId");
            Objects.requireNonNull(manifest, "manifest");
            damaged = Collections.unmodifiableSet(new LinkedHashSet<>(damaged));
            damagedJournals = Collections.unmodifiableSet(new LinkedHashSet<>(damagedJournals));
            located = Map.copyOf(located);
        }

        /**
         * The report of this load, with the files the caller moved aside.
         *
         * @param movedAside damaged files renamed aside
         * @return the report
         */
        RecoveryReport report(List<Path> movedAside) {
            return new RecoveryReport(seq, source, backupId, events, dataLost, movedAside, warnings);
        }
    }

    /** The load in progress (only the loader sees it). */
    private static final class Result {
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
        Map<String, Located> located = new HashMap<>();

        Loaded done() {
            return new Loaded(seq, guilds, warnings, events, dataLost, source, Optional.ofNullable(backupId),
                    Optional.ofNullable(manifest), maxGeneration, damaged, damagedJournals, needsCheckpoint,
                    journalEntries, journalBytes, located);
        }
    }

    /** Where an event is: a file of the data directory and a place in it ("byte N"), maybe empty. */
    record Located(String file, String where) {
    }

    /** Adds an event about one file; events are capped so a huge quoted value cannot flood a report. */
    private static void event(Result result, String file, String where, String message) {
        String capped = RecordJson.excerpt(message, 1000);
        result.events.add(capped);
        if (file != null) {
            result.located.put(capped, new Located(file, where == null ? "" : where));
        }
    }

    private static final class Base {
        long seq;
        long journalFrom;
        boolean replay = true;
    }

    static Loaded load(FileSystemOps fs, Path dir) throws IOException {
        return load(fs, dir, 0);
    }

    /**
     * Loads the newest provable state.
     *
     * @param preallocated the size journals are preallocated to, which tells a truncated journal
     *                     from a torn tail (0 if unknown)
     */
    static Loaded load(FileSystemOps fs, Path dir, long preallocated) throws IOException {
        return load(fs, dir, preallocated, (java.util.Set<GuildId>) null);
    }

    /**
     * Loads the newest provable state of one guild ({@code only}; null: every guild). The
     * manifest, every snapshot file's size and checksum and every journal line are still checked
     * exactly as by a full load (damage anywhere is reported, never trusted, and picks the same
     * base), but only the wanted guilds' records are built and only their journal entries applied:
     * one guild's read costs a scan of the files, not a parse of every guild.
     *
     * @param preallocated the size journals are preallocated to (0 if unknown)
     * @param only the guild to build, or null for all
     */
    static Loaded load(FileSystemOps fs, Path dir, long preallocated, GuildId only) throws IOException {
        return load(fs, dir, preallocated, only == null ? null : java.util.Set.of(only));
    }

    /**
     * {@link #load(FileSystemOps, Path, long, GuildId)} building the guilds of a set (null: every
     * guild): every file is checked as by a full load, only these guilds' records are built and
     * only their journal entries applied.
     *
     * @param preallocated the size journals are preallocated to (0 if unknown)
     * @param only the guilds to build, or null for all
     */
    static Loaded load(FileSystemOps fs, Path dir, long preallocated, java.util.Set<GuildId> only)
            throws IOException {
        java.util.function.Predicate<GuildId> wanted = only == null ? null : only::contains;
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
            } catch (UnsafeFileException e) {
                unsafe(result, firstDamage, e);
            }
        }
        String unsafeBackups = Backups.unsafeDir(fs, dir);
        if (unsafeBackups != null) {
            Path backups = Backups.dir(dir);
            event(result, Backups.DIR, "", Backups.DIR + " " + unsafeBackups
                    + ": its contents are not used" + ASIDE);
            result.damaged.add(backups);
        }
        boolean liveExists = false;
        for (String file : SeedFormat.FILES) {
            liveExists |= fs.exists(dir.resolve(file));
        }
        List<Path> journals = Journal.list(fs, dir);
        for (Path journal : journals) {
            result.maxGeneration = Math.max(result.maxGeneration, Journal.generation(journal));
        }

        Base base = null;
        if (result.manifest != null || liveExists) {
            base = tryLive(fs, dir, result, firstDamage, !journals.isEmpty(), only);
        }
        if (base == null) {
            List<Backups.Ref> backups = Backups.list(fs, dir);
            if (!backups.isEmpty()) {
                base = tryBackups(fs, backups, result, wanted);
            } else if (!manifestExists && !liveExists) {
                base = new Base();
                result.source = RecoveryReport.Source.NEW;
                if (!journals.isEmpty()) {
                    result.events.add("no snapshot files; state rebuilt from the journal alone");
                    result.needsCheckpoint = true;
                }
            }
            if (base == null) {
                String detail = firstDamage[0] != null ? firstDamage[0] : "no valid snapshot or backup";
                throw new DataDamagedException("No valid state can be recovered from data directory " + dir + ": "
                        + detail + ". No valid backup exists in " + Backups.dir(dir)
                        + ". The data directory was left untouched; restore it from an external copy or repair "
                        + "the named file.");
            }
        }
        checkNamedJournal(result, base, journals);
        replay(fs, journals, base, result, preallocated, only);
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
        return result.done();
    }

    private static void damage(FileSystemOps fs, Result result, String[] firstDamage, Path path, FormatException e) {
        String at = locate(fs, path, e);
        String where = path.getFileName() + ": " + e.getMessage() + at;
        event(result, path.getFileName().toString(), at.isEmpty() ? "" : at.substring(2, at.length() - 1), where);
        result.damaged.add(path);
        if (firstDamage[0] == null) {
            firstDamage[0] = where;
        }
    }

    /** A link or special file where a data file belongs: damage, never read through. */
    private static void unsafe(Result result, String[] firstDamage, UnsafeFileException e) {
        String message = e.getMessage() + "; it was not read" + ASIDE;
        event(result, e.file().getFileName().toString(), "", message);
        result.damaged.add(e.file());
        if (firstDamage[0] == null) {
            firstDamage[0] = e.getMessage();
        }
    }

    /**
     * " (byte offset N)" computed from the parser's line and column (or, for bad UTF-8, by finding
     * the first malformed byte), or "".
     */
    static String locate(FileSystemOps fs, Path path, FormatException e) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
            try (InputStream in = fs.openRead(path)) {
                long offset = Utf8.firstMalformed(in);
                return offset < 0 ? "" : " (byte offset " + offset + ")";
            } catch (IOException ignored) {
                return "";
            }
        }
        if (e.line() < 1 || e.column() < 1) {
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
            // the column counts UTF-16 units from 1: consume whole characters until the next one is at it
            long units = 1;
            while (units < e.column() && (b = in.read()) >= 0) {
                offset++;
                units += (b & 0xF8) == 0xF0 ? 2 : 1;
                in.mark(4);
                while ((b = in.read()) >= 0 && (b & 0xC0) == 0x80) {
                    offset++;
                    in.mark(4);
                }
                in.reset();
            }
            return " (byte offset " + offset + ")";
        } catch (IOException ignored) {
            return "";
        }
    }

    private static Base tryLive(FileSystemOps fs, Path dir, Result result, String[] firstDamage,
                                boolean journalsExist, java.util.Set<GuildId> only)
            throws IOException {
        Manifest manifest = result.manifest;
        List<LoadWarning> warnings = new ArrayList<>();
        boolean ok = true;
        Map<String, Parsed> parsed = parseInParallel(fs, dir, manifest, only);
        List<Map<GuildId, List<RecordChange>>> parts = new ArrayList<>();
        for (String file : SeedFormat.FILES) {
            Path path = dir.resolve(file);
            Parsed one = parsed.get(file);
            if (one == null) {
                if (manifest != null) {
                    String message = file + " is missing although " + Manifest.FILE + " lists it";
                    event(result, file, "", message);
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
            if (one.error() instanceof UnsafeFileException e) {
                unsafe(result, firstDamage, e);
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
                        + ", found " + sum.size() + " bytes" + (sum.crc() < 0 ? ", not read" : ", crc32c " + sum.crcHex())
                        + "): an interrupted checkpoint or a damaged file" + ASIDE;
                event(result, file, "", message);
                // recovery does not trust it: keep it, the checkpoint after recovery must not overwrite it
                result.damaged.add(path);
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
    private static Map<String, Parsed> parseInParallel(FileSystemOps fs, Path dir, Manifest manifest,
                                                       java.util.Set<GuildId> only)
            throws IOException {
        java.util.function.Predicate<GuildId> wanted = only == null ? null : only::contains;
        Map<String, java.util.concurrent.Future<Parsed>> futures = new java.util.LinkedHashMap<>();
        List<String> present = new ArrayList<>();
        for (String file : SeedFormat.FILES) {
            if (fs.exists(dir.resolve(file))) {
                present.add(file);
            }
        }
        SharedIds ids = new SharedIds(Math.max(1, present.size())); // one id object per id across the files
        try {
            for (String file : present) {
                Path path = dir.resolve(file);
                SeedFormat.FileSum expected = manifest == null ? null : manifest.files().get(file);
                futures.put(file, WORKERS.submit(() -> {
                    Map<GuildId, List<RecordChange>> changes = new java.util.LinkedHashMap<>();
                    List<LoadWarning> warnings = new ArrayList<>();
                    if (expected != null && fs.kind(path) == FileSystemOps.Kind.FILE) {
                        long size = fs.size(path);
                        if (size != expected.size()) {
                            // not what the manifest lists: no need to read it (it may be huge)
                            return new Parsed(Map.of(), List.of(), new SeedFormat.FileSum(size, -1), null);
                        }
                    }
                    if (only != null && expected != null) {
                        // the manifest vouches for the bytes: find the guild's entries without parsing the rest
                        GuildScan scan;
                        try (InputStream in = fs.openRead(path)) {
                            scan = only.size() == 1 ? GuildScan.scan(in, only.iterator().next(), expected.size())
                                    : GuildScan.scan(in, only, expected.size());
                        } catch (IOException e) {
                            return new Parsed(Map.of(), List.of(), null, e);
                        }
                        if (!scan.sum().equals(expected)) {
                            return new Parsed(Map.of(), List.of(), scan.sum(), null); // damage: never trusted
                        }
                        if (!scan.unsure()) {
                            try {
                                SeedFormat.readChanges(file, new java.io.ByteArrayInputStream(scan.document()), changes,
                                        warnings, ids, wanted);
                                return new Parsed(changes, warnings, scan.sum(), null);
                            } catch (FormatException e) {
                                changes.clear(); // parsed whole below, for the error's place in the file
                                warnings.clear();
                            }
                        }
                    }
                    try (InputStream in = fs.openRead(path)) {
                        SeedFormat.FileSum sum = SeedFormat.readChanges(file, in, changes, warnings, ids, wanted);
                        return new Parsed(changes, warnings, sum, null);
                    } catch (FormatException | IOException e) {
                        return new Parsed(Map.of(), List.of(), null, e);
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
                    // not damage (that is a Parsed error): a bug, so nothing may be moved aside or written
                    throw new IllegalStateException("internal error while reading " + entry.getKey()
                            + "; nothing in the data directory was changed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            futures.values().forEach(future -> future.cancel(true));
        }
    }

    private static Base tryBackups(FileSystemOps fs, List<Backups.Ref> backups, Result result,
                                   java.util.function.Predicate<GuildId> wanted) {
        for (Backups.Ref ref : Backups.recoveryOrder(backups)) {
            try {
                Backups.Loaded loaded = Backups.load(fs, ref);
                Base base = new Base();
                result.guilds = new HashMap<>(loaded.guilds());
                result.warnings = new ArrayList<>(loaded.warnings());
                if (wanted != null) { // recovery from a backup is the rare path: loaded whole, then kept in part
                    result.guilds.keySet().removeIf(guild -> !wanted.test(guild));
                }
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
            } catch (FormatException | IOException e) {
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
        String stopFile;
        long stopOffset;
    }

    private static void stop(Replay state, String file, long offset, String reason) {
        state.stopped = true;
        state.stopFile = file;
        state.stopOffset = offset;
        state.stopReason = file + ": " + reason;
    }

    /**
     * One journal line: its offset and its entry, or why a checksum-valid line cannot be decoded;
     * {@code foreign} says why the entry cannot be applied to its guild (a change for another guild),
     * null if it can (found while decoding, so the replay does not look at the records again).
     */
    record Decoded(long offset, JournalCodec.Entry entry, String error, String foreign) {
    }

    /** Takes the decoded lines of a journal, in file order. */
    interface DecodedSink {
        void accept(Decoded line);
    }

    /** Lines decoded per task: big enough to be worth a hand-off, small enough to bound memory. */
    private static final int DECODE_BATCH = 2048;
    /** Batches decoded ahead of the one being replayed: what the journal costs in memory at once. */
    private static final int DECODE_AHEAD = 4;

    /**
     * Decodes a journal into {@code sink}, line by line in file order, and returns its scan result.
     * The lines are decoded on the load workers in batches while the caller's thread scans (checksums)
     * and replays, but only {@link #DECODE_AHEAD} batches are ever held: the decoded journal is never
     * in memory as a whole (at 500,000 entries that would be 255 MB beside the state it is replayed on).
     * With {@code only}, another guild's entries keep their sequence number and guild but not their
     * changes (the replay skips them; their checksums are verified all the same).
     *
     * @param base the states the entries are replayed on, read (never changed) by the workers while
     *             the file is decoded: each decoded put shares its unchanged fields with the record it
     *             replaces there ({@link ReplayShare}), so what waits for the replay is only what changed
     */
    static Journal.Scan decodeFile(FileSystemOps fs, Path path, RecordJson.Warnings ids, long preallocated,
                                   java.util.Set<GuildId> only, Map<GuildId, GuildState> base, DecodedSink sink)
            throws IOException {
        java.util.ArrayDeque<java.util.concurrent.Future<List<Decoded>>> ahead = new java.util.ArrayDeque<>();
        Batch[] batch = {new Batch()};
        try (InputStream in = fs.openRead(path)) {
            Journal.Scan scan = Journal.scan(in, preallocated, (line, length, offset) -> {
                batch[0].add(java.util.Arrays.copyOf(line, length), offset);
                if (batch[0].size() == DECODE_BATCH) {
                    Batch full = batch[0];
                    batch[0] = new Batch();
                    ahead.add(WORKERS.submit(() -> full.decode(ids, only, base)));
                    if (ahead.size() > DECODE_AHEAD) {
                        deliver(ahead.poll(), path, sink);
                    }
                }
            });
            Batch last = batch[0];
            ahead.add(WORKERS.submit(() -> last.decode(ids, only, base)));
            while (!ahead.isEmpty()) {
                deliver(ahead.poll(), path, sink);
            }
            return scan;
        } catch (UnsafeFileException e) {
            // never read through a link (to /dev/zero, say) or from a FIFO: damage, entries unknown
            return Journal.Scan.unreadable(e.reason() + ", not read");
        } finally {
            ahead.forEach(future -> future.cancel(true));
        }
    }

    private static void deliver(java.util.concurrent.Future<List<Decoded>> decoded, Path path, DecodedSink sink)
            throws IOException {
        List<Decoded> lines;
        try {
            lines = decoded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + path.getFileName());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory, say: not the loader's to dress up
            }
            if (e.getCause() instanceof IOException io) {
                throw new IOException("cannot decode " + path.getFileName() + ": " + io.getMessage(), io);
            }
            // not damage (a bad line is a Decoded error): a bug, so nothing may be moved aside or written
            throw new IllegalStateException("internal error while reading " + path.getFileName()
                    + "; nothing in the data directory was changed: " + e.getCause(), e.getCause());
        }
        lines.forEach(sink::accept);
    }

    /** Checksum-valid lines waiting to be decoded, with their offsets. */
    private static final class Batch {
        private final List<byte[]> lines = new ArrayList<>();
        private final List<Long> offsets = new ArrayList<>();

        void add(byte[] line, long offset) {
            lines.add(line);
            offsets.add(offset);
        }

        int size() {
            return lines.size();
        }

        List<Decoded> decode(RecordJson.Warnings ids, java.util.Set<GuildId> only, Map<GuildId, GuildState> base)
                throws IOException {
            List<Decoded> decoded = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                byte[] line = lines.get(i);
                long offset = offsets.get(i);
                if (only != null) {
                    JournalCodec.Entry header = JournalCodec.header(line, line.length);
                    if (header != null && !only.contains(header.guild())) {
                        decoded.add(new Decoded(offset, header, null, null));
                        continue;
                    }
                }
                JournalCodec.Entry entry;
                try {
                    entry = JournalCodec.decode(line, line.length, ids);
                } catch (FormatException e) {
                    decoded.add(new Decoded(offset, null, e.getMessage(), null));
                    continue;
                }
                String foreign = foreignChange(entry);
                decoded.add(new Decoded(offset, foreign == null ? shared(entry, base) : entry, null, foreign));
            }
            return decoded;
        }
    }

    /**
     * The journal a live manifest names is created (and made durable) before the manifest, so its
     * absence is damage: whatever it held after the snapshot is gone.
     */
    private static void checkNamedJournal(Result result, Base base, List<Path> journals) {
        Manifest manifest = result.manifest;
        if (manifest == null || result.source != RecoveryReport.Source.SNAPSHOT || base.journalFrom != manifest.journalFrom()
                || manifest.journalFrom() < 1) {
            return;
        }
        for (Path journal : journals) {
            if (Journal.generation(journal) >= manifest.journalFrom()) {
                return;
            }
        }
        String name = Journal.name(manifest.journalFrom());
        event(result, name, "", name + ", which " + Manifest.FILE + " names, is missing: any mutations after sequence "
                + manifest.seq() + " that it held are lost");
        result.dataLost = true;
    }

    /**
     * The entry with its puts sharing what they can with the records they replace in {@code base}
     * (the entry itself when its guild has no state there). Only for an entry whose changes are all
     * for its own guild: a record must never take another guild's id.
     */
    private static JournalCodec.Entry shared(JournalCodec.Entry entry, Map<GuildId, GuildState> base) {
        GuildState before = base.get(entry.guild());
        if (before == null) {
            return entry;
        }
        return new JournalCodec.Entry(entry.seq(), entry.guild(), ReplayShare.share(before, entry.changes()));
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

    /** Takes in one decoded journal line: queued for its guild, skipped, or where replay stops. */
    private static void replayLine(Replay state, Base base, String name, Decoded line,
                                   java.util.function.Predicate<GuildId> wanted,
                                   Map<GuildId, List<RecordChange>> pending) {
        long offset = line.offset();
        JournalCodec.Entry entry = line.entry();
        if (entry == null) {
            if (!state.stopped) {
                stop(state, name, offset, "entry at byte offset " + offset
                        + " has a valid checksum but cannot be decoded (" + line.error() + ")");
            }
            state.lost++;
            return;
        }
        if (state.stopped || !base.replay) {
            if (entry.seq() > state.last) {
                state.lost++;
            }
            return;
        }
        if (state.expected != UNKNOWN_SEQ && entry.seq() < state.expected) {
            return;
        }
        if (state.expected != UNKNOWN_SEQ && entry.seq() != state.expected) {
            stop(state, name, offset, "entry " + entry.seq() + " at byte offset " + offset + " follows "
                    + (state.expected - 1) + "; mutations in between are missing");
            state.lost++;
            return;
        }
        String foreign = line.foreign();
        if (foreign != null) {
            stop(state, name, offset, "entry " + entry.seq() + " at byte offset " + offset
                    + " cannot be applied: " + foreign);
            state.lost++;
            return;
        }
        if (wanted == null || wanted.test(entry.guild())) {
            pending.computeIfAbsent(entry.guild(), guild -> new ArrayList<>()).addAll(entry.changes());
        }
        state.last = entry.seq();
        state.expected = entry.seq() + 1;
        state.applied++;
    }

    /** Pending guilds applied per round: their old and new maps are alive together only this many at a time. */
    private static final int APPLY_ROUND = 4096;

    /**
     * Applies each pending guild's changes to its state in {@code guilds} (or to an empty one), the
     * guilds split between the load workers, and puts the results in {@code guilds} (an empty result
     * removes the guild). The guilds go in rounds of {@link #APPLY_ROUND}, each round's results put
     * before the next starts, so a guild's old state is garbage soon after its new one is built.
     */
    private static void applyInParallel(Map<GuildId, GuildState> guilds, Map<GuildId, List<RecordChange>> pending)
            throws IOException {
        List<Map.Entry<GuildId, List<RecordChange>>> entries = new ArrayList<>(pending.entrySet());
        for (int from = 0; from < entries.size(); from += APPLY_ROUND) {
            List<Map.Entry<GuildId, List<RecordChange>>> round =
                    entries.subList(from, Math.min(entries.size(), from + APPLY_ROUND));
            GuildState[] next = new GuildState[round.size()];
            inParallel(round.size(), i -> { // reads guilds; the puts below wait until the round is done
                Map.Entry<GuildId, List<RecordChange>> entry = round.get(i);
                GuildState before = guilds.get(entry.getKey());
                next[i] = (before == null ? GuildState.empty(entry.getKey()) : before).apply(entry.getValue());
            });
            for (GuildState state : next) {
                if (state.isEmpty()) {
                    guilds.remove(state.guild());
                } else {
                    guilds.put(state.guild(), state);
                }
            }
        }
    }

    /**
     * Runs {@code task} for every index in {@code [0, count)}: in ranges split between the load
     * workers and the calling thread when there is enough to share (at least 1,000 per processor),
     * else on the calling thread. Returns only when every range has ended, so no task outlives the
     * call; then rethrows the calling thread's own failure, else the first other range's.
     *
     * @throws java.io.InterruptedIOException if interrupted while waiting (after every range ended)
     */
    static void inParallel(int count, java.util.function.IntConsumer task) throws IOException {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), 1 + count / 1000);
        if (parts <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        int chunk = (count + parts - 1) / parts;
        List<java.util.concurrent.Future<?>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = p * chunk;
            int to = Math.min(count, from + chunk);
            others.add(WORKERS.submit(() -> {
                for (int i = from; i < to; i++) {
                    task.accept(i);
                }
            }));
        }
        Throwable failure = null;
        try {
            for (int i = 0; i < Math.min(count, chunk); i++) {
                task.accept(i);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (java.util.concurrent.Future<?> other : others) {
            while (true) {
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the ranges are short: wait for them all the same
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("internal error while building the loaded state", failure);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while building the loaded state");
        }
    }

    private static void replay(FileSystemOps fs, List<Path> journals, Base base, Result result, long preallocated,
                               java.util.Set<GuildId> only) throws IOException {
        java.util.function.Predicate<GuildId> wanted = only == null ? null : only::contains;
        Replay state = new Replay();
        state.expected = base.seq == UNKNOWN_SEQ ? UNKNOWN_SEQ : base.seq + 1;
        state.last = Math.max(0, base.seq);
        Map<GuildId, GuildState> guilds = result.guilds;
        RecordJson.Warnings ids = JournalCodec.REPLAY;
        // the entries to replay, per guild in sequence order: one apply per guild at the end gives the
        // same state as one apply per entry (guilds are independent), without copying a guild's maps
        // once per entry. Each entry shares what it can with the base as it is decoded (decodeFile),
        // so what waits here is only what changed.
        Map<GuildId, List<RecordChange>> pending = new HashMap<>();
        boolean lossUnknown = false;
        for (Path journal : journals) {
            if (Journal.generation(journal) < base.journalFrom) {
                continue;
            }
            state.current = journal;
            String name = journal.getFileName().toString();
            long lostBefore = state.lost;
            Journal.Scan scan = decodeFile(fs, journal, ids, preallocated, only, guilds,
                    line -> replayLine(state, base, name, line, wanted, pending));
            result.journalBytes += scan.validEnd();
            if (scan.lossPossible()) {
                if (!state.stopped) {
                    stop(state, name, scan.problemOffset(), scan.problem() + " at byte offset " + scan.problemOffset());
                }
                state.lost += scan.notReplayed();
                lossUnknown |= scan.lossUnknown();
            } else if (scan.corrupt()) {
                event(result, name, "byte " + scan.problemOffset(), name + ": " + scan.problem()
                        + "; every entry in it was replayed" + ASIDE);
            } else if (!scan.clean()) {
                LOG.info("{}: {} at byte offset {} (a write interrupted by a crash; it was never acknowledged)",
                        name, scan.problem(), scan.problemOffset());
            }
            if (scan.crlfLines() > 0) {
                event(result, name, "", name + ": " + scan.crlfLines() + " lines end in CRLF (a text tool converted "
                        + "the file); their checksums match without the CR, so they were replayed" + ASIDE);
            }
            if (state.lost > lostBefore || scan.corrupt() || scan.crlfLines() > 0) {
                result.damagedJournals.add(journal);
            }
        }
        applyInParallel(guilds, pending);
        if (!base.replay && state.lost > 0) {
            result.events.add(state.lost + " journal entries could not be replayed on a seed-style backup");
            result.dataLost = true;
        } else if (state.stopped) {
            event(result, state.stopFile, "byte " + state.stopOffset, state.stopReason + "; replay stopped after sequence "
                    + state.last + ": " + state.lost + " later journal entries were not replayed"
                    + (lossUnknown ? " (and an unknown number are gone)" : "")
                    + ASIDE);
            result.dataLost = true;
        }
        if (!result.damagedJournals.isEmpty()) {
            result.needsCheckpoint = true;
        }
        result.seq = state.last;
        result.journalEntries = state.applied;
    }
}
