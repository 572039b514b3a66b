package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read without the lock ({@link DataDirectory#read()}, through {@link ConsistentRead}) of a
 * directory a writer changes under it: it loads again while the directory changes, a few times
 * at most, and not when it does not.
 */
class ConsistentReadTest {

    private static final String CAMPAIGNS = """
            {"1": {"10": {"name": "The Game", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
            "players": []}}}""";

    @TempDir
    Path dir;

    private FakeFileSystem files;
    private ShiftingFileSystem fs;

    /**
     * An in-memory directory (reads cannot be cut short by an interrupt) whose snapshot files can be
     * made to look changed at every look (a writer checkpointing without pause), served different
     * bytes on their first opens (a file the writer replaced) or fail to open.
     */
    private static final class ShiftingFileSystem extends ForwardingFileSystem {
        private final Map<String, Integer> opens = new HashMap<>();
        private final Map<String, Deque<byte[]>> served = new HashMap<>();
        private final Map<String, Deque<IOException>> failures = new HashMap<>();
        private boolean changing;
        private boolean interruptAfterFirstLoad;
        private long clock = 1_000_000;

        ShiftingFileSystem(FileSystemOps delegate) {
            super(delegate);
        }

        synchronized int opens(String name) {
            return opens.getOrDefault(name, 0);
        }

        @Override
        public synchronized InputStream openRead(Path path) throws IOException {
            String name = path.getFileName().toString();
            opens.merge(name, 1, Integer::sum);
            IOException failure = failures.getOrDefault(name, new ArrayDeque<>()).poll();
            if (failure != null) {
                throw failure;
            }
            byte[] instead = served.getOrDefault(name, new ArrayDeque<>()).poll();
            return instead != null ? new ByteArrayInputStream(instead) : super.openRead(path);
        }

        @Override
        public synchronized long lastModifiedMillis(Path path) throws IOException {
            if (interruptAfterFirstLoad && opens(SeedFormat.CAMPAIGNS) > 0) {
                interruptAfterFirstLoad = false;
                Thread.currentThread().interrupt(); // while looking whether the directory changed
            }
            return changing ? ++clock : super.lastModifiedMillis(path);
        }








    }

    private void write(String file, String content) throws IOException {
        try (FileSystemOps.WritableFile out = files.createNew(dir.resolve(file))) {
            out.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            out.force(true);
        }
    }

    @BeforeEach
    void seedDirectory() throws IOException {
        files = new FakeFileSystem(dir);
        write(SeedFormat.CAMPAIGNS, CAMPAIGNS);
        write(SeedFormat.CHARACTERS, "{}");
        write(SeedFormat.NPCS, "{}");
        fs = new ShiftingFileSystem(files);
    }

    private DataDirectory.Contents read() {
        return new DataDirectory(JsonStoreConfig.defaults(dir), fs).read();
    }

    private static String campaignName(DataDirectory.Contents contents) {
        return contents.guilds().get(GuildId.of(1)).campaign(ChannelId.of(10)).orElseThrow().name();
    }

    @Test
    void aDirectoryThatNeverStopsChangingIsLoadedAFewTimesAndTheLastLoadCounts() {
        fs.changing = true;

        DataDirectory.Contents contents = read();

        assertThat(campaignName(contents)).isEqualTo("The Game");
        assertThat(fs.opens(SeedFormat.CAMPAIGNS)).as("loads").isEqualTo(ConsistentRead.READ_ATTEMPTS);
    }

    @Test
    void aTornFileAWriterReplacesDuringTheLoadIsReadAgainRatherThanReportedUnrecoverable() {
        fs.changing = true;
        fs.served.put(SeedFormat.CAMPAIGNS, new ArrayDeque<>(List.of("{\"1\": [".getBytes(StandardCharsets.UTF_8))));

        DataDirectory.Contents contents = read();

        assertThat(campaignName(contents)).isEqualTo("The Game");
        assertThat(contents.report().clean()).isTrue();
    }

    @Test
    void aFileThatVanishesDuringTheLoadCountsAsAChangeAndIsReadAgain() {
        fs.failures.put(SeedFormat.CAMPAIGNS, new ArrayDeque<>(List.of(new NoSuchFileException("campaigns.json"))));

        DataDirectory.Contents contents = read();

        assertThat(campaignName(contents)).isEqualTo("The Game");
        assertThat(fs.opens(SeedFormat.CAMPAIGNS)).as("loads").isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadInADirectoryNothingChangesFailsAfterOneLoad() {
        Deque<IOException> failures = new ArrayDeque<>();
        for (int i = 0; i < ConsistentRead.READ_ATTEMPTS + 1; i++) {
            failures.add(new IOException("Input/output error"));
        }
        fs.failures.put(SeedFormat.CAMPAIGNS, failures);

        assertThatThrownBy(this::read).isInstanceOf(StoreException.class)
                .isNotInstanceOf(DataDamagedException.class).hasMessageContaining("Input/output error");
        assertThat(fs.opens(SeedFormat.CAMPAIGNS)).as("loads").isEqualTo(1);
    }

    @Test
    void anInterruptedReadOfAChangingDirectoryGivesUpAndKeepsTheInterrupt() {
        fs.changing = true;
        fs.interruptAfterFirstLoad = true;

        boolean interrupted;
        try {
            assertThatThrownBy(this::read).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot read a consistent state of " + dir);
        } finally {
            interrupted = Thread.interrupted();
        }

        assertThat(interrupted).isTrue();
        assertThat(fs.opens(SeedFormat.CAMPAIGNS)).as("loads").isEqualTo(1);
    }
}
