package dev.campaignkeeper.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PostLog} keeps. Implementations' tests extend this class (it ships in
 * core's test jar) and say how to make an empty log, and, if they are durable, how to reopen it.
 */
public abstract class PostLogContract {

    /** A guild. */
    protected static final GuildId GUILD = GuildId.of(1000);
    /** Another guild. */
    protected static final GuildId OTHER_GUILD = GuildId.of(2000);
    /** A campaign channel. */
    protected static final ChannelId CAMPAIGN = ChannelId.of(3000);
    /** Another campaign channel. */
    protected static final ChannelId OTHER_CAMPAIGN = ChannelId.of(3001);
    /** A thread of {@link #CAMPAIGN}. */
    protected static final ChannelId THREAD = ChannelId.of(3100);
    /** A player. */
    protected static final UserId ALICE = UserId.of(11);
    /** Another player. */
    protected static final UserId BOB = UserId.of(12);

    private long nextMessage = 5_000;

    /**
     * An empty log.
     *
     * @param retentionPerCampaign how many posts each campaign keeps
     * @return the log
     */
    protected abstract PostLog newLog(int retentionPerCampaign);

    /**
     * The same log after a restart. In-memory logs return it as it is.
     *
     * @param log the log
     * @return the log as reopened
     */
    protected PostLog reopen(PostLog log) {
        return log;
    }

    /**
     * A post of one or more messages.
     *
     * @param guild the guild
     * @param campaign the campaign channel
     * @param author the author
     * @param messages how many messages
     * @param text the text
     * @return the record
     */
    protected PostRecord post(GuildId guild, ChannelId campaign, UserId author, int messages, String text) {
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            ids.add(MessageId.of(nextMessage++));
        }
        return new PostRecord(guild, campaign, WebhookId.of(77), Optional.of(THREAD), ids, author,
                Optional.empty(), "Aria", Instant.parse("2026-12-01T20:00:00Z").plusSeconds(nextMessage), text);
    }

    @Test
    void anAppendedPostIsFoundByEachOfItsMessagesAlsoAfterReopening() {
        PostLog log = newLog(100);
        PostRecord post = post(GUILD, CAMPAIGN, ALICE, 2, "Hello\nthere");

        log.append(post);
        PostLog reopened = reopen(log);

        assertThat(reopened.find(GUILD, post.messages().get(0))).hasValue(post);
        assertThat(reopened.find(GUILD, post.messages().get(1))).hasValue(post);
        assertThat(reopened.find(OTHER_GUILD, post.messages().get(0))).isEmpty();
        assertThat(reopened.find(GUILD, MessageId.of(1))).isEmpty();
    }

    @Test
    void everyFieldSurvives() {
        PostLog log = newLog(100);
        PostRecord post = new PostRecord(GUILD, CAMPAIGN, WebhookId.of(78), Optional.empty(),
                List.of(MessageId.of(42)), BOB, Optional.of(NpcId.of("ab12cd34")), "Old Gus 🐉",
                Instant.parse("2026-12-01T21:00:00.123Z"), "```js\nx\n```\n\nÉpée « ok »");

        log.append(post);

        assertThat(reopen(log).find(GUILD, MessageId.of(42))).hasValue(post);
    }

    @Test
    void theAvatarRollsAndImagesSurviveAnEditAndAReopen() {
        PostLog log = newLog(100);
        PostRecord post = post(GUILD, CAMPAIGN, ALICE, 1, "I swing! `1d20+5` = **17**")
                .withExtras(Optional.of("https://example.org/aria.png?size=128"),
                        List.of("1d20+5 [attack] = 17", "2d6 = 7"),
                        List.of("https://cdn.example.org/a/map.png", "sketch.webp"));
        log.append(post);
        PostRecord edited = post.edited(post.messages(), "I swing hard!");

        assertThat(log.replace(edited)).isTrue();

        PostRecord found = reopen(log).find(GUILD, post.id()).orElseThrow();
        assertThat(found).isEqualTo(edited);
        assertThat(found.avatarUrl()).hasValue("https://example.org/aria.png?size=128");
        assertThat(found.rolls()).containsExactly("1d20+5 [attack] = 17", "2d6 = 7");
        assertThat(found.images()).containsExactly("https://cdn.example.org/a/map.png", "sketch.webp");
        assertThat(found.text()).isEqualTo("I swing hard!");
    }

    @Test
    void appendingAMessageAlreadyLoggedIsRefused() {
        PostLog log = newLog(100);
        PostRecord post = post(GUILD, CAMPAIGN, ALICE, 1, "once");
        log.append(post);

        assertThatThrownBy(() -> log.append(post)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.recent(GUILD, CAMPAIGN, 10)).containsExactly(post);
    }

    @Test
    void recentListsNewestFirstPerCampaign() {
        PostLog log = newLog(100);
        PostRecord first = post(GUILD, CAMPAIGN, ALICE, 1, "one");
        PostRecord second = post(GUILD, CAMPAIGN, BOB, 1, "two");
        PostRecord elsewhere = post(GUILD, OTHER_CAMPAIGN, ALICE, 1, "other");
        log.append(first);
        log.append(elsewhere);
        log.append(second);

        PostLog reopened = reopen(log);
        assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).containsExactly(second, first);
        assertThat(reopened.recent(GUILD, CAMPAIGN, 1)).containsExactly(second);
        assertThat(reopened.recent(GUILD, OTHER_CAMPAIGN, 10)).containsExactly(elsewhere);
        assertThat(reopened.latestBy(GUILD, CAMPAIGN, ALICE)).hasValue(first);
        assertThat(reopened.latestBy(GUILD, CAMPAIGN, UserId.of(99))).isEmpty();
    }

    @Test
    void eachCampaignKeepsAtMostTheRetentionDroppingTheOldest() {
        PostLog log = newLog(3);
        List<PostRecord> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(post(GUILD, CAMPAIGN, ALICE, 2, "post " + i));
            log.append(posts.get(i));
        }
        PostRecord other = post(GUILD, OTHER_CAMPAIGN, ALICE, 1, "kept");
        log.append(other);

        PostLog reopened = reopen(log);
        assertThat(reopened.retentionPerCampaign()).isEqualTo(3);
        assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).containsExactly(posts.get(4), posts.get(3), posts.get(2));
        assertThat(reopened.find(GUILD, posts.get(0).messages().get(1))).isEmpty();
        assertThat(reopened.recent(GUILD, OTHER_CAMPAIGN, 10)).containsExactly(other);
    }

    @Test
    void replaceKeepsThePostsPlaceAndFindsItByItsRemainingMessages() {
        PostLog log = newLog(100);
        PostRecord first = post(GUILD, CAMPAIGN, ALICE, 2, "long");
        PostRecord second = post(GUILD, CAMPAIGN, ALICE, 1, "later");
        log.append(first);
        log.append(second);
        PostRecord edited = first.edited(first.messages().subList(0, 1), "short");

        assertThat(log.replace(edited)).isTrue();

        PostLog reopened = reopen(log);
        assertThat(reopened.find(GUILD, first.messages().get(0))).hasValue(edited);
        assertThat(reopened.find(GUILD, first.messages().get(1))).isEmpty();
        assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).containsExactly(second, edited);
        assertThat(reopened.replace(post(GUILD, CAMPAIGN, ALICE, 1, "never logged"))).isFalse();
    }

    @Test
    void replaceRefusesARecordThatIsNotTheLoggedPost() {
        PostLog log = newLog(100);
        PostRecord logged = post(GUILD, CAMPAIGN, ALICE, 2, "two parts");
        log.append(logged);
        PostRecord keyedBySecondMessage = new PostRecord(GUILD, CAMPAIGN, logged.webhook(), logged.thread(),
                List.of(logged.messages().get(1)), ALICE, Optional.empty(), "Aria", logged.postedAt(), "part two");
        PostRecord inAnotherCampaign = new PostRecord(GUILD, OTHER_CAMPAIGN, logged.webhook(), logged.thread(),
                logged.messages(), ALICE, Optional.empty(), "Aria", logged.postedAt(), "moved");

        assertThat(log.replace(keyedBySecondMessage)).isFalse();
        assertThat(log.replace(inAnotherCampaign)).isFalse();

        PostLog reopened = reopen(log);
        assertThat(reopened.find(GUILD, logged.messages().get(1))).hasValue(logged);
        assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).containsExactly(logged);
        assertThat(reopened.recent(GUILD, OTHER_CAMPAIGN, 10)).isEmpty();
    }

    @Test
    void removeDeletesOnePost() {
        PostLog log = newLog(100);
        PostRecord post = post(GUILD, CAMPAIGN, ALICE, 2, "bye");
        PostRecord kept = post(GUILD, CAMPAIGN, ALICE, 1, "stays");
        log.append(post);
        log.append(kept);

        assertThat(log.remove(GUILD, post.id())).isTrue();
        assertThat(log.remove(GUILD, post.id())).isFalse();

        PostLog reopened = reopen(log);
        assertThat(reopened.find(GUILD, post.messages().get(1))).isEmpty();
        assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).containsExactly(kept);
    }

    @Test
    void removeCampaignDeletesItsPostsOnly() {
        PostLog log = newLog(100);
        log.append(post(GUILD, CAMPAIGN, ALICE, 1, "a"));
        log.append(post(GUILD, CAMPAIGN, BOB, 3, "b"));
        PostRecord otherCampaign = post(GUILD, OTHER_CAMPAIGN, ALICE, 1, "c");
        PostRecord otherGuild = post(OTHER_GUILD, CAMPAIGN, ALICE, 1, "d");
        log.append(otherCampaign);
        log.append(otherGuild);

        assertThat(log.removeCampaign(GUILD, CAMPAIGN)).isEqualTo(2);

        PostLog reopened = reopen(log);
        assertThat(reopened.recent(GUILD, CAMPAIGN, 10)).isEmpty();
        assertThat(reopened.recent(GUILD, OTHER_CAMPAIGN, 10)).containsExactly(otherCampaign);
        assertThat(reopened.recent(OTHER_GUILD, CAMPAIGN, 10)).containsExactly(otherGuild);
        assertThat(reopened.removeCampaign(GUILD, CAMPAIGN)).isZero();
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        PostLog log = newLog(10_000);
        List<PostRecord> posts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            posts.add(post(i % 2 == 0 ? GUILD : OTHER_GUILD, CAMPAIGN, ALICE, 1, "n" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (PostRecord post : posts) {
                done.add(pool.submit(() -> log.append(post)));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        PostLog reopened = reopen(log);
        assertThat(reopened.recent(GUILD, CAMPAIGN, 1000)).hasSize(200);
        assertThat(reopened.recent(OTHER_GUILD, CAMPAIGN, 1000)).hasSize(200);
        for (PostRecord post : posts) {
            assertThat(reopened.find(post.guild(), post.id())).hasValue(post);
        }
    }
}
