package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutputTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryByteInOrderAcrossBufferBoundariesOnceFlushed() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path path = dir.resolve("out");
        byte[] expected = new byte[(1 << 18) * 2 + 1000];
        new Random(3).nextBytes(expected);
        try (FileSystemOps.WritableFile file = fs.createNew(path)) {
            FileOutput out = new FileOutput(file);
            int at = 0;
            out.write(expected[at++]);
            while (at < expected.length) {
                int n = Math.min(70_001, expected.length - at);
                out.write(expected, at, n);
                at += n;
                if (at % 3 == 0) {
                    out.write(expected, at, 0);
                }
            }
            assertThat(fs.read(path).length).as("only whole buffers so far").isEqualTo(2 << 18);
            out.close();
        }

        assertThat(fs.read(path)).isEqualTo(expected);
    }

    @Test
    void singleBytesFillTheBufferAndMoveOn() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path path = dir.resolve("out");
        int count = (1 << 18) + 5;
        try (FileSystemOps.WritableFile file = fs.createNew(path)) {
            FileOutput out = new FileOutput(file);
            for (int i = 0; i < count; i++) {
                out.write(i);
            }
            out.flush();
            out.flush();
        }

        byte[] written = fs.read(path);
        assertThat(written).hasSize(count);
        assertThat(written[(1 << 18) + 4]).isEqualTo((byte) ((1 << 18) + 4));
    }
}
