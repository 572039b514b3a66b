package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory held by another process (a child JVM running the store, like a bot). */
class LockedByChildProcessTest {

    @TempDir
    Path tmp;

    /** Child JVM entry point: opens the store, prints LOCKED, holds it until stdin closes. */
    public static void main(String[] args) throws Exception {
        try (var store = NativeDirs.hold(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }

    @Test
    void readOnlyCommandsWorkAndWritingCommandsExitThree() throws Exception {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockedByChildProcessTest.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("LOCKED");
            String d = dir.toString();

            Run inspect = Run.of("--data", d, "inspect", "--json");
            assertThat(inspect.exitCode()).as(inspect.err()).isZero();
            assertThat(inspect.json().get("lock_pid").getAsLong()).isEqualTo(child.pid());
            assertThat(Run.of("--data", d, "verify").exitCode()).isZero();
            assertThat(Run.of("--data", d, "backups").exitCode()).isZero();

            Run restore = Run.of("--data", d, "restore", "--latest", "--yes");
            assertThat(restore.exitCode()).isEqualTo(3);
            assertThat(restore.err().strip()).doesNotContain("\n").contains("PID " + child.pid());
            assertThat(Run.of("--data", d, "checkpoint").exitCode()).isEqualTo(3);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
