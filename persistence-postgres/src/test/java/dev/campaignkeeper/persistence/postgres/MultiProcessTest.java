package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.NpcId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real processes on one database: concurrent writers to one guild, and kill -9 of a writer. */
class MultiProcessTest {

    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create(MultiProcessTest.class);
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.truncate();
    }

    /** A child JVM running {@link StoreChild}, its output collected line by line. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Child(String count, String name) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                    "-cp", System.getProperty("java.class.path"), StoreChild.class.getName(),
                    database.config().schema(), count, name).redirectErrorStream(true);
            builder.environment().putAll(database.childEnvironment());
            process = builder.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        long acknowledged() {
            long last = 0;
            for (String line : lines) {
                if (line.startsWith("ack ")) {
                    last = Math.max(last, Long.parseLong(line.substring(4).trim()));
                }
            }
            return last;
        }

        void awaitAcknowledged(long count) throws InterruptedException {
            while (acknowledged() < count) {
                assertThat(process.isAlive()).as("child exited early: %s", lines).isTrue();
                Thread.sleep(2);
            }
        }

        int finish() throws InterruptedException {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("child finished: %s", lines).isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static GuildState stored() {
        try (PostgresCampaignStore store = PostgresCampaignStore.open(database.config().withMaximumPoolSize(2))) {
            return store.guild(StoreChild.GUILD);
        }
    }

    private static int counter(GuildState state) {
        return state.campaign(StoreChild.CHANNEL).map(c -> Integer.parseInt(c.name())).orElse(0);
    }

    @Test
    void twoProcessesUpdatingOneGuildAtOnceLoseNoUpdate() throws Exception {
        int each = 300;
        try (Child a = new Child(Integer.toString(each), "a"); Child b = new Child(Integer.toString(each), "b")) {
            assertThat(a.finish()).as("child a: %s", a.lines).isZero();
            assertThat(b.finish()).as("child b: %s", b.lines).isZero();
        }

        GuildState state = stored();
        assertThat(counter(state)).isEqualTo(2 * each);
        assertThat(state.npcsIn(StoreChild.CHANNEL)).hasSize(2 * each);
    }

    @Test
    void killingAWriterWithSigkillLosesNoAcknowledgedUpdate() throws Exception {
        int committedBefore = 0;
        for (int round = 1; round <= 3; round++) {
            String name = "k" + round;
            long acknowledged;
            try (Child child = new Child("forever", name)) {
                child.awaitAcknowledged(40L * round);
                child.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
                child.process.waitFor();
                acknowledged = child.acknowledged();
            }

            GuildState state = stored();
            int committed = counter(state) - committedBefore;
            assertThat(committed).as("round %s: every acknowledged update is stored", round)
                    .isGreaterThanOrEqualTo((int) acknowledged)
                    .as("at most the one update in flight was stored unacknowledged")
                    .isLessThanOrEqualTo((int) acknowledged + 1);
            for (long i = 1; i <= acknowledged; i++) {
                assertThat(state.npc(StoreChild.CHANNEL, NpcId.of(name + "-" + i))).as("npc %s-%s", name, i)
                        .isPresent();
            }
            committedBefore = counter(state);
        }
    }
}
