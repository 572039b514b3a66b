package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.memory.InMemoryPostLog;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.PostLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post log's {@link PowerLossTest}: power lost at every I/O step of a workload whose segments
 * compact several times, starting from a data directory without {@code posts/}, from one whose
 * segment is damaged and from one where {@code posts} is a file. Every recovery must hold exactly
 * the acknowledged changes and the posts opening trusted (perhaps the change in flight too),
 * report no damage it did not start with, and keep what it did not trust as {@code *.corrupt-*},
 * for good once the log is open. A missing segment {@code force} or directory fsync loses posts
 * or brings damage back.
 */
class PostLogPowerLossTest {

    private static final GuildId GUILD = GuildId.of(1000);
    private static final List<ChannelId> CAMPAIGNS = List.of(ChannelId.of(3000), ChannelId.of(3001));
    private static final UserId ALICE = UserId.of(11);
    /** Small, so the workload's 60 changes compact the segments several times. */
    private static final long COMPACT_MIN_LINES = 6;
    private static final int RETENTION = 4;

    @TempDir
    Path dir;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withPostRetentionPerCampaign(RETENTION).withJournalPreallocateBytes(256);
    }

    private static PostRecord post(int n, int campaign, String text) {
        return new PostRecord(GUILD, CAMPAIGNS.get(campaign), WebhookId.of(77), Optional.empty(),
                List.of(MessageId.of(5_000 + 2L * n), MessageId.of(5_001 + 2L * n)), ALICE, Optional.empty(),
                "Aria", Instant.parse("2026-12-01T20:00:00Z").plusSeconds(n), text);
    }

    /** Appends to both campaigns, editing and deleting along the way: one change per element. */
    private static List<Consumer<PostLog>> changes() {
        List<Consumer<PostLog>> changes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PostRecord post = post(i, i % 2, "post " + i + " ✨");
            changes.add(log -> log.append(post));
            if (i % 3 == 2) {
                changes.add(log -> log.replace(post.edited(post.messages(), post.text() + " (edited)")));
            }
            if (i % 5 == 4) {
                changes.add(log -> log.remove(GUILD, post.id()));
            }
        }
        return changes;
    }

    /** What a log holds, campaign by campaign, newest first. */
    private static Map<ChannelId, List<PostRecord>> contents(PostLog log) {
        Map<ChannelId, List<PostRecord>> contents = new LinkedHashMap<>();
        for (ChannelId campaign : CAMPAIGNS) {
            contents.put(campaign, log.recent(GUILD, campaign, 100));
        }
        return contents;
    }

    /** What the log must hold after the first {@code count} changes, on top of what it started with. */
    private static Map<ChannelId, List<PostRecord>> model(List<PostRecord> start, List<Consumer<PostLog>> changes,
                                                          int count) {
        InMemoryPostLog model = new InMemoryPostLog(RETENTION);
        start.forEach(model::append);
        changes.subList(0, Math.min(count, changes.size())).forEach(change -> change.accept(model));
        return contents(model);
    }

    /** One mutating file-system operation. */
    private record Step(FakeFileSystem.Op op, Path path) {
    }

    /** Opens the log and runs the changes until they are done or the power fails; returns how many were acknowledged. */
    private int workload(FakeFileSystem fs, List<Consumer<PostLog>> changes) {
        return workload(fs, changes, new boolean[1]);
    }

    /** {@link #workload(FakeFileSystem, List)}, setting {@code opened[0]} once the open returned. */
    private int workload(FakeFileSystem fs, List<Consumer<PostLog>> changes, boolean[] opened) {
        int acknowledged = 0;
        try (JsonPostLog log = JsonPostLog.open(fs, config(), COMPACT_MIN_LINES)) {
            opened[0] = true;
            for (Consumer<PostLog> change : changes) {
                change.accept(log);
                acknowledged++;
            }
        } catch (StoreException | IOException e) {
            // the simulated power loss
        }
        return acknowledged;
    }

    /**
     * Cuts the power at every step of opening {@code start} and running the workload, then checks
     * each recovery (and a second power loss right after it).
     *
     * @param start what the data directory holds durably before the log is opened
     * @param damaged the path opening must keep aside, or null
     * @param expectedStart what opening {@code start} holds (what recovery trusted)
     * @param check more checks of each crash image, given the steps done before the power failed
     * @return the number of steps
     */
    private long powerLossAtEveryStep(FakeFileSystem start, Path damaged, List<PostRecord> expectedStart,
                                      ImageCheck check) throws IOException {
        List<Consumer<PostLog>> changes = changes();
        FakeFileSystem clean = start.crashImage();
        assertThat(workload(clean, changes)).isEqualTo(changes.size());
        long total = clean.operations();
        assertThat(total).isGreaterThan(100);
        int compactions = 0;
        for (Path segment : clean.list(JsonPostLog.dir(dir))) {
            compactions = (int) Math.max(compactions, Journal.generation(segment));
        }
        assertThat(compactions).as("segment generations: the workload compacts several times").isGreaterThan(6);

        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = start.crashImage();
            fs.crashAtOperation(step);
            List<Step> done = new ArrayList<>();
            fs.setFault((op, path) -> {
                done.add(new Step(op, path));
                return null;
            });
            boolean[] opened = {false};
            int acknowledged = workload(fs, changes, opened);
            FakeFileSystem image = fs.crashImage();
            String what = "power loss at step " + step + " (" + (step <= total ? "before" : "after all") + " "
                    + acknowledged + " acknowledged changes; last done " + (done.isEmpty() ? "none"
                    : done.get(done.size() - 1)) + ")";
            check.check(image, done, opened[0], what);
            boolean damageStillThere = damaged != null && image.exists(damaged) && !image.isDirectory(damaged);
            try (JsonPostLog recovered = JsonPostLog.open(image, config(), COMPACT_MIN_LINES)) {
                assertThat(contents(recovered)).as(what).satisfiesAnyOf(
                        found -> assertThat(found).isEqualTo(model(expectedStart, changes, acknowledged)),
                        found -> assertThat(found).isEqualTo(model(expectedStart, changes, acknowledged + 1)));
                if (damageStillThere) {
                    assertThat(recovered.events()).as(what + ": the damage is reported again").isNotEmpty();
                } else {
                    assertThat(recovered.events()).as(what + ": nothing to report").isEmpty();
                    assertThat(recovered.dataLost()).as(what).isFalse();
                }
            }
            try (JsonPostLog again = JsonPostLog.open(image.crashImage(), config(), COMPACT_MIN_LINES)) {
                assertThat(again.events()).as(what + ", then again right after recovery").isEmpty();
                assertThat(contents(again)).as(what + ", then again right after recovery").satisfiesAnyOf(
                        found -> assertThat(found).isEqualTo(model(expectedStart, changes, acknowledged)),
                        found -> assertThat(found).isEqualTo(model(expectedStart, changes, acknowledged + 1)));
            }
        }
        return total;
    }

    /** More checks of one crash image. */
    private interface ImageCheck {
        void check(FakeFileSystem image, List<Step> done, boolean opened, String what) throws IOException;
    }

    /**
     * What opening must keep of {@code damaged}: its bytes, at every step, under its name or aside
     * as one {@code *.corrupt-*} file; aside for good once the open has returned.
     */
    private ImageCheck neverLostAndAsideOnceOpen(Path damaged, byte[] bytes) {
        return (image, done, opened, what) -> {
            List<Path> aside = image.list(damaged.getParent()).stream()
                    .filter(path -> path.getFileName().toString().startsWith(damaged.getFileName() + ".corrupt-"))
                    .toList();
            boolean underItsName = image.exists(damaged) && !image.isDirectory(damaged);
            if (opened || !underItsName) {
                assertThat(aside).as(what + ": kept aside").hasSize(1);
                assertThat(image.read(aside.get(0))).as(what + ": the damaged bytes kept").isEqualTo(bytes);
            }
            if (underItsName) {
                assertThat(image.read(damaged)).as(what + ": the damaged bytes kept").isEqualTo(bytes);
            }
            assertThat(underItsName && opened).as(what + ": once open, a power loss does not bring it back")
                    .isFalse();
        };
    }

    /**
     * Nothing of a directory's damage is trusted, so it must be aside durably before anything new is
     * written: once {@code posts/} is created again, a power loss finds the file aside, with its bytes.
     */
    private ImageCheck asideBeforeTheDirectoryIsCreated(Path damaged, byte[] bytes) {
        ImageCheck kept = neverLostAndAsideOnceOpen(damaged, bytes);
        return (image, done, opened, what) -> {
            kept.check(image, done, opened, what);
            if (done.stream().anyMatch(step -> step.op() == FakeFileSystem.Op.MKDIR)) {
                assertThat(image.exists(damaged) && !image.isDirectory(damaged))
                        .as(what + ": aside durably before the directory is created").isFalse();
            }
        };
    }

    @Test
    void aNewPostLogLosesNoAcknowledgedChangeAtAnyStep() throws IOException {
        powerLossAtEveryStep(new FakeFileSystem(dir), null, List.of(), (image, done, opened, what) -> {
            boolean created = done.stream().anyMatch(step -> step.op() == FakeFileSystem.Op.CREATE);
            if (created) {
                assertThat(image.isDirectory(JsonPostLog.dir(dir))).as(what + ": posts/ durable before it is used")
                        .isTrue();
            }
        });
    }

    @Test
    void aCompactionLeavesOnlyItsOwnSegmentsThroughAPowerLoss() throws IOException {
        FakeFileSystem fs = new FakeFileSystem(dir);
        assertThat(workload(fs, changes())).isEqualTo(changes().size());
        FakeFileSystem image = fs.crashImage();
        Set<Path> live = new HashSet<>(fs.list(JsonPostLog.dir(dir)));
        assertThat(new HashSet<>(image.list(JsonPostLog.dir(dir))))
                .as("a power loss after the log is closed brings back no segment a compaction deleted")
                .isEqualTo(live);
        assertThat(live).as("compacted: one segment with the kept posts, one being appended to").hasSize(2);
    }

    @Test
    void aDamagedSegmentsTrustedPostsSurviveEveryStepAndItIsKeptAsideOnceOpen() throws IOException {
        FakeFileSystem start = new FakeFileSystem(dir);
        List<PostRecord> posts = new ArrayList<>();
        try (JsonPostLog log = JsonPostLog.open(start, config(), COMPACT_MIN_LINES)) {
            for (int i = 100; i < 103; i++) {
                PostRecord post = post(i, 0, "before the damage " + i);
                log.append(post);
                posts.add(post);
            }
        }
        start = start.crashImage();
        Path segment = JsonPostLog.dir(dir).resolve(Journal.name(1));
        byte[] bytes = start.read(segment);
        int secondLine = 0;
        while (bytes[secondLine] != '\n') {
            secondLine++;
        }
        bytes[secondLine + 5] ^= 0x10; // a bit flip in the second post's line
        start.replace(segment, bytes);
        List<PostRecord> trusted = List.of(posts.get(0));
        try (JsonPostLog opened = JsonPostLog.open(start.crashImage(), config(), COMPACT_MIN_LINES)) {
            assertThat(opened.events()).singleElement().asString().contains("checksum mismatch");
            assertThat(opened.dataLost()).isTrue();
            assertThat(contents(opened).get(CAMPAIGNS.get(0))).containsExactly(posts.get(0));
        }

        powerLossAtEveryStep(start, segment, trusted, neverLostAndAsideOnceOpen(segment, bytes));
    }

    @Test
    void aFileWherePostsBelongsIsKeptAsideDurablyBeforeTheDirectoryIsCreated() throws IOException {
        FakeFileSystem start = new FakeFileSystem(dir);
        Path posts = JsonPostLog.dir(dir);
        byte[] bytes = "not a directory".getBytes(StandardCharsets.UTF_8);
        try (FileSystemOps.WritableFile file = start.createNew(posts)) {
            file.write(ByteBuffer.wrap(bytes), 0);
            file.force(true);
        }
        start.fsyncDirectory(dir);
        try (JsonPostLog opened = JsonPostLog.open(start.crashImage(), config(), COMPACT_MIN_LINES)) {
            assertThat(opened.events()).singleElement().asString().contains("is a file, not a directory");
            assertThat(opened.movedAside()).singleElement().satisfies(path ->
                    assertThat(path.getFileName().toString()).startsWith("posts.corrupt-"));
        }

        powerLossAtEveryStep(start, posts, List.of(), asideBeforeTheDirectoryIsCreated(posts, bytes));
    }
}
