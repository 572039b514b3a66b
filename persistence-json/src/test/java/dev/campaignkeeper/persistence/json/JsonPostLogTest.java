package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.PostLogContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post log in {@code DATA_DIR/posts/}: the port's contract on real files (reopening means
 * closing and reopening the store), then power loss at every I/O step, compaction and damage.
 */
class JsonPostLogTest extends PostLogContract {

    @TempDir
    Path dir;

    private JsonCampaignStore store;

    private JsonStoreConfig config(int retention) {
        return Fixtures.config(dir).withPostRetentionPerCampaign(retention);
    }

    @Override
    protected PostLog newLog(int retentionPerCampaign) {
        store = JsonCampaignStore.open(config(retentionPerCampaign));
        return store.postLog();
    }

    @Override
    protected PostLog reopen(PostLog log) {
        int retention = log.retentionPerCampaign();
        store.close();
        store = JsonCampaignStore.open(config(retention));
        return store.postLog();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private List<PostRecord> posts(int count) {
        List<PostRecord> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            posts.add(post(GUILD, i % 3 == 0 ? OTHER_CAMPAIGN : CAMPAIGN, i % 2 == 0 ? ALICE : BOB, 1 + i % 2,
                    "post " + i + " ✨\nwith a second line"));
        }
        return posts;
    }

    /** Appends, edits and deletes; returns what the log must hold after the first {@code done} steps. */
    private static Set<PostRecord> workload(PostLog log, List<PostRecord> posts, int[] done) {
        Set<PostRecord> expected = new HashSet<>();
        for (PostRecord post : posts) {
            log.append(post);
            expected.add(post);
            done[0]++;
            if (done[0] % 5 == 0) {
                log.remove(post.guild(), post.id());
                expected.remove(post);
                done[0]++;
            } else if (done[0] % 7 == 0) {
                PostRecord edited = post.edited(post.messages(), post.text() + " (edited)");
                log.replace(edited);
                expected.remove(post);
                expected.add(edited);
                done[0]++;
            }
        }
        return expected;
    }

    @Test
    void powerLossAtEveryIoStepKeepsEveryAcknowledgedChange() throws IOException {
        List<PostRecord> posts = posts(30);
        JsonStoreConfig config = config(100).withJournalPreallocateBytes(256);
        FakeFileSystem clean = new FakeFileSystem(dir);
        try (JsonPostLog log = JsonPostLog.open(clean, config, 12)) {
            workload(log, posts, new int[1]);
        }
        long total = clean.operations();
        assertThat(total).isGreaterThan(100);

        for (long step = 1; step <= total + 1; step++) {
            FakeFileSystem fs = new FakeFileSystem(dir);
            fs.crashAtOperation(step);
            int[] done = {0};
            Set<PostRecord> acknowledged = new HashSet<>();
            try (JsonPostLog log = JsonPostLog.open(fs, config, 12)) {
                acknowledged = workload(log, posts, done);
            } catch (StoreException | IOException e) {
                // the simulated power loss; replay what was acknowledged before it
                acknowledged = replayAcknowledged(posts, done[0]);
            }
            FakeFileSystem after = fs.crashImage();
            try (JsonPostLog recovered = JsonPostLog.open(after, config, 12)) {
                Set<PostRecord> found = new HashSet<>();
                for (PostRecord post : posts) {
                    recovered.find(post.guild(), post.id()).ifPresent(found::add);
                }
                String what = "power loss at step " + step + " after " + done[0] + " acknowledged changes";
                // the change in flight may or may not have been kept; every acknowledged one was
                Set<PostRecord> oneMore = replayAcknowledged(posts, done[0] + 1);
                assertThat(found).as(what).satisfiesAnyOf(
                        f -> assertThat(f).isEqualTo(replayAcknowledged(posts, done[0])),
                        f -> assertThat(f).isEqualTo(oneMore));
                assertThat(recovered.dataLost()).as(what).isFalse();
            }
        }
    }

    /** The posts the first {@code steps} workload steps leave. */
    private static Set<PostRecord> replayAcknowledged(List<PostRecord> posts, int steps) {
        PostLog model = new dev.campaignkeeper.core.memory.InMemoryPostLog(100);
        int[] done = {0};
        Set<PostRecord> expected = new HashSet<>();
        for (PostRecord post : posts) {
            if (done[0] >= steps) {
                break;
            }
            model.append(post);
            expected.add(post);
            done[0]++;
            if (done[0] % 5 == 0) {
                if (done[0] >= steps) {
                    break;
                }
                expected.remove(post);
                done[0]++;
            } else if (done[0] % 7 == 0) {
                if (done[0] >= steps) {
                    break;
                }
                expected.remove(post);
                expected.add(post.edited(post.messages(), post.text() + " (edited)"));
                done[0]++;
            }
        }
        return expected;
    }

    @Test
    void compactionBoundsTheFilesAndKeepsExactlyWhatTheLogHolds() throws IOException {
        JsonStoreConfig config = config(20).withJournalPreallocateBytes(0);
        FakeFileSystem fs = new FakeFileSystem(dir);
        List<PostRecord> posts = new ArrayList<>();
        try (JsonPostLog log = JsonPostLog.open(fs, config, 50)) {
            for (int i = 0; i < 2_000; i++) {
                PostRecord post = post(GUILD, CAMPAIGN, ALICE, 1, "post " + i);
                log.append(post);
                posts.add(post);
            }
            assertThat(log.size()).isEqualTo(20);
        }
        long bytes = 0;
        for (Path segment : fs.list(JsonPostLog.dir(dir))) {
            bytes += fs.size(segment);
        }
        assertThat(bytes).as("segments hold at most a few times what the log keeps").isLessThan(100 * 400);
        try (JsonPostLog log = JsonPostLog.open(fs, config, 50)) {
            List<PostRecord> newestFirst = new ArrayList<>(posts.subList(1_980, 2_000));
            java.util.Collections.reverse(newestFirst);
            assertThat(log.recent(GUILD, CAMPAIGN, 100)).containsExactlyElementsOf(newestFirst);
            assertThat(log.events()).isEmpty();
        }
    }

    @Test
    void aTornLastLineIsDroppedQuietlyAndDamageIsReportedAndKept() throws IOException {
        JsonStoreConfig config = config(100);
        List<PostRecord> posts = posts(6);
        try (JsonCampaignStore opened = JsonCampaignStore.open(config)) {
            posts.forEach(opened.postLog()::append);
        }
        Path segment;
        try (Stream<Path> files = Files.list(JsonPostLog.dir(dir))) {
            segment = files.filter(p -> Journal.generation(p) >= 0).max(java.util.Comparator.comparingLong(
                    Journal::generation)).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        int end = 0;
        while (bytes[end] != 0) {
            end++;
        }
        int lastLine = end - 2;
        while (bytes[lastLine] != '\n') {
            lastLine--;
        }
        int secondLine = 0;
        while (bytes[secondLine] != '\n') {
            secondLine++;
        }
        bytes[secondLine + 5] ^= 0x10; // damage the second post's line
        bytes[end - 1] = 0;              // and tear the last line (its newline lost)
        Files.write(segment, bytes);

        try (JsonCampaignStore reopened = JsonCampaignStore.open(config)) {
            PostLog log = reopened.postLog();
            assertThat(log.find(GUILD, posts.get(0).id())).hasValue(posts.get(0));
            assertThat(log.find(GUILD, posts.get(1).id())).isEmpty();
            assertThat(log.find(GUILD, posts.get(5).id())).isEmpty();
            JsonPostLog json = (JsonPostLog) log;
            assertThat(json.dataLost()).isTrue();
            assertThat(json.events()).singleElement().asString().contains("checksum mismatch")
                    .contains("byte offset " + (secondLine + 1));
            assertThat(json.movedAside()).singleElement().satisfies(p ->
                    assertThat(p.getFileName().toString()).startsWith(segment.getFileName() + ".corrupt-"));
        }
    }

    @Test
    void aPostLogDirectoryThatIsALinkIsNeverWrittenThrough() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
        Files.createDirectories(dir);
        Files.createSymbolicLink(JsonPostLog.dir(dir), elsewhere);
        try (JsonCampaignStore opened = JsonCampaignStore.open(config(100))) {
            opened.postLog().append(post(GUILD, CAMPAIGN, ALICE, 1, "hello"));
            assertThat(((JsonPostLog) opened.postLog()).events()).singleElement().asString()
                    .contains("is a symbolic link");
        }
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertThat(written).isEmpty();
        }
        assertThat(Files.isDirectory(JsonPostLog.dir(dir), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void everyChangeAfterAFailedWriteIsRefusedUntilReopened() throws IOException {
        FakeFileSystem fs = new FakeFileSystem(dir);
        JsonStoreConfig config = config(100);
        try (JsonPostLog log = JsonPostLog.open(fs, config)) {
            log.append(post(GUILD, CAMPAIGN, ALICE, 1, "kept"));
            fs.setFault((op, path) -> op == FakeFileSystem.Op.FORCE ? new IOException("EIO") : null);
            PostRecord failed = post(GUILD, CAMPAIGN, ALICE, 1, "not durable");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append(failed))
                    .isInstanceOf(StoreException.class).hasMessageContaining("reopen");
            fs.setFault((op, path) -> null);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.remove(GUILD, MessageId.of(1)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("refuses");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.append(post(GUILD, CAMPAIGN, BOB, 1, "later")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("refuses changes after an I/O failure");
            assertThat(log.latestBy(GUILD, CAMPAIGN, BOB)).isEmpty();
        }
    }

    @Test
    void everyCallAfterCloseIsRefusedAndASecondCloseDoesNothing() throws IOException {
        PostRecord kept = post(GUILD, CAMPAIGN, ALICE, 1, "kept");
        FakeFileSystem fs = new FakeFileSystem(dir);
        JsonPostLog log = JsonPostLog.open(fs, config(100));
        log.append(kept);
        log.close();

        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> log.find(GUILD, kept.id()),
                () -> log.recent(GUILD, CAMPAIGN, 10),
                () -> log.latestBy(GUILD, CAMPAIGN, ALICE),
                () -> log.append(post(GUILD, CAMPAIGN, BOB, 1, "after close")),
                () -> log.replace(kept.edited(kept.messages(), "edited")),
                () -> log.remove(GUILD, kept.id()),
                () -> log.removeCampaign(GUILD, CAMPAIGN));
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : calls) {
            org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is closed");
        }
        log.close();
        try (JsonPostLog reopened = JsonPostLog.open(fs, config(100))) {
            assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).containsExactly(kept);
        }
    }

    @Test
    void compactionLeavesTheCompactedSegmentAndOneFreshSegmentAfterIt() throws IOException {
        JsonStoreConfig config = config(20).withJournalPreallocateBytes(0);
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path posts = JsonPostLog.dir(dir);
        long before;
        try (JsonPostLog log = JsonPostLog.open(fs, config, 50)) {
            before = generations(fs, posts).get(0);
            for (int i = 0; i < 60; i++) {
                log.append(post(GUILD, CAMPAIGN, ALICE, 1, "post " + i));
            }
            List<Long> after = generations(fs, posts);
            assertThat(after).hasSize(2);
            assertThat(after.get(0)).isGreaterThan(before);
            assertThat(after.get(1)).isEqualTo(after.get(0) + 1);
            assertThat(fs.openFiles()).as("only the fresh segment's writer is open").isEqualTo(1);
        }
        assertThat(fs.openFiles()).as("after close").isZero();
        try (JsonPostLog log = JsonPostLog.open(fs, config, 50)) {
            assertThat(log.size()).isEqualTo(20);
            assertThat(log.events()).isEmpty();
        }
    }

    private static List<Long> generations(FakeFileSystem fs, Path posts) throws IOException {
        List<Long> generations = new ArrayList<>();
        for (Path segment : Journal.list(fs, posts)) {
            generations.add(Journal.generation(segment));
        }
        java.util.Collections.sort(generations);
        return generations;
    }
}
