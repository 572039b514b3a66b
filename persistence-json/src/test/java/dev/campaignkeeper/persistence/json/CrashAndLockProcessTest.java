package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: kill -9 of a writing child JVM at random moments, and the single-writer lock
 * across processes. Set {@code -Dcampaignkeeper.kills=N} for a longer soak (default 50).
 */
class CrashAndLockProcessTest {

    @TempDir
    Path dir;

    private static final class Child implements AutoCloseable {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;

        Child(Path dir, String mode, long seed) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                    "-cp", System.getProperty("java.class.path"), StoreChild.class.getName(),
                    dir.toString(), mode, Long.toString(seed))
                    .redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // process killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(line -> line.startsWith("ready"))) {
                assertThat(process.isAlive()).as("child exited early: %s", lines).isTrue();
                assertThat(System.nanoTime()).as("child not ready in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        long lastAcknowledged() {
            long last = 0;
            for (String line : lines) {
                if (line.startsWith("ack ")) {
                    last = Math.max(last, Long.parseLong(line.substring(4).trim()));
                } else if (line.startsWith("ready ")) {
                    last = Math.max(last, Long.parseLong(line.substring(6).trim()));
                }
            }
            return last;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    @Test
    void killNineAtRandomMomentsNeverLosesAnAcknowledgedMutation() throws Exception {
        int kills = Integer.getInteger("campaignkeeper.kills", 50);
        long seed = 20261125L;
        Random random = new Random(seed);
        Map<GuildId, GuildState> model = new HashMap<>();
        long modelSeq = 0;
        long totalAcknowledged = 0;
        for (int kill = 0; kill < kills; kill++) {
            long acknowledged;
            try (Child child = new Child(dir, "run", seed)) {
                child.awaitReady();
                Thread.sleep(random.nextInt(250));
                child.kill();
                acknowledged = child.lastAcknowledged();
            }
            try (JsonCampaignStore store = JsonCampaignStore.open(StoreChild.config(dir))) {
                long seq = store.sequence();
                assertThat(seq).as("kill %d: recovered sequence vs acknowledged", kill).isGreaterThanOrEqualTo(acknowledged);
                assertThat(store.recoveryReport().dataLost()).as("kill %d: %s", kill, store.recoveryReport().events())
                        .isFalse();
                for (; modelSeq < seq; modelSeq++) {
                    List<RecordChange> changes = StoreChild.mutation(seed, modelSeq);
                    GuildId guild = changes.get(0).guild();
                    GuildState next = model.getOrDefault(guild, GuildState.empty(guild)).apply(changes);
                    if (next.isEmpty()) {
                        model.remove(guild);
                    } else {
                        model.put(guild, next);
                    }
                }
                Map<GuildId, GuildState> actual = new HashMap<>();
                store.guilds().forEach(g -> actual.put(g, store.guild(g)));
                assertThat(actual).as("kill %d at sequence %d", kill, seq).isEqualTo(model);
                totalAcknowledged = acknowledged;
            }
        }
        assertThat(totalAcknowledged).as("the children made progress").isGreaterThan(kills);
    }

    @Test
    void secondProcessFailsFastNamingThePidWhileReadOnlyAccessWorks() throws Exception {
        try (JsonCampaignStore store = JsonCampaignStore.open(StoreChild.config(dir))) {
            store.update(Fixtures.guild(1), state -> new dev.campaignkeeper.core.port.Update<>(
                    List.of(new RecordChange.PutNpc(Fixtures.npc(Fixtures.guild(1), 5, "n1", "Old Tom"))), null));
        }
        try (Child child = new Child(dir, "hold", 1)) {
            child.awaitReady();
            long pid = child.process.pid();
            // fails rather than waiting for the holder: a generous deadline, not a speed limit
            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> JsonCampaignStore.open(StoreChild.config(dir))))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("data directory " + dir + " is in use by PID " + pid);
            DataDirectory admin = DataDirectory.at(dir);
            assertThat(admin.lockHolder()).hasValue(pid);
            assertThat(admin.read().guilds()).containsKey(Fixtures.guild(1));
            assertThatThrownBy(() -> admin.restore("latest", false)).isInstanceOf(DataDirectoryLockedException.class);
            assertThatThrownBy(() -> admin.prune(false)).isInstanceOf(DataDirectoryLockedException.class);
            child.kill();
        }
        assertThat(DataDirectory.at(dir).lockHolder()).isEmpty();
        JsonCampaignStore.open(StoreChild.config(dir)).close();
    }
}
