package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxy tags in ordinary messages, end to end: the real Javacord client, started with {@code
 * --message-content}, against the fake Discord. Tags are given through the store (the commands that
 * set them are not this listener's business).
 */
@ExtendWith(NoThreadLeftRunning.class)
class ProxyEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private BotUnderTest bot;
    private FakeUser gm;
    private FakeUser alice;
    private FakeChannel table;

    @BeforeEach
    void startFakeDiscord() throws Exception {
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        table = discord.addTextChannel("the-lost-mine");
    }

    @AfterEach
    void stopEverything() {
        try {
            assertThat(discord.unhandledCalls()).as("calls the fake does not implement").isEmpty();
            assertThat(discord.problems()).as("problems inside the fake").isEmpty();
        } finally {
            try {
                if (bot != null) {
                    bot.close();
                }
            } finally {
                discord.close();
            }
        }
    }

    /** Starts the bot with the intent; the GM creates a campaign, Alice joins as Tilda (tag "T:"), proxy tags on. */
    private void campaignWithProxyTags() {
        bot = BotUnderTest.startWithMessageContent(discord, dataDir);
        discord.slash(gm, table, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")))
                .awaitAnnouncement();
        discord.slash(alice, table, "campaign", Option.sub("join")).awaitReply();
        discord.slash(alice, table, "character", Option.sub("create", Option.string("name", "Tilda"),
                Option.string("avatar", "https://example.com/tilda.png"))).awaitReply();
        GuildId guild = GuildId.of(discord.guildId());
        ChannelId channel = ChannelId.of(table.id());
        bot.store().update(guild, state -> Update.of(null,
                new RecordChange.PutCampaign(state.campaign(channel).orElseThrow().withSettings(
                        state.campaign(channel).orElseThrow().settings().withProxyTags(true))),
                new RecordChange.PutCharacter(state.character(channel, UserId.of(alice.id())).orElseThrow()
                        .withProxyTags(List.of(ProxyTag.prefix("T:"), new ProxyTag("T:[", "]"))))));
    }

    private List<WebhookPost> posts() {
        return discord.webhookPosts();
    }

    private WebhookPost awaitPost(int count) {
        discord.awaitCondition(() -> posts().size() >= count, WAIT, count + " webhook post(s)");
        return posts().get(count - 1);
    }

    private void awaitDeletedByBot(FakeMessage message) {
        discord.awaitCondition(() -> discord.messagesDeletedByBot().contains(message.id()), WAIT,
                "the bot deleting message " + message.id());
    }

    @Test
    void aTaggedMessageIsRepostedAsTheCharacterWithMentionsOffAndTheOriginalDeleted() {
        campaignWithProxyTags();

        FakeMessage original = discord.sendMessage(alice, table, "T: Hello, @everyone! *waves*");

        WebhookPost post = awaitPost(1);
        assertThat(post.username()).hasValue("Tilda");
        assertThat(post.avatarUrl()).hasValue("https://example.com/tilda.png");
        assertThat(post.content()).isEqualTo("Hello, @everyone! *waves*");
        assertThat(post.effectiveMentionParse()).isEmpty();
        awaitDeletedByBot(original);
        assertThat(discord.memberMessage(original.id())).isEmpty();
        assertThat(discord.identifiedIntents() & (1L << 15)).as("Message Content intent in IDENTIFY").isNotZero();

        Reply deleted = discord.messageCommand(alice, "Delete post", post).awaitReply();
        assertThat(deleted.content()).as("a proxied post is logged like /say").containsIgnoringCase("deleted");
        assertThat(posts()).isEmpty();
    }

    @Test
    void untaggedEscapedAndTagOnlyMessagesStayAndTheBotsOwnRepostsNeverLoop() {
        campaignWithProxyTags();

        FakeMessage plain = discord.sendMessage(alice, table, "just chatting out of character");
        FakeMessage escaped = discord.sendMessage(alice, table, "\\T: not this one");
        FakeMessage tagOnly = discord.sendMessage(alice, table, "T:");
        FakeMessage tagged = discord.sendMessage(alice, table, "T:[The longest tag wins]");

        assertThat(awaitPost(1).content()).isEqualTo("The longest tag wins");
        awaitDeletedByBot(tagged);
        assertThat(posts()).hasSize(1);
        assertThat(discord.messagesDeletedByBot()).containsExactly(tagged.id());
        assertThat(discord.memberMessage(plain.id())).isPresent();
        assertThat(discord.memberMessage(escaped.id())).isPresent();
        assertThat(discord.memberMessage(tagOnly.id())).isPresent();
        assertThat(discord.calls(Endpoint.GET_CHANNEL_MESSAGE)).as("only the tagged message was read again")
                .hasSize(1);
    }

    @Test
    void aReplyBecomesALinkAtTheTopAndAttachmentsAreReuploaded() {
        campaignWithProxyTags();
        FakeMessage earlier = discord.sendMessage(gm, table, "What do you see?");

        FakeMessage reply = discord.sendMessage(alice, table, "T: A map!", List.of(FakeAttachment.png("map.png")),
                earlier.id());

        WebhookPost post = awaitPost(1);
        assertThat(post.content()).isEqualTo("-# ↪ https://discord.com/channels/" + discord.guildId() + "/"
                + table.id() + "/" + earlier.id() + "\nA map!");
        assertThat(post.files()).hasSize(1);
        awaitDeletedByBot(reply);
    }

    @Test
    void aMessageDeletedBeforeTheBotActsIsNotPosted() {
        campaignWithProxyTags();
        discord.beforeNext(Endpoint.GET_CHANNEL_MESSAGE, call -> discord.memberMessage(
                Long.parseLong(call.path().substring(call.path().lastIndexOf('/') + 1)))
                .ifPresent(discord::deleteMessageElsewhere));

        discord.sendMessage(alice, table, "T: Oops, wrong channel");
        FakeMessage next = discord.sendMessage(alice, table, "T: This one counts");

        assertThat(awaitPost(1).content()).isEqualTo("This one counts");
        awaitDeletedByBot(next);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void aMessageAnotherProxyBotDeletesWhileTheBotPostsTakesTheRepostBack() {
        campaignWithProxyTags();
        FakeMessage[] original = new FakeMessage[1];
        discord.beforeNext(Endpoint.EXECUTE_WEBHOOK, call -> discord.deleteMessageElsewhere(original[0]));

        original[0] = discord.sendMessage(alice, table, "T: Who gets me first?");

        discord.awaitCalls(Endpoint.DELETE_WEBHOOK_MESSAGE, 1, WAIT);
        discord.awaitCondition(() -> posts().isEmpty(), WAIT, "the repost taken back");
        assertThat(discord.messagesDeletedByBot()).isEmpty();
    }

    @Test
    void anEditMadeBeforeTheBotReadsTheMessageIsWhatIsPosted() {
        campaignWithProxyTags();
        FakeMessage[] original = new FakeMessage[1];
        discord.beforeNext(Endpoint.GET_CHANNEL_MESSAGE, call -> discord.editMessage(original[0],
                "T: Better words, a second later"));

        original[0] = discord.sendMessage(alice, table, "T: Frist words");

        assertThat(awaitPost(1).content()).isEqualTo("Better words, a second later");
        awaitDeletedByBot(original[0]);
    }

    @Test
    void anotherProxyBotsWebhookPostsAreIgnored() {
        campaignWithProxyTags();

        discord.foreignWebhookPost(table, "Tilda", "T: I am another bot's webhook");
        FakeMessage mine = discord.sendMessage(alice, table, "T: I am Alice");

        assertThat(awaitPost(1).content()).isEqualTo("I am Alice");
        awaitDeletedByBot(mine);
        assertThat(posts()).hasSize(1);
        assertThat(discord.calls(Endpoint.GET_CHANNEL_MESSAGE)).hasSize(1);
    }

    @Test
    void withoutManageMessagesTaggedMessagesStayAndTheGmIsTold() {
        campaignWithProxyTags();
        discord.setBotPermissions(discord.botPermissions() & ~FakeDiscord.MANAGE_MESSAGES);

        FakeMessage original = discord.sendMessage(alice, table, "T: Can you hear me?");

        discord.awaitCondition(() -> discord.directMessages().stream().anyMatch(dm -> dm.recipient().equals(gm)),
                WAIT, "a direct message to the GM");
        assertThat(discord.directMessages()).filteredOn(dm -> dm.recipient().equals(gm)).singleElement()
                .satisfies(dm -> assertThat(dm.content()).contains("Manage Messages").contains("The Lost Mine"));
        assertThat(posts()).isEmpty();
        assertThat(discord.memberMessage(original.id())).isPresent();
    }

    @Test
    void withoutManageMessagesTheGmIsToldOnlyOnceHoweverManyTaggedMessagesCome() {
        campaignWithProxyTags();
        long permissions = discord.botPermissions();
        discord.setBotPermissions(permissions & ~FakeDiscord.MANAGE_MESSAGES);
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "dev.campaignkeeper.bot.javacord.ProxySupport");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Level level = log.getLevel();
        logged.start();
        log.addAppender(logged);
        log.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            List<FakeMessage> untouched = List.of(discord.sendMessage(alice, table, "T: First try."),
                    discord.sendMessage(alice, table, "T: Second try."),
                    discord.sendMessage(alice, table, "T:[Third try.]"));
            discord.awaitCondition(() -> leftAlone(logged) == 3, WAIT, "all three messages handled");

            assertThat(discord.directMessages()).as("one direct message for three refused messages")
                    .filteredOn(dm -> dm.recipient().equals(gm)).singleElement()
                    .satisfies(dm -> assertThat(dm.content()).contains("Manage Messages").contains("The Lost Mine"));
            assertThat(discord.directMessages()).as("nobody else is told")
                    .allSatisfy(dm -> assertThat(dm.recipient()).isEqualTo(gm));
            assertThat(posts()).isEmpty();
            for (FakeMessage message : untouched) {
                assertThat(discord.memberMessage(message.id())).as(message.content()).isPresent();
            }
        } finally {
            log.detachAppender(logged);
            log.setLevel(level);
        }

        discord.setBotPermissions(permissions);
        FakeMessage afterTheFix = discord.sendMessage(alice, table, "T: Now it works.");

        assertThat(awaitPost(1).content()).isEqualTo("Now it works.");
        awaitDeletedByBot(afterTheFix);
        assertThat(discord.directMessages()).as("still the one message").hasSize(1);
    }

    /** How many messages the proxy support left alone for want of Manage Messages, by its log. */
    private static long leftAlone(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().filter(event -> event.getFormattedMessage().contains("Manage Messages is missing"))
                    .count();
        }
    }

    @Test
    void aCoGmHoldingTheCampaignsGmRoleSpeaksAsAnNpcByItsTagAndAPlayerCannot() {
        campaignWithProxyTags();
        discord.slash(gm, table, "npc", Option.sub("create", Option.string("name", "Grimbold"))).awaitReply();
        assertThat(discord.slash(gm, table, "npc", Option.sub("edit", Option.string("npc", "Grimbold"),
                Option.string("tags", "G:text"))).awaitReply().content()).contains("Updated the NPC **Grimbold**");
        FakeUser carol = discord.addMember("carol-the-co-gm");
        long gmRole = Long.parseLong(bot.store().guild(GuildId.of(discord.guildId()))
                .campaign(ChannelId.of(table.id())).orElseThrow().gmRole().value());
        discord.grantRole(carol, discord.role(gmRole).orElseThrow());

        FakeMessage byAPlayer = discord.sendMessage(alice, table, "G: I am the dwarf now.");
        FakeMessage byTheCoGm = discord.sendMessage(carol, table, "G: Welcome to Phandalin.");

        WebhookPost post = awaitPost(1);
        assertThat(post.username()).hasValue("Grimbold");
        assertThat(post.content()).isEqualTo("Welcome to Phandalin.");
        awaitDeletedByBot(byTheCoGm);
        assertThat(posts()).as("the player's message, handled before, was not reposted").hasSize(1);
        assertThat(discord.memberMessage(byAPlayer.id())).isPresent();
        assertThat(discord.messagesDeletedByBot()).containsExactly(byTheCoGm.id());
    }

    @Test
    void aFailedRepostKeepsTheOriginalAndTellsTheAuthor() {
        campaignWithProxyTags();
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.serverError());

        FakeMessage original = discord.sendMessage(alice, table, "T: Every word of this matters.");

        discord.awaitCondition(() -> discord.directMessages().stream().anyMatch(dm -> dm.recipient().equals(alice)),
                WAIT, "a direct message to the author");
        assertThat(discord.directMessages()).filteredOn(dm -> dm.recipient().equals(alice)).singleElement()
                .satisfies(dm -> assertThat(dm.content()).contains("not reposted").contains("still there"));
        assertThat(discord.memberMessage(original.id())).hasValueSatisfying(message ->
                assertThat(message.content()).isEqualTo("T: Every word of this matters."));
        assertThat(discord.calls(Endpoint.DELETE_CHANNEL_MESSAGE)).isEmpty();
    }

    @Test
    void whenDiscordRefusesTheIntentWith4014TheBotLogsInAgainWithoutItAndKeepsWorking() {
        discord.refuseMessageContentIntent(true);

        bot = BotUnderTest.startWithMessageContent(discord, dataDir);

        assertThat(discord.gatewayCloseCodes()).containsExactly(4014);
        assertThat(discord.identifiedIntents() & (1L << 15)).as("the second IDENTIFY is without it").isZero();
        assertThat(discord.slash(gm, table, "campaign", Option.sub("create", Option.string("name", "Still here")))
                .awaitAnnouncement().content()).contains("Still here");
    }

    @Test
    void withoutTheFlagTheBotAsksForNoMessageIntents() {
        bot = BotUnderTest.start(discord, dataDir);

        assertThat(discord.identifiedIntents() & ((1L << 9) | (1L << 15))).isZero();
    }
}
