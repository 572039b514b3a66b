package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.memory.InMemoryPostLog;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.PostLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link PostLog}: {@code DATA_DIR/posts/}, beside the seed's three files and never
 * touching them. Each event is one checksummed line appended to the current segment
 * ({@code posts/journal-N.log}, the store journal's format and preallocation) and made durable
 * with fdatasync before the call returns, so an append costs what a store mutation costs whatever
 * the size of the log. The store's checkpoints never rewrite it: the log compacts itself (writes
 * the posts it keeps into a new segment that starts with a {@code reset} line, then deletes the
 * older segments) only once its segments hold more than twice the lines it keeps (and at least
 * {@link #COMPACT_MIN_LINES}), so compaction costs a constant per event on average.
 *
 * <p>Damage follows the store's rules: a torn last line is dropped, any other damage is reported
 * and the segment kept aside as {@code *.corrupt-<time>}, once the posts recovery trusted from it
 * are durable in a compacted segment (until then a power loss finds it where it was); links and
 * special files are never followed. Not for use on its own: {@link JsonCampaignStore#postLog()} opens it under the data
 * directory's lock.
 */
final class JsonPostLog implements PostLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonPostLog.class);

    static final String DIR = "posts";
    /** Segments are not compacted while they hold fewer lines than this. */
    static final long COMPACT_MIN_LINES = 10_000;

    private final FileSystemOps fs;
    private final Path dir;
    private final JsonStoreConfig config;
    private final List<String> events;
    private List<Path> movedAside;
    private final boolean dataLost;
    private final long compactMinLines;
    private InMemoryPostLog index;
    private Journal.Writer segment;
    private long seq;
    private long lines;
    private Throwable failure;
    private boolean closed;

    /** What the segments hold, read without changing anything. */
    record Loaded(InMemoryPostLog index, long seq, long lines, List<Path> segments, List<Path> damaged,
                  List<String> events, boolean dataLost, long bytes) {
    }

    private JsonPostLog(FileSystemOps fs, Path dir, JsonStoreConfig config, Loaded loaded, List<Path> movedAside,
                        long compactMinLines) {
        this.compactMinLines = compactMinLines;
        this.fs = fs;
        this.dir = dir;
        this.config = config;
        this.index = loaded.index();
        this.seq = loaded.seq();
        this.lines = loaded.lines();
        this.events = List.copyOf(loaded.events());
        this.dataLost = loaded.dataLost();
        this.movedAside = List.copyOf(movedAside);
    }

    static Path dir(Path dataDir) {
        return dataDir.resolve(DIR);
    }

    /** Why the posts directory cannot be used (a link, a file), or null when it is a directory or absent. */
    static String unsafeDir(FileSystemOps fs, Path dataDir) {
        return switch (fs.kind(dir(dataDir))) {
            case MISSING, DIRECTORY -> null;
            case LINK -> "is a symbolic link";
            case FILE -> "is a file, not a directory";
            case OTHER -> "is a special file (a FIFO, socket or device), not a directory";
        };
    }

    /**
     * Reads the post log of a data directory without changing anything.
     *
     * @throws IOException if a segment cannot be read (damage is reported, not thrown)
     */
    static Loaded load(FileSystemOps fs, Path dataDir, JsonStoreConfig config) throws IOException {
        Path dir = dir(dataDir);
        List<String> events = new ArrayList<>();
        List<Path> damaged = new ArrayList<>();
        String unsafe = unsafeDir(fs, dataDir);
        if (unsafe != null || fs.kind(dir) != FileSystemOps.Kind.DIRECTORY) {
            if (unsafe != null) {
                events.add(DIR + " " + unsafe + ": not read; opening the post log keeps it as " + DIR
                        + ".corrupt-<time>");
                damaged.add(dir);
            }
            return new Loaded(new InMemoryPostLog(config.postRetentionPerCampaign()), 0, 0, List.of(), damaged,
                    events, false, 0);
        }
        List<Path> segments = Journal.list(fs, dir);
        InMemoryPostLog[] index = {new InMemoryPostLog(config.postRetentionPerCampaign())};
        long[] seq = {0};
        long[] lines = {0};
        long bytes = 0;
        boolean lost = false;
        boolean[] missing = {false};
        // after a segment that could not be read to its end, the next one may start anywhere: that
        // loss is already reported
        boolean resync = false;
        for (Path segment : segments) {
            String name = DIR + "/" + segment.getFileName();
            Journal.Scan scan;
            boolean[] first = {true};
            boolean afterLoss = resync;
            resync = false;
            try (InputStream in = fs.openRead(segment)) {
                scan = Journal.scan(in, config.journalPreallocateBytes(), (line, length, offset) -> {
                    lines[0]++;
                    long written = PostLogCodec.seq(line, length);
                    PostLogCodec.Event event = null;
                    try {
                        event = PostLogCodec.decode(line, length);
                    } catch (FormatException | IllegalArgumentException e) {
                        damage(events, damaged, segment, name + ": the event at byte offset " + offset
                                + " cannot be applied (" + RecordJson.excerpt(String.valueOf(e.getMessage()), 200)
                                + "); skipped");
                    }
                    // a reset supersedes everything before it: nothing missing there is lost
                    String gap = first[0] && afterLoss || event instanceof PostLogCodec.Reset ? null
                            : sequenceProblem(written, seq[0], first[0]);
                    first[0] = false;
                    if (gap != null) {
                        damage(events, damaged, segment, name + ": the event at byte offset " + offset + " " + gap
                                + "; the events after it are applied");
                        missing[0] = true;
                    }
                    if (event instanceof PostLogCodec.Reset) {
                        index[0] = new InMemoryPostLog(config.postRetentionPerCampaign());
                        lines[0] = 1;
                    } else if (event != null) {
                        try {
                            apply(index[0], event);
                        } catch (IllegalArgumentException e) {
                            damage(events, damaged, segment, name + ": the event at byte offset " + offset
                                    + " cannot be applied (" + RecordJson.excerpt(String.valueOf(e.getMessage()), 200)
                                    + "); skipped");
                        }
                    }
                    seq[0] = written > 0 ? written : seq[0] + 1;
                });
            } catch (UnsafeFileException e) {
                events.add(name + " " + e.reason() + ": not read; its posts are lost");
                damaged.add(segment);
                lost = true;
                resync = true;
                continue;
            }
            bytes += scan.validEnd();
            if (scan.corrupt()) {
                events.add(name + ": " + scan.problem() + " at byte offset " + scan.problemOffset()
                        + (scan.lossPossible() ? "; " + scan.notReplayed() + " later events were not replayed" : "")
                        + "; opening the post log keeps it as <name>.corrupt-<time>");
                lost |= scan.lossPossible();
                resync = true;
                if (!damaged.contains(segment)) {
                    damaged.add(segment);
                }
            }
        }
        return new Loaded(index[0], seq[0], lines[0], segments, damaged, events, lost || missing[0], bytes);
    }

    /**
     * Why a line's sequence number shows events missing before it, or null. Within a segment every
     * line follows the one before; a segment may start anywhere up to one past the previous segment's
     * last line (logs written before sequence numbers were carried across reopens restart lower), but
     * a higher start means lines (or a whole segment) went missing.
     *
     * @param written the line's sequence number, or -1 if it has none
     * @param previous the sequence number of the line before, 0 at the log's start
     * @param segmentStart whether the line is its segment's first
     */
    static String sequenceProblem(long written, long previous, boolean segmentStart) {
        if (written < 1) {
            return "has no sequence number (\"seq\" must come first)";
        }
        long expected = previous + 1;
        if (written == expected || segmentStart && written < expected) {
            return null;
        }
        if (written > expected) {
            long gone = written - expected;
            return "has sequence number " + written + " where " + expected + " was due: " + gone
                    + (gone == 1 ? " event is" : " events are") + " missing before it";
        }
        return "has sequence number " + written + ", not after " + previous + " (lines out of order or repeated)";
    }

    /** Records damage in a segment: the event, and the segment to keep aside. */
    private static void damage(List<String> events, List<Path> damaged, Path segment, String event) {
        events.add(event);
        if (!damaged.contains(segment)) {
            damaged.add(segment);
        }
    }

    private static void apply(InMemoryPostLog index, PostLogCodec.Event event) {
        if (event instanceof PostLogCodec.Append append) {
            index.append(append.post());
        } else if (event instanceof PostLogCodec.Replace replace) {
            index.replace(replace.post());
        } else if (event instanceof PostLogCodec.Remove remove) {
            index.remove(remove.guild(), remove.post());
        } else if (event instanceof PostLogCodec.RemoveCampaign removeCampaign) {
            index.removeCampaign(removeCampaign.guild(), removeCampaign.campaign());
        } else {
            throw new IllegalStateException("unknown post-log event " + event);
        }
    }

    /** Opens (creating {@code posts/} if needed); the caller holds the data directory's lock. */
    static JsonPostLog open(FileSystemOps fs, JsonStoreConfig config) throws IOException {
        return open(fs, config, COMPACT_MIN_LINES);
    }

    /** {@link #open(FileSystemOps, JsonStoreConfig)} with another compaction threshold (tests). */
    static JsonPostLog open(FileSystemOps fs, JsonStoreConfig config, long compactMinLines) throws IOException {
        Path dataDir = config.dataDir();
        Path dir = dir(dataDir);
        Loaded loaded = load(fs, dataDir, config);
        Instant now = config.clock().instant();
        List<Path> aside = new ArrayList<>();
        if (loaded.damaged().contains(dir)) {
            aside.add(DirectoryState.moveAside(fs, dir, now));
            fs.fsyncDirectory(dataDir);
        }
        if (fs.kind(dir) == FileSystemOps.Kind.MISSING) {
            fs.createDirectory(dir);
            fs.fsyncDirectory(dataDir);
        }
        StateWriter.removeTemps(fs, dir);
        for (String event : loaded.events()) {
            LOG.warn("post log of {}: {}", dataDir, event);
        }
        // A damaged segment still holds posts recovery trusts (those before the damage): it is moved
        // aside only by the compaction below, once they are durable in the compacted segment.
        List<Path> damagedSegments = new ArrayList<>(loaded.damaged());
        damagedSegments.remove(dir);
        JsonPostLog log = new JsonPostLog(fs, dir, config, loaded, aside, compactMinLines);
        long generation = 0;
        for (Path segment : Journal.list(fs, dir)) {
            generation = Math.max(generation, Journal.generation(segment));
        }
        log.segment = Journal.Writer.create(fs, dir, generation + 1, config.journalPreallocateBytes());
        if (log.compactionDue() || !aside.isEmpty() || !damagedSegments.isEmpty()) {
            aside.addAll(log.compact(damagedSegments));
            log.movedAside = List.copyOf(aside);
        }
        return log;
    }

    /** What opening found: damage, skipped events, segments kept aside. */
    List<String> events() {
        return events;
    }

    boolean dataLost() {
        return dataLost;
    }

    List<Path> movedAside() {
        return movedAside;
    }

    @Override
    public int retentionPerCampaign() {
        return config.postRetentionPerCampaign();
    }

    @Override
    public synchronized void append(PostRecord post) {
        Objects.requireNonNull(post, "post");
        checkWritable();
        index.append(post); // validates (and applies the retention) before anything is written
        write(new PostLogCodec.Append(post));
    }

    @Override
    public synchronized boolean replace(PostRecord post) {
        Objects.requireNonNull(post, "post");
        checkWritable();
        if (!index.replace(post)) {
            return false;
        }
        write(new PostLogCodec.Replace(post));
        return true;
    }

    @Override
    public synchronized boolean remove(GuildId guild, MessageId post) {
        checkWritable();
        if (!index.remove(guild, post)) {
            return false;
        }
        write(new PostLogCodec.Remove(guild, post));
        return true;
    }

    @Override
    public synchronized int removeCampaign(GuildId guild, ChannelId campaign) {
        checkWritable();
        int removed = index.removeCampaign(guild, campaign);
        if (removed > 0) {
            write(new PostLogCodec.RemoveCampaign(guild, campaign));
        }
        return removed;
    }

    @Override
    public synchronized Optional<PostRecord> find(GuildId guild, MessageId message) {
        checkOpen();
        return index.find(guild, message);
    }

    @Override
    public synchronized List<PostRecord> recent(GuildId guild, ChannelId campaign, int limit) {
        checkOpen();
        return index.recent(guild, campaign, limit);
    }

    @Override
    public synchronized Optional<PostRecord> latestBy(GuildId guild, ChannelId campaign, UserId author) {
        checkOpen();
        return index.latestBy(guild, campaign, author);
    }

    /** Posts kept now. */
    synchronized int size() {
        return index.size();
    }

    private void write(PostLogCodec.Event event) {
        byte[] line = JournalCodec.line(seq + 1, PostLogCodec.encode(event));
        try {
            segment.append(ByteBuffer.wrap(line));
            segment.sync();
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("post log write in {} failed; it refuses further changes until the store is reopened", dir, e);
            throw new StoreException("The post log could not record this durably (" + IoProblems.reason(
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e))
                    + "); reopen the store to recover.", e);
        }
        seq++;
        lines++;
        if (compactionDue()) {
            try {
                compact(List.of());
            } catch (IOException | RuntimeException e) {
                // the event is durable in the current segment; compaction is retried on the next event
                LOG.warn("compacting the post log in {} failed: {}", dir, e.toString());
            }
        }
    }

    private boolean compactionDue() {
        return lines > Math.max(compactMinLines, 2L * index.size());
    }

    /**
     * Writes every kept post into a new segment that starts with a reset line (atomic replace), starts
     * a fresh segment after it, then deletes the older segments, moving the damaged ones aside instead.
     *
     * @param damaged older segments to keep as {@code *.corrupt-<time>} rather than delete
     * @return where the damaged segments were moved
     */
    private List<Path> compact(List<Path> damaged) throws IOException {
        long base = segment.generation() + 1;
        Path temp = StateWriter.temp(dir, Journal.name(base));
        fs.delete(temp);
        List<PostRecord> posts = index.all();
        long next = seq;
        try (FileSystemOps.WritableFile file = fs.createNew(temp); FileOutput out = new FileOutput(file)) {
            out.write(JournalCodec.line(++next, PostLogCodec.encode(new PostLogCodec.Reset())));
            for (PostRecord post : posts) {
                out.write(JournalCodec.line(++next, PostLogCodec.encode(new PostLogCodec.Append(post))));
            }
            out.flush();
            file.force(true);
        }
        fs.moveAtomic(temp, dir.resolve(Journal.name(base)));
        fs.fsyncDirectory(dir);
        Journal.Writer fresh = Journal.Writer.create(fs, dir, base + 1, config.journalPreallocateBytes());
        Journal.Writer old = segment;
        segment = fresh;
        seq = next;
        lines = posts.size() + 1L;
        old.close();
        List<Path> aside = new ArrayList<>();
        Instant now = config.clock().instant();
        for (Path path : Journal.list(fs, dir)) {
            if (Journal.generation(path) < base) {
                if (damaged.contains(path)) {
                    aside.add(DirectoryState.moveAside(fs, path, now));
                } else {
                    fs.delete(path);
                }
            }
        }
        fs.fsyncDirectory(dir);
        LOG.info("compacted the post log in {}: {} posts kept", dir, posts.size());
        return aside;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The post log of " + config.dataDir() + " is closed.");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (failure != null) {
            throw new StoreException("The post log of " + config.dataDir() + " refuses changes after an I/O failure ("
                    + failure.getMessage() + "); reopen the store to recover.", failure);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            segment.close();
        } catch (IOException e) {
            LOG.warn("closing the post log of {} failed: {}", dir, e.toString());
        }
    }
}
