package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedIdsTest {

    private static final String DIGITS = "123456789012345678";

    @Test
    void anIdReadTwiceInAGuildIsOneObjectAndKindsStayApart() {
        SharedIds ids = new SharedIds(3);

        GuildId guild = ids.guild(DIGITS);
        SharedIds.Guild table = ids.enter(guild);
        UserId user = table.user(UserId.of(DIGITS));
        ChannelId channel = table.channel(ChannelId.of(DIGITS));

        assertThat(ids.guild(new String(DIGITS))).isSameAs(guild);
        assertThat(ids.enter(GuildId.of(DIGITS))).isSameAs(table);
        assertThat(table.user(UserId.of(DIGITS))).isSameAs(user);
        assertThat(table.channel(ChannelId.of(DIGITS))).isSameAs(channel);
        assertThat((Object) user).isNotEqualTo(channel);
    }

    @Test
    void guildsKeepTheirOwnTables() {
        SharedIds ids = new SharedIds(2);
        UserId inFirst = ids.enter(ids.guild("1")).user(UserId.of(DIGITS));

        UserId inSecond = ids.enter(ids.guild("2")).user(UserId.of(DIGITS));

        assertThat(inSecond).isEqualTo(inFirst).isNotSameAs(inFirst);
    }

    @Test
    void aGuildsTableIsDroppedOnlyWhenEveryReaderHasLeftIt() {
        SharedIds ids = new SharedIds(3);
        List<SharedIds.Guild> entered = new ArrayList<>();
        for (int reader = 0; reader < 3; reader++) {
            entered.add(ids.enter(ids.guild("7")));
        }
        UserId user = entered.get(0).user(UserId.of(DIGITS));

        ids.leave(entered.get(0));
        ids.leave(entered.get(1));

        assertThat(ids.held()).isEqualTo(1);
        assertThat(entered.get(2)).isSameAs(entered.get(0));
        assertThat(entered.get(2).user(UserId.of(DIGITS))).isSameAs(user);

        ids.leave(entered.get(2));

        assertThat(ids.held()).isZero();
    }

    @Test
    void readersOnSeveralThreadsGetOneObjectPerId() throws Exception {
        SharedIds ids = new SharedIds(3);
        UserId[][] seen = new UserId[3][500];
        List<Thread> threads = new ArrayList<>();
        for (int reader = 0; reader < 3; reader++) {
            int r = reader;
            threads.add(new Thread(() -> {
                for (int g = 0; g < 500; g++) {
                    SharedIds.Guild table = ids.enter(ids.guild(Integer.toString(g)));
                    seen[r][g] = table.user(UserId.of(DIGITS));
                    ids.leave(table);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(ids.held()).isZero();
        for (int g = 0; g < 500; g++) {
            // the table lives until the third reader leaves, so each reader finds the same one
            assertThat(seen[1][g]).isSameAs(seen[0][g]);
            assertThat(seen[2][g]).isSameAs(seen[0][g]);
        }
    }

    @Test
    void needsAtLeastOneReader() {
        assertThatThrownBy(() -> new SharedIds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
