package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.UserId;
import org.junit.jupiter.api.Test;

/** One id object per id across a load's files, in tables sized for the files. */
class SharedIdsTest {

    @Test
    void theSameIdReadTwiceIsOneObjectWhateverTheTablesSize() {
        for (long bytes : new long[] {0, 1_000_000_000L, Long.MAX_VALUE}) {
            SharedIds ids = new SharedIds(bytes);
            UserId first = ids.user("123456789012345678");
            assertThat(ids.user("123456789012345678")).isSameAs(first);
            assertThat(ids.user("123456789012345679")).isNotSameAs(first);
            assertThat(ids.channel("42")).isSameAs(ids.channel("42"));
            assertThat(ids.guild("7")).isSameAs(ids.guild("7"));
        }
    }

    @Test
    void theTablesCapacityFollowsTheBytesBetweenItsBounds() {
        assertThat(SharedIds.capacity(0, 1 << 12, 1 << 22)).isEqualTo(1 << 12);
        assertThat(SharedIds.capacity(-5, 1 << 12, 1 << 22)).isEqualTo(1 << 12);
        assertThat(SharedIds.capacity(1_500_000, 1 << 12, 1 << 22)).isEqualTo(1_500_000);
        assertThat(SharedIds.capacity(Long.MAX_VALUE, 1 << 12, 1 << 22)).isEqualTo(1 << 22);
        // 50,000 seed-shaped guilds (about 650 MB of snapshot) hold 1.5 million users: room for all of them
        assertThat(SharedIds.capacity(650_000_000L / SharedIds.BYTES_PER_USER, 1 << 12, 1 << 22))
                .isGreaterThanOrEqualTo(1_500_000);
    }
}
