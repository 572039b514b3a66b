package dev.campaignkeeper.bot.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a non-daemon thread running (such a thread keeps the JVM alive; Javacord's
 * pools are non-daemon). Runs after the test's own {@code @AfterEach} methods and gives threads a grace
 * period to finish shutting down.
 */
public final class NoThreadLeftRunning implements BeforeEachCallback, AfterEachCallback {

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoThreadLeftRunning.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", liveNonDaemonThreads());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Thread> before = (Set<Thread>) context.getStore(NAMESPACE).get("before", Set.class);
        long deadline = System.nanoTime() + GRACE.toNanos();
        Set<Thread> leftover = newThreads(before);
        while (!leftover.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            leftover = newThreads(before);
        }
        if (!leftover.isEmpty()) {
            String detail = leftover.stream()
                    .map(t -> t.getName() + " " + t.getState() + "\n\tat " + Arrays.stream(t.getStackTrace())
                            .limit(8).map(String::valueOf).collect(Collectors.joining("\n\tat ")))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(leftover.size() + " non-daemon thread(s) still running "
                    + GRACE.toSeconds() + " s after the test:\n" + detail);
        }
    }

    private static Set<Thread> newThreads(Set<Thread> before) {
        Set<Thread> now = liveNonDaemonThreads();
        now.removeAll(before);
        return now;
    }

    /** @return the live non-daemon threads now */
    static Set<Thread> liveNonDaemonThreads() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return all.keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
