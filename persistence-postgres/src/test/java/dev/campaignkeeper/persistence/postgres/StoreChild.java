package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.util.List;
import java.util.Optional;

/**
 * A child JVM for {@link MultiProcessTest}: opens the store on the schema given as the first
 * argument (the server from {@code CAMPAIGN_TEST_DATABASE_URL}, else the default), then increments
 * the counter campaign of guild 1000 and adds one NPC named after itself and the count, printing
 * {@code ack N} after the N-th update returned (so it is durable). Each NPC's name is the counter
 * value its update read, so the NPCs show which state every update saw. Second argument: how many
 * updates, or {@code forever}; third: the child's name; optional fourth and fifth: writer threads
 * (each making that many updates, its NPCs named {@code NAME-THREAD-N}) and how many guilds they
 * pick from at random (guilds 1000, 1001, ...; default 1 and 1).
 */
public final class StoreChild {

    /** System property: a file the single writer also appends each {@code ack N} line to. */
    static final String ACK_FILE = "campaignkeeper.test.acks";
    static final GuildId GUILD = GuildId.of(1000);
    static final ChannelId CHANNEL = ChannelId.of(3000);

    private StoreChild() {
    }

    /** The i-th guild the concurrent writers use (the 0th is {@link #GUILD}). */
    static GuildId guild(int i) {
        return GuildId.of(1000 + i);
    }

    static Campaign counter(int value) {
        return counter(GUILD, value);
    }

    static Campaign counter(GuildId guild, int value) {
        return new Campaign(guild, CHANNEL, Integer.toString(value), UserId.of(7), RoleId.of(11), RoleId.of(12),
                Optional.empty(), List.of());
    }

    /**
     * Runs the child.
     *
     * @param args schema, count or "forever", name, optionally threads and guilds
     * @throws InterruptedException if interrupted while waiting for the writer threads
     */
    public static void main(String[] args) throws InterruptedException {
        String schema = args[0];
        long count = args[1].equals("forever") ? Long.MAX_VALUE : Long.parseLong(args[1]);
        String name = args[2];
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl(TestDatabase.url(), System.getenv())
                .withSchema(schema).withMaximumPoolSize(2);
        if (args.length > 3) {
            writeConcurrently(config, count, name, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        String ackFile = System.getProperty(ACK_FILE);
        try (PostgresCampaignStore store = PostgresCampaignStore.open(config);
             java.io.FileOutputStream acks = ackFile == null ? null : new java.io.FileOutputStream(ackFile, true)) {
            System.out.println("ready");
            System.out.flush();
            for (long i = 1; i <= count; i++) {
                NpcId npc = NpcId.of(name + "-" + i);
                store.update(GUILD, state -> {
                    int value = state.campaign(CHANNEL).map(c -> Integer.parseInt(c.name())).orElse(0);
                    return Update.of(null, new RecordChange.PutCampaign(counter(value + 1)),
                            new RecordChange.PutNpc(new Npc(GUILD, CHANNEL, npc, Integer.toString(value),
                                    Optional.empty(), UserId.of(7))));
                });
                if (acks != null) {
                    // one write(2) per ack: the kernel keeps it if the process is killed right after
                    acks.write(("ack " + i + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                System.out.println("ack " + i);
                System.out.flush();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println("done");
        System.out.flush();
    }

    /** Several threads, each making {@code count} updates on guilds picked at random; prints "done" at the end. */
    private static void writeConcurrently(PostgresStoreConfig config, long count, String name, int threads, int guilds)
            throws InterruptedException {
        try (PostgresCampaignStore store = PostgresCampaignStore.open(config.withMaximumPoolSize(2 * threads))) {
            System.out.println("ready");
            System.out.flush();
            List<Thread> writers = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                String prefix = name + "-" + t + "-";
                Thread writer = new Thread(() -> {
                    try {
                        for (long i = 1; i <= count; i++) {
                            GuildId guild = guild(java.util.concurrent.ThreadLocalRandom.current().nextInt(guilds));
                            NpcId npc = NpcId.of(prefix + i);
                            store.update(guild, state -> {
                                int value = state.campaign(CHANNEL).map(c -> Integer.parseInt(c.name())).orElse(0);
                                return Update.of(null, new RecordChange.PutCampaign(counter(guild, value + 1)),
                                        new RecordChange.PutNpc(new Npc(guild, CHANNEL, npc, Integer.toString(value),
                                                Optional.empty(), UserId.of(7))));
                            });
                        }
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                });
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            if (failure.get() != null) {
                failure.get().printStackTrace(System.out);
                System.exit(1);
            }
        }
        System.out.println("done");
        System.out.flush();
    }
}
