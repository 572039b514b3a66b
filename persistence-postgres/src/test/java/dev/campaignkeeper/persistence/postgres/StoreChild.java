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
 * {@code ack N} after the N-th update returned (so it is durable). Second argument: how many updates,
 * or {@code forever}; third: the child's name.
 */
public final class StoreChild {

    static final GuildId GUILD = GuildId.of(1000);
    static final ChannelId CHANNEL = ChannelId.of(3000);

    private StoreChild() {
    }

    static Campaign counter(int value) {
        return new Campaign(GUILD, CHANNEL, Integer.toString(value), UserId.of(7), RoleId.of(11), RoleId.of(12),
                Optional.empty(), List.of());
    }

    /**
     * Runs the child.
     *
     * @param args schema, count or "forever", name
     */
    public static void main(String[] args) {
        String schema = args[0];
        long count = args[1].equals("forever") ? Long.MAX_VALUE : Long.parseLong(args[1]);
        String name = args[2];
        PostgresStoreConfig config = PostgresStoreConfig.fromDatabaseUrl(TestDatabase.url(), System.getenv())
                .withSchema(schema).withMaximumPoolSize(2);
        try (PostgresCampaignStore store = PostgresCampaignStore.open(config)) {
            System.out.println("ready");
            System.out.flush();
            for (long i = 1; i <= count; i++) {
                NpcId npc = NpcId.of(name + "-" + i);
                store.update(GUILD, state -> {
                    int value = state.campaign(CHANNEL).map(c -> Integer.parseInt(c.name())).orElse(0);
                    return Update.of(null, new RecordChange.PutCampaign(counter(value + 1)),
                            new RecordChange.PutNpc(new Npc(GUILD, CHANNEL, npc, "N", Optional.empty(), UserId.of(7))));
                });
                System.out.println("ack " + i);
                System.out.flush();
            }
        }
        System.out.println("done");
        System.out.flush();
    }
}
