package dev.campaignkeeper.bot.javacord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    @Test
    void idsParseAsSingleIdsRangesAndLists() {
        assertThat(ShardPlan.parse("0-3", 8).ids()).containsExactly(0, 1, 2, 3);
        assertThat(ShardPlan.parse("5", 8).ids()).containsExactly(5);
        assertThat(ShardPlan.parse("6, 0-1,3", 8).ids()).containsExactly(0, 1, 3, 6);
    }

    @Test
    void idsAreDescribedInTheSameFormWithRangesJoined() {
        assertThat(ShardPlan.parse("6,0-1,2,4", 8).describeIds()).isEqualTo("0-2,4,6");
        assertThat(ShardPlan.all(4).describeIds()).isEqualTo("0-3");
    }

    @Test
    void badIdsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ShardPlan.parse("0-4", 4)).hasMessage(
                "shard 4 does not exist with 4 shards (they are numbered 0 to 3)");
        assertThatThrownBy(() -> ShardPlan.parse("3-1", 4)).hasMessage("the range 3-1 runs backwards; write 1-3");
        assertThatThrownBy(() -> ShardPlan.parse("1,0-2", 4)).hasMessage("shard 1 is named twice");
        assertThatThrownBy(() -> ShardPlan.parse("a", 4)).hasMessage("\"a\" is not a shard id or a range such as 0-3");
        assertThatThrownBy(() -> ShardPlan.parse("", 4)).hasMessageContaining("is not a shard id");
        assertThatThrownBy(() -> ShardPlan.all(0)).hasMessageContaining("between 1 and");
    }

    @Test
    void aGuildBelongsToShardOfItsIdShiftedBy22ModuloTheTotal() {
        // Discord's documented example: guild 197038439483310086 on shard (id >> 22) % N
        long guild = 197_038_439_483_310_086L;
        assertThat(ShardPlan.shardOf(guild, 1)).isZero();
        assertThat(ShardPlan.shardOf(guild, 9)).isEqualTo(5);
        assertThat(ShardPlan.shardOf(guild, 11)).isEqualTo(10);
        assertThat(ShardPlan.shardOf(-1L, 3)).as("ids are unsigned").isEqualTo((int) ((-1L >>> 22) % 3));
        assertThat(new ShardPlan(9, List.of(5)).holds(guild)).isTrue();
        assertThat(new ShardPlan(9, List.of(0, 1, 2, 3, 4, 6, 7, 8)).holds(guild)).isFalse();
    }

    @Test
    void disjointPlansCoveringAllShardsHoldEveryGuildExactlyOnce() {
        ShardPlan first = ShardPlan.parse("0-2", 5);
        ShardPlan second = ShardPlan.parse("3-4", 5);
        Random random = new Random(15);
        for (int i = 0; i < 10_000; i++) {
            long guild = random.nextLong() & Long.MAX_VALUE;
            assertThat(first.holds(guild) ^ second.holds(guild)).as("guild " + guild).isTrue();
        }
        assertThat(first.isComplete()).isFalse();
        assertThat(ShardPlan.all(5).isComplete()).isTrue();
    }
}
