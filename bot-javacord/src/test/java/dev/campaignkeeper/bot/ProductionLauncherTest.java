package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.persistence.json.DataDirectory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as a real process: a SIGTERM ends it cleanly, with the store's final checkpoint. */
class ProductionLauncherTest {

    @TempDir
    Path work;

    @Test
    void sigtermEndsTheConsoleWithTheFinalCheckpoint() throws Exception {
        Path data = work.resolve("data");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CampaignBot.class.getName(),
                "--console", "--data", data.toString())
                .redirectErrorStream(true).start();
        try {
            OutputStream in = child.getOutputStream();
            in.write("/campaign create name:\"The Lost Mine\"\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("begins in this channel"));
            assertThat(line).as("the campaign was created").isNotNull();

            child.destroy(); // SIGTERM; stdin stays open, so only the signal can end it

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        DataDirectory.Stats stats = DataDirectory.at(data).stats();
        assertThat(stats.journalEntriesSinceCheckpoint()).as("the journal was folded into the snapshot").isZero();
        assertThat(stats.lockHolderPid()).isEmpty();
        assertThat(DataDirectory.at(data).read().guilds()).hasSize(1);
    }
}
