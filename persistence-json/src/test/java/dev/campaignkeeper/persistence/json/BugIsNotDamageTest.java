package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug while reading (a NullPointerException or IllegalStateException thrown by this code, not by
 * the parser) fails the open and leaves the data directory exactly as it was: nothing is marked
 * damaged, moved aside or rewritten.
 */
class BugIsNotDamageTest {

    @TempDir
    Path dir;

    /** The real file system, except that reading one file throws what a bug would. */
    private static final class BuggyRead implements FileSystemOps {
        private final String file;
        private final RuntimeException bug;

        BuggyRead(String file, RuntimeException bug) {
            this.file = file;
            this.bug = bug;
        }

        @Override
        public WritableFile createNew(Path path) throws IOException {
            return NioFileSystemOps.INSTANCE.createNew(path);
        }

        @Override
        public InputStream openRead(Path path) throws IOException {
            InputStream in = NioFileSystemOps.INSTANCE.openRead(path);
            if (!path.getFileName().toString().equals(file)) {
                return in;
            }
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) {
                    throw bug;
                }
            };
        }

        @Override
        public boolean exists(Path path) {
            return NioFileSystemOps.INSTANCE.exists(path);
        }

        @Override
        public Kind kind(Path path) {
            return NioFileSystemOps.INSTANCE.kind(path);
        }

        @Override
        public boolean isDirectory(Path path) {
            return NioFileSystemOps.INSTANCE.isDirectory(path);
        }

        @Override
        public long size(Path path) throws IOException {
            return NioFileSystemOps.INSTANCE.size(path);
        }

        @Override
        public long lastModifiedMillis(Path path) throws IOException {
            return NioFileSystemOps.INSTANCE.lastModifiedMillis(path);
        }

        @Override
        public List<Path> list(Path path) throws IOException {
            return NioFileSystemOps.INSTANCE.list(path);
        }

        @Override
        public void createDirectory(Path path) throws IOException {
            NioFileSystemOps.INSTANCE.createDirectory(path);
        }

        @Override
        public void moveAtomic(Path source, Path target) throws IOException {
            NioFileSystemOps.INSTANCE.moveAtomic(source, target);
        }

        @Override
        public void delete(Path path) throws IOException {
            NioFileSystemOps.INSTANCE.delete(path);
        }

        @Override
        public void fsyncDirectory(Path path) throws IOException {
            NioFileSystemOps.INSTANCE.fsyncDirectory(path);
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals(DirectoryLock.LOCK_FILE))
                    .map(p -> dir.relativize(p) + ":" + (Files.isRegularFile(p) ? size(p) : "dir")).sorted().toList();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBugWhileReadingASnapshotFileFailsTheOpenAndTouchesNothing() throws IOException {
        JsonStoreConfig config = Fixtures.config(dir).withCheckpointOnClose(false);
        Random random = new Random(1);
        try (JsonCampaignStore store = JsonCampaignStore.open(config)) {
            for (int i = 0; i < 4; i++) {
                List<RecordChange> changes = Fixtures.randomChanges(random, GuildState.empty(Fixtures.guild(0)));
                store.update(Fixtures.guild(0), state -> new Update<>(changes, null));
            }
            store.checkpoint();
        }
        List<String> before = listing();

        for (RuntimeException bug : List.of(new NullPointerException("a bug"), new IllegalStateException("a bug"))) {
            assertThatThrownBy(() -> JsonCampaignStore.open(config, new BuggyRead(SeedFormat.CHARACTERS, bug)))
                    .as(bug.getClass().getSimpleName()).isNotNull();
            assertThat(listing()).as("after %s", bug.getClass().getSimpleName()).isEqualTo(before);
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(config)) {
            assertThat(store.recoveryReport().events()).isEmpty();
        }
    }
}
