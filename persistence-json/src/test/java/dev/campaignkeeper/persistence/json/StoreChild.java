package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A child JVM for the kill -9 and locking tests: opens the store, prints {@code ready <seq>}, then
 * either holds the lock ({@code hold}) or applies deterministic mutations forever ({@code run}),
 * printing {@code ack <seq>} after each returns.
 */
public final class StoreChild {

    private StoreChild() {
    }

    static JsonStoreConfig config(Path dir) {
        return JsonStoreConfig.defaults(dir).withCheckpointTriggers(40, 1L << 40, Duration.ofHours(1))
                .withJournalPreallocateBytes(16 << 10).withRetention(new RetentionPolicy(3, 0, 0, 0))
                .withCheckpointOnClose(false);
    }

    /** The {@code index}-th mutation (0-based) of a run, independent of everything else. */
    static List<RecordChange> mutation(long seed, long index) {
        Random random = new Random(seed * 1_000_003L + index);
        GuildId guild = Fixtures.guild(random.nextInt(6));
        return Fixtures.randomChanges(random, GuildState.empty(guild));
    }

    /**
     * Entry point.
     *
     * @param args data directory, mode ({@code run} or {@code hold}), seed
     * @throws Exception never on purpose
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        long seed = Long.parseLong(args[2]);
        PrintStream out = System.out;
        // A test JVM that dies without killing us (a mutation-testing minion stopped on a timeout)
        // must not leave us writing forever: go when the parent goes.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        try (JsonCampaignStore store = JsonCampaignStore.open(config(dir))) {
            out.println("ready " + store.sequence());
            out.flush();
            if (mode.equals("hold")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            for (long index = store.sequence(); ; index++) {
                List<RecordChange> changes = mutation(seed, index);
                store.update(changes.get(0).guild(), state -> new Update<>(changes, null));
                out.println("ack " + store.sequence());
                out.flush();
                if (index % 25 == 24) {
                    store.checkpoint();
                }
            }
        }
    }
}
