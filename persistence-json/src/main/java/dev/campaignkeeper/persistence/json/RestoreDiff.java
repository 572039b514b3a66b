package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A restore dry run at the cost of what differs: each snapshot file is split into its guilds'
 * entries ({@link GuildSplit}) beside the backup's copy of it, the two compared byte for byte
 * guild by guild, and only the guilds whose entries differ (or that only one side has), plus the
 * guilds the journal after the snapshot touches, are parsed and compared as records. Every byte
 * of both sides is still checked against its manifest (size and CRC32C); a guild whose entries are
 * the same bytes in both and that no journal entry touches is the same state in both, so the
 * full comparison would list no change for it. Anything unusual (no live manifest, a checksum that
 * does not match, a file not in the store's layout, a seed-style backup, a directory that changed
 * during the read, a load that is not the verified snapshot) gives up: the caller then runs the
 * full comparison, which reports the damage as always.
 */
final class RestoreDiff {

    /**
     * The states of the guilds that may differ.
     *
     * @param current the current state of those guilds (as a full read finds them)
     * @param restored the backup's state of those guilds
     * @param report how the current state loaded (its warnings cover only these guilds)
     * @param compared how many guilds were parsed and compared
     */
    record Result(Map<GuildId, GuildState> current, Map<GuildId, GuildState> restored, RecoveryReport report,
                  int compared) {
    }

    /**
     * When, after this many guilds of a file, more than one in {@link #GIVE_UP_SHARE} differs (or
     * is touched by the journal), the byte comparison stops and the full comparison runs: it then
     * has to parse most guilds anyway, and keeping their bytes would only add to it.
     */
    static final int GIVE_UP_AFTER = 1000;

    /** See {@link #GIVE_UP_AFTER}. */
    static final int GIVE_UP_SHARE = 4;

    private final FileSystemOps fs;
    private final Path dir;
    private final ConsistentRead reader;

    RestoreDiff(FileSystemOps fs, Path dir, ConsistentRead reader) {
        this.fs = fs;
        this.dir = dir;
        this.reader = reader;
    }

    /**
     * Compares a backup with the current state.
     *
     * @param ref a native backup
     * @return the states of the guilds that may differ, or empty to run the full comparison
     */
    Optional<Result> compare(Backups.Ref ref) {
        try {
            return compareOrGiveUp(ref);
        } catch (IOException | FormatException | StoreException | IllegalArgumentException e) {
            return Optional.empty(); // the full comparison reads everything and reports what is wrong
        }
    }

    private Optional<Result> compareOrGiveUp(Backups.Ref ref) throws IOException, FormatException {
        if (ref.seedStyle()) {
            return Optional.empty();
        }
        ConsistentRead.DirectoryVersion before = reader.version();
        Optional<Manifest> live = before.manifest();
        if (live.isEmpty() || !live.get().kind().equals(Manifest.LIVE)) {
            return Optional.empty();
        }
        Path backup = ref.paths().get(0);
        if (fs.kind(backup) != FileSystemOps.Kind.DIRECTORY) {
            return Optional.empty();
        }
        Manifest saved;
        try (InputStream in = fs.openRead(backup.resolve(Backups.MANIFEST))) {
            saved = Manifest.decode(in);
        }
        if (saved.seq() != ref.seq() || !saved.kind().equals(Manifest.BACKUP)) {
            return Optional.empty();
        }
        long[] lastSeen = {live.get().seq()};
        Set<GuildId> journal = journalGuilds(live.get().journalFrom(), lastSeen);
        Set<String> journalKeys = new HashSet<>();
        journal.forEach(guild -> journalKeys.add(guild.value()));
        // the three file pairs in parallel; each yields the differing guilds' backup entries
        List<java.util.concurrent.Future<Map<String, byte[]>>> pairs = new ArrayList<>();
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(
                SeedFormat.FILES.size(), runnable -> {
                    Thread thread = new Thread(runnable, "campaign-keeper-restore-diff");
                    thread.setDaemon(true);
                    return thread;
                });
        Map<String, Map<String, byte[]>> differing = new LinkedHashMap<>();
        try {
            for (String file : SeedFormat.FILES) {
                SeedFormat.FileSum liveSum = live.get().files().get(file);
                SeedFormat.FileSum savedSum = saved.files().get(file);
                if (liveSum == null || savedSum == null) {
                    return Optional.empty();
                }
                Path livePath = dir.resolve(file);
                Path savedPath = backup.resolve(Backups.gzName(file));
                pairs.add(workers.submit(() -> comparePair(livePath, liveSum, savedPath, savedSum, journalKeys)));
            }
            for (int i = 0; i < pairs.size(); i++) {
                Map<String, byte[]> entries = pairs.get(i).get();
                if (entries == null) {
                    return Optional.empty();
                }
                differing.put(SeedFormat.FILES.get(i), entries);
            }
            Set<String> keys = new HashSet<>(journalKeys);
            differing.values().forEach(entries -> keys.addAll(entries.keySet()));
            // a guild that differs in one file is compared whole: where its entries in another file
            // are the same bytes on both sides, the live file's copy is the backup's entry
            List<java.util.concurrent.Future<Boolean>> copies = new ArrayList<>();
            for (String file : SeedFormat.FILES) {
                Map<String, byte[]> entries = differing.get(file);
                Set<String> missing = new HashSet<>(keys);
                missing.removeAll(entries.keySet());
                if (!missing.isEmpty()) {
                    SeedFormat.FileSum liveSum = live.get().files().get(file);
                    copies.add(workers.submit(() -> copyLive(dir.resolve(file), liveSum, missing, entries)));
                }
            }
            for (java.util.concurrent.Future<Boolean> copy : copies) {
                if (!copy.get()) {
                    return Optional.empty();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.empty();
        } finally {
            workers.shutdownNow();
        }
        Set<GuildId> compared = new HashSet<>(journal);
        differing.values().forEach(entries -> entries.keySet().forEach(key -> compared.add(GuildId.of(key))));

        Loader.Loaded current = reader.load(compared);
        if (current.source() != RecoveryReport.Source.SNAPSHOT || !before.equals(reader.version())
                || current.seq() > lastSeen[0]) {
            // a checkpoint ran, or a writer appended entries of guilds not compared: read everything
            return Optional.empty();
        }
        // the backup's entries of those guilds, read as Backups.load reads the whole files
        Map<GuildId, GuildState> restored = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> file : differing.entrySet()) {
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            document.write('{');
            boolean first = true;
            for (Map.Entry<String, byte[]> entry : file.getValue().entrySet()) {
                if (entry.getValue() == null) {
                    continue; // only the current state has this guild in this file
                }
                if (!first) {
                    document.write(',');
                }
                first = false;
                document.write(('"' + entry.getKey() + "\":").getBytes(StandardCharsets.UTF_8));
                document.write(entry.getValue());
            }
            document.write('}');
            SeedFormat.read(file.getKey(), new ByteArrayInputStream(document.toByteArray()), restored, new ArrayList<>());
        }
        Map<GuildId, GuildState> currentGuilds = new HashMap<>(current.guilds());
        currentGuilds.keySet().retainAll(compared);
        restored.keySet().retainAll(compared);
        return Optional.of(new Result(currentGuilds, restored, current.report(List.of()), compared.size()));
    }

    /**
     * Splits a live file and its backup copy side by side; returns the backup's entries of the
     * guilds whose entries differ or that the journal touches (null for a guild only the live file
     * has), or null to give up.
     */
    private Map<String, byte[]> comparePair(Path livePath, SeedFormat.FileSum liveSum, Path savedPath,
                                            SeedFormat.FileSum savedSum, Set<String> journalKeys)
            throws IOException {
        try (InputStream liveIn = fs.openRead(livePath);
             InputStream savedIn = new GZIPInputStream(fs.openRead(savedPath), 1 << 16)) {
            GuildSplit liveSplit = new GuildSplit(liveIn, liveSum.size());
            GuildSplit savedSplit = new GuildSplit(savedIn, savedSum.size());
            // both files are written in the same guild order, so the pending maps stay small; any
            // order still gives the right answer
            Map<String, byte[]> livePending = new HashMap<>();
            Map<String, byte[]> savedPending = new HashMap<>();
            Set<String> liveSeen = new HashSet<>();
            Set<String> savedSeen = new HashSet<>();
            Map<String, byte[]> differing = new LinkedHashMap<>();
            GuildSplit.Entry a = liveSplit.next();
            GuildSplit.Entry b = savedSplit.next();
            while (a != null || b != null) {
                if (a != null) {
                    if (!liveSeen.add(a.key())) {
                        return null; // a guild twice in one file: the full comparison merges them
                    }
                    byte[] other = savedPending.remove(a.key());
                    if (other != null) {
                        if (journalKeys.contains(a.key()) || !java.util.Arrays.equals(a.value(), other)) {
                            differing.put(a.key(), other);
                        }
                    } else {
                        livePending.put(a.key(), a.value());
                    }
                    a = liveSplit.next();
                }
                if (b != null) {
                    if (!savedSeen.add(b.key())) {
                        return null;
                    }
                    byte[] other = livePending.remove(b.key());
                    if (other != null) {
                        if (journalKeys.contains(b.key()) || !java.util.Arrays.equals(b.value(), other)) {
                            differing.put(b.key(), b.value());
                        }
                    } else {
                        savedPending.put(b.key(), b.value());
                    }
                    b = savedSplit.next();
                }
                if (liveSeen.size() >= GIVE_UP_AFTER && differing.size() * GIVE_UP_SHARE > liveSeen.size()) {
                    return null; // most guilds differ: parsing them all is cheaper without the byte comparison
                }
            }
            liveSplit.drain();
            savedSplit.drain();
            if (liveSplit.unsure() || savedSplit.unsure() || !liveSplit.sum().equals(liveSum)
                    || !savedSplit.sum().equals(savedSum)) {
                return null;
            }
            livePending.keySet().forEach(key -> differing.put(key, null));
            differing.putAll(savedPending);
            return differing;
        }
    }

    /**
     * Adds the live file's entries of the {@code wanted} guilds to {@code entries} (they are the
     * backup's too); false to give up (the file changed or is not in the store's layout).
     */
    private boolean copyLive(Path path, SeedFormat.FileSum sum, Set<String> wanted, Map<String, byte[]> entries)
            throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (InputStream in = fs.openRead(path)) {
            GuildSplit split = new GuildSplit(in, sum.size());
            for (GuildSplit.Entry entry = split.next(); entry != null; entry = split.next()) {
                if (wanted.contains(entry.key())) {
                    found.put(entry.key(), entry.value());
                }
            }
            split.drain();
            if (split.unsure() || !split.sum().equals(sum)) {
                return false;
            }
        }
        synchronized (entries) {
            entries.putAll(found);
        }
        return true;
    }

    /**
     * The guilds of every journal entry from the snapshot's journal on (a superset is harmless), and
     * in {@code lastSeen} the highest sequence number seen.
     */
    private Set<GuildId> journalGuilds(long journalFrom, long[] lastSeen) throws IOException, FormatException {
        Set<GuildId> guilds = new HashSet<>();
        boolean[] unknown = {false};
        for (Path journal : Journal.list(fs, dir)) {
            if (Journal.generation(journal) < journalFrom) {
                continue;
            }
            try (InputStream in = fs.openRead(journal)) {
                Journal.scan(in, (line, length, offset) -> {
                    JournalCodec.Entry header = JournalCodec.header(line, length);
                    if (header != null) {
                        guilds.add(header.guild());
                        lastSeen[0] = Math.max(lastSeen[0], header.seq());
                    } else {
                        unknown[0] = true;
                    }
                });
            }
        }
        if (unknown[0]) {
            // a line whose guild the header cannot tell: the full comparison decodes it
            throw new FormatException("a journal line without the usual header");
        }
        return guilds;
    }
}
