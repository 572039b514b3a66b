package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StderrTerminalTest {

    @TempDir
    Path tmp;

    @Test
    void theLaunchersAnswerWinsOverEverythingElse() throws Exception {
        Path toTerminal = Files.createSymbolicLink(tmp.resolve("fd2"), Path.of("/dev/pts/3"));

        assertThat(StderrTerminal.detect("false", toTerminal, true)).isFalse();
        assertThat(StderrTerminal.detect("true", tmp.resolve("missing"), false)).isTrue();
    }

    @Test
    void stderrRedirectedToAFileIsNotATerminalEvenWithAConsole() throws Exception {
        Path toFile = Files.createSymbolicLink(tmp.resolve("fd2"), tmp.resolve("verify.log"));

        assertThat(StderrTerminal.detect(null, toFile, true)).isFalse();
    }

    @Test
    void stderrOnATerminalIsOneEvenWhenStdoutIsPiped() throws Exception {
        Path toTerminal = Files.createSymbolicLink(tmp.resolve("fd2"), Path.of("/dev/pts/3"));

        assertThat(StderrTerminal.detect(null, toTerminal, false)).isTrue();
    }

    @Test
    void withoutProcTheConsoleIsTheGuess() {
        assertThat(StderrTerminal.detect(null, tmp.resolve("no-such-link"), true)).isTrue();
        assertThat(StderrTerminal.detect(null, tmp.resolve("no-such-link"), false)).isFalse();
    }
}
