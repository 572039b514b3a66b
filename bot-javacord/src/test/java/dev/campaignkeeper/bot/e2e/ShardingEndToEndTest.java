package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.bot.javacord.ShardPlan;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.persistence.postgres.PostgresCampaignStore;
import dev.campaignkeeper.persistence.postgres.PostgresPersistenceModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sharded bot processes ({@code --shards N --shard-ids ...}) against the fake Discord and one
 * PostgreSQL database. The fake sends every interaction to every connected shard, so a guild's
 * commands are answered once only if each process keeps to the guilds of its shards.
 */
@ExtendWith(NoThreadLeftRunning.class)
class ShardingEndToEndTest {

    private FakeDiscord discord;
    private TestSchema schema;
    private final List<ShardedBot> bots = new ArrayList<>();
    private FakeUser gm;
    private FakeUser alice;
    private FakeChannel table;

    @BeforeEach
    void start() throws Exception {
        schema = TestSchema.create(ShardingEndToEndTest.class);
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        table = discord.addTextChannel("the-lost-mine");
    }

    @AfterEach
    void stop() {
        try {
            assertThat(discord.problems()).as("problems inside the fake").isEmpty();
            for (FakeInteraction interaction : discord.interactions()) {
                assertThat(interaction.callbacks()).as("acknowledgements of " + interaction).hasSizeLessThanOrEqualTo(1);
            }
        } finally {
            try {
                bots.forEach(ShardedBot::close);
            } finally {
                try {
                    discord.close();
                } finally {
                    schema.close();
                }
            }
        }
    }

    private ShardedBot startProcess(ShardPlan shards) {
        ShardedBot bot = ShardedBot.start(discord, new PostgresPersistenceModule(schema.config()), shards,
                Optional.empty());
        bots.add(bot);
        return bot;
    }

    private int guildShard(int total) {
        return ShardPlan.shardOf(discord.guildId(), total);
    }

    private GuildState storedGuild() {
        try (PostgresCampaignStore store = PostgresCampaignStore.open(schema.config())) {
            return store.guild(GuildId.of(discord.guildId()));
        }
    }

    @Test
    void twoProcessesOnDisjointShardsShareTheDatabaseAndOnlyTheGuildsShardAnswers() throws InterruptedException {
        int holder = guildShard(2);
        startProcess(new ShardPlan(2, List.of(holder)));
        startProcess(new ShardPlan(2, List.of(1 - holder)));

        FakeInteraction create = discord.slash(gm, table, "campaign",
                Option.sub("create", Option.string("name", "The Lost Mine")));
        assertThat(create.awaitAnnouncement().content()).contains("The Lost Mine");
        assertThat(discord.slash(alice, table, "campaign", Option.sub("join")).awaitAnnouncement().content())
                .contains("<@" + alice.id() + ">");
        Thread.sleep(500); // time for a second answer, had the other process handled the commands too

        assertThat(discord.identifiedShards()).containsExactlyInAnyOrder(holder + "/2", (1 - holder) + "/2");
        assertThat(create.callbacks()).as("answered by one process only").hasSize(1);
        assertThat(discord.rolesNamed("The Lost Mine (GM)")).hasSize(1);
        assertThat(discord.calls(Endpoint.OVERWRITE_GLOBAL_COMMANDS)).as("registered by shard 0's process only")
                .hasSize(1);
        GuildState stored = storedGuild();
        assertThat(stored.campaigns()).hasSize(1);
        assertThat(stored.campaigns().iterator().next().players()).contains(UserId.of(alice.id()));
    }

    @Test
    void aGuildWhoseShardNoProcessRunsIsNotAnsweredByTheOthers() {
        // a total that puts the guild on a shard other than 0, so the process here (running shard 0) registers
        // the commands, and every shard but the guild's
        int total = 2;
        while (guildShard(total) == 0) {
            total++;
        }
        int holder = guildShard(total);
        List<Integer> others = new ArrayList<>();
        for (int shard = 0; shard < total; shard++) {
            if (shard != holder) {
                others.add(shard);
            }
        }
        startProcess(new ShardPlan(total, others));

        FakeInteraction info = discord.slash(gm, table, "campaign", Option.sub("info"));

        assertThatThrownBy(() -> info.awaitReply(Duration.ofSeconds(3))).isInstanceOf(AssertionError.class);
        assertThat(info.callbacks()).isEmpty();
    }

    @Test
    void oneProcessRunsSeveralShardsAndAnswersEachGuildOnce() throws InterruptedException {
        startProcess(ShardPlan.all(2));

        FakeInteraction create = discord.slash(gm, table, "campaign",
                Option.sub("create", Option.string("name", "The Lost Mine")));
        assertThat(create.awaitAnnouncement().content()).contains("The Lost Mine");
        Thread.sleep(500);

        assertThat(discord.identifiedShards()).containsExactlyInAnyOrder("0/2", "1/2");
        assertThat(create.callbacks()).hasSize(1);
        assertThat(storedGuild().campaigns()).hasSize(1);
    }
}
