package dev.campaignkeeper.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.bot.javacord.ShardPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotOptionsShardingTest {

    private static final Map<String, String> NO_ENV = Map.of();
    private static final String DB = "postgresql://keeper@db.example/campaigns";

    @Test
    void withoutShardOptionsTheBotRunsOneShardWithoutMetrics() {
        BotOptions options = BotOptions.parse(new String[0], NO_ENV);

        assertThat(options.shards()).isEqualTo(ShardPlan.single());
        assertThat(options.metricsPort()).isEmpty();
    }

    @Test
    void shardIdsOnADatabaseRunThosePartsOfTheShards() {
        BotOptions options = BotOptions.parse(new String[] {"--database-url", DB, "--shards", "8", "--shard-ids", "4-7"},
                NO_ENV);

        assertThat(options.shards()).isEqualTo(new ShardPlan(8, java.util.List.of(4, 5, 6, 7)));
    }

    @Test
    void theDatabaseUrlFromTheEnvironmentAllowsShardIdsToo() {
        BotOptions options = BotOptions.parse(new String[] {"--shards=2", "--shard-ids=1"},
                Map.of(BotOptions.DATABASE_URL_VARIABLE, DB));

        assertThat(options.shards().ids()).containsExactly(1);
    }

    @Test
    void shardsWithoutIdsRunEveryShardInThisProcessEvenOnADataDirectory() {
        assertThat(BotOptions.parse(new String[] {"--shards", "4"}, NO_ENV).shards()).isEqualTo(ShardPlan.all(4));
    }

    @Test
    void partOfTheShardsOnADataDirectoryIsRefusedPointingToTheDatabase() {
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--shards", "4", "--shard-ids", "0-1"}, NO_ENV))
                .isInstanceOf(BotOptions.UsageException.class)
                .hasMessageContaining("--shard-ids 0-1 runs only part of the 4 shards")
                .hasMessageContaining("a data directory serves one process")
                .hasMessageContaining("--database-url");
    }

    @Test
    void badShardOptionsAreRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--shard-ids", "0"}, NO_ENV))
                .hasMessage("--shard-ids needs --shards N too: the total number of shards, the same in every process"
                        + " of the bot.");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--shards", "0"}, NO_ENV))
                .hasMessage("--shards needs a number of shards from 1 to 16384, not 0.");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--shards", "two"}, NO_ENV))
                .hasMessage("--shards needs a number of shards from 1 to 16384, not \"two\".");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--database-url", DB, "--shards", "4", "--shard-ids",
                "2-5"}, NO_ENV))
                .hasMessage("--shard-ids: shard 4 does not exist with 4 shards (they are numbered 0 to 3).");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--console", "--shards", "2"}, NO_ENV))
                .hasMessageContaining("the console has no shards");
    }

    @Test
    void theMetricsPortMustBeAPortAndIsForDiscordOnly() {
        assertThat(BotOptions.parse(new String[] {"--metrics-port", "9464"}, NO_ENV).metricsPort()).contains(9464);
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--metrics-port", "70000"}, NO_ENV))
                .hasMessage("--metrics-port needs a TCP port from 1 to 65535, not 70000.");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--metrics-port"}, NO_ENV))
                .hasMessage("--metrics-port needs a port.");
        assertThatThrownBy(() -> BotOptions.parse(new String[] {"--console", "--metrics-port", "9464"}, NO_ENV))
                .hasMessageContaining("not with --console");
    }
}
