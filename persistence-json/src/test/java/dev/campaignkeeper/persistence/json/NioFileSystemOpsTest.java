package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real file system behind the store, on real files. */
class NioFileSystemOpsTest {

    private static final FileSystemOps FS = NioFileSystemOps.INSTANCE;

    @TempDir
    Path dir;

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void newFilesAreCreatedExclusivelyReadableOnlyByTheOwner() throws Exception {
        Path path = dir.resolve("f");
        try (FileSystemOps.WritableFile file = FS.createNew(path)) {
            file.write(bytes("hello"), 0);
            file.write(bytes("HE"), 0);
            file.write(bytes("!"), 5);
            file.force(true);
            file.force(false);
        }

        assertThat(Files.readString(path)).isEqualTo("HEllo!");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThatThrownBy(() -> FS.createNew(path)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(FS.size(path)).isEqualTo(6);
        assertThat(FS.lastModifiedMillis(path)).isEqualTo(Files.getLastModifiedTime(path).toMillis());
        try (InputStream in = FS.openRead(path)) {
            assertThat(in.readAllBytes()).isEqualTo("HEllo!".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLargeBufferIsWrittenWhole() throws Exception {
        Path path = dir.resolve("big");
        byte[] content = new byte[3 << 20];
        new java.util.Random(1).nextBytes(content);
        try (FileSystemOps.WritableFile file = FS.createNew(path)) {
            file.write(ByteBuffer.wrap(content), 10);
        }

        byte[] written = Files.readAllBytes(path);
        assertThat(written).hasSize(content.length + 10);
        assertThat(java.util.Arrays.copyOfRange(written, 10, written.length)).isEqualTo(content);
    }

    @Test
    void newDirectoriesAreOnlyTheOwnersAndListed() throws Exception {
        Path sub = dir.resolve("sub");
        FS.createDirectory(sub);
        Files.writeString(sub.resolve("a"), "1");
        Files.writeString(sub.resolve("b"), "2");
        FS.fsyncDirectory(sub);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sub))).isEqualTo("rwx------");
        assertThat(FS.isDirectory(sub)).isTrue();
        assertThat(FS.isDirectory(sub.resolve("a"))).isFalse();
        assertThat(FS.list(sub)).containsExactlyInAnyOrder(sub.resolve("a"), sub.resolve("b"));
        assertThat(FS.list(dir.resolve("missing"))).isEmpty();
        assertThat(FS.list(sub.resolve("a"))).isEmpty();
    }

    @Test
    void moveReplacesTheTargetAtomicallyAndDeleteToleratesMissingFiles() throws Exception {
        Path source = dir.resolve("new");
        Path target = dir.resolve("old");
        Files.writeString(source, "new");
        Files.writeString(target, "old");

        FS.moveAtomic(source, target);

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(FS.exists(source)).isFalse();
        assertThat(FS.exists(target)).isTrue();
        FS.delete(target);
        FS.delete(target);
        assertThat(FS.exists(target)).isFalse();
    }

    /**
     * A page-cache write reads back the same with or without {@code force} until the power fails,
     * so the channel underneath is watched: the {@code FakeFileSystem} the power-loss tests use
     * stands in for this class and cannot see whether it passes a force or a directory fsync on.
     */
    @Test
    void forceAndDirectoryFsyncReachTheFileSystem() throws Exception {
        RecordingChannels channels = new RecordingChannels();
        FileSystemOps fs = new NioFileSystemOps(channels);
        Path path = dir.resolve("f");
        try (FileSystemOps.WritableFile file = fs.createNew(path)) {
            file.write(bytes("hello"), 0);
            file.force(false);
            file.write(bytes("!"), 5);
            file.force(true);
        }
        fs.fsyncDirectory(dir);

        String directory = dir.getFileName().toString();
        assertThat(channels.events()).containsExactly("open f", "write f", "force(false) f", "write f",
                "force(true) f", "close f", "open " + directory, "force(true) " + directory, "close " + directory);
        assertThat(Files.readString(path)).isEqualTo("hello!");
    }
}
