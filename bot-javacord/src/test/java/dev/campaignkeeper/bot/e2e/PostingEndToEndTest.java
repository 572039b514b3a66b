package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speaking in character as players expect, end to end through the production wiring: threads and
 * forum posts, long posts split in order, edit and delete.
 */
@ExtendWith(NoThreadLeftRunning.class)
class PostingEndToEndTest {

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private BotUnderTest bot;
    private FakeUser gm;
    private FakeUser alice;
    private FakeUser bob;
    private FakeChannel table;

    @BeforeEach
    void startFakeDiscordAndBot() throws Exception {
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        bob = discord.addMember("bob");
        table = discord.addTextChannel("the-lost-mine");
        bot = BotUnderTest.start(discord, dataDir);
    }

    @AfterEach
    void stopEverything() {
        try {
            assertThat(discord.unhandledCalls()).as("calls the fake does not implement").isEmpty();
            assertThat(discord.problems()).as("problems inside the fake").isEmpty();
            for (FakeInteraction interaction : discord.interactions()) {
                assertThat(interaction.callbacks()).as("acknowledgements of " + interaction).hasSizeLessThanOrEqualTo(1);
                assertThat(interaction.lateCallbacks()).as("acknowledgements after Discord's deadline").isEmpty();
            }
        } finally {
            try {
                bot.close();
            } finally {
                discord.close();
            }
        }
    }

    private Reply run(FakeUser user, FakeChannel channel, String command, Option... options) {
        return discord.slash(user, channel, command, options).awaitReply();
    }

    /** The GM starts a campaign where given; Alice joins and creates Tilda, Bob joins and creates Borin. */
    private void gather(FakeChannel where) {
        assertThat(discord.slash(gm, where, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")))
                .awaitAnnouncement().content()).contains("The Lost Mine");
        run(alice, where, "campaign", Option.sub("join"));
        run(bob, where, "campaign", Option.sub("join"));
        assertThat(run(alice, where, "character", Option.sub("create", Option.string("name", "Tilda"))).content())
                .contains("Tilda");
        assertThat(run(bob, where, "character", Option.sub("create", Option.string("name", "Borin"))).content())
                .contains("Borin");
    }

    private List<WebhookPost> posts() {
        return discord.webhookPosts();
    }

    @Test
    void aPostInAThreadGoesThroughTheParentChannelsWebhookIntoTheThread() {
        gather(table);
        FakeChannel quest = discord.addThread(table, "quest");

        Reply reply = run(alice, quest, "say", Option.string("text", "Into the thread we go."));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("Said as **Tilda**");
        assertThat(posts()).singleElement().satisfies(post -> {
            assertThat(post.channelId()).isEqualTo(table.id());
            assertThat(post.threadId()).isEqualTo(quest.id());
            assertThat(post.username()).hasValue("Tilda");
            assertThat(post.content()).isEqualTo("Into the thread we go.");
        });
        assertThat(discord.webhooks()).singleElement().satisfies(hook -> assertThat(hook.channelId())
                .isEqualTo(table.id()));
        assertThat(run(bob, quest, "campaign", Option.sub("info")).content())
                .as("campaign commands in a thread work on the parent's campaign").contains("The Lost Mine");
    }

    @Test
    void anArchivedThreadIsReopenedByPostingAndALockedOneIsRefusedClearly() {
        gather(table);
        FakeChannel quest = discord.addThread(table, "quest");
        FakeChannel archived = discord.setThreadState(quest, true, false);

        run(alice, archived, "say", Option.string("text", "Anyone still here?"));

        assertThat(posts()).extracting(WebhookPost::threadId).containsExactly(quest.id());
        assertThat(discord.channel(quest.id()).orElseThrow().archived()).isFalse();

        FakeChannel locked = discord.setThreadState(quest, true, true);
        Reply refused = run(alice, locked, "say", Option.string("text", "Let me in!"));
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("locked");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void aThreadWhoseChannelHasNoCampaignSaysSoAndCreateInAThreadMakesNoPlatformCall() {
        FakeChannel quest = discord.addThread(table, "quest");

        Reply info = run(alice, quest, "campaign", Option.sub("info"));
        assertThat(info.content()).contains("This thread's channel has no campaign");

        int callsBefore = discord.calls().size();
        Reply create = run(gm, quest, "campaign", Option.sub("create", Option.string("name", "Wrong place")));
        assertThat(create.ephemeral()).isTrue();
        assertThat(create.content()).contains("not in a thread");
        assertThat(discord.calls().subList(callsBefore, discord.calls().size()))
                .extracting(RecordedCall::endpoint)
                .as("only the interaction's own replies")
                .allMatch(endpoint -> endpoint == Endpoint.INTERACTION_CALLBACK
                        || endpoint == Endpoint.EDIT_ORIGINAL_RESPONSE || endpoint == Endpoint.FOLLOWUP_MESSAGE
                        || endpoint == Endpoint.DELETE_ORIGINAL_RESPONSE);
        assertThat(discord.createdRoles()).isEmpty();
        assertThat(discord.webhooks()).isEmpty();
    }

    @Test
    void aCampaignCreatedInAForumPostCoversTheForumAndATitleStartsANewPost() {
        FakeChannel forum = discord.addForumChannel("quests");
        FakeChannel tavern = discord.addThread(forum, "The Tavern");
        gather(tavern);

        assertThat(discord.webhooks()).singleElement().satisfies(hook -> assertThat(hook.channelId())
                .isEqualTo(forum.id()));
        run(alice, tavern, "say", Option.string("text", "A round for everyone!"));
        Reply started = run(bob, tavern, "say", Option.string("text", "Off to the caves."),
                Option.string("title", "The Caves"));

        assertThat(posts()).hasSize(2);
        assertThat(posts().get(0).threadId()).isEqualTo(tavern.id());
        FakeChannel caves = discord.threads().stream().filter(t -> t.name().equals("The Caves")).findFirst()
                .orElseThrow();
        assertThat(caves.parentId()).isEqualTo(forum.id());
        assertThat(posts().get(1).threadId()).isEqualTo(caves.id());
        assertThat(posts().get(1).payload().path("thread_name").asText()).isEqualTo("The Caves");
        assertThat(started.content()).contains("<#" + caves.idString() + ">");

        run(alice, caves, "say", Option.string("text", "Wait for me!"));
        assertThat(posts().get(2).threadId()).isEqualTo(caves.id());
    }

    @Test
    void aLongPostIsSplitIntoTwoMessagesInOrder() {
        gather(table);
        String first = "The mine's entrance is dark and cold. ".repeat(45).strip();
        String second = "Something moves in the shadows below. ".repeat(45).strip();

        Reply reply = run(alice, table, "say", Option.string("text", first + "\n\n" + second));

        assertThat(posts()).extracting(WebhookPost::content).containsExactly(first, second);
        assertThat(posts()).allSatisfy(post -> assertThat(post.content().length()).isLessThanOrEqualTo(2000));
        assertThat(reply.content()).contains("in 2 messages");
    }

    @Test
    void aPostDiscordDidNotSaveIsAnErrorAndItsFirstPartIsTakenBackSoNothingHalfIsLeft() {
        gather(table);
        String first = "The bridge creaks under our weight. ".repeat(40).strip();
        String second = "Then it snaps. ".repeat(40).strip();
        discord.failAfter(Endpoint.EXECUTE_WEBHOOK, 1, new Fault(500, Map.of(),
                "{\"message\": \"Internal Server Error\", \"code\": 0}"));

        Reply reply = run(alice, table, "say", Option.string("text", first + "\n\n" + second));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).doesNotContain("Said as").contains("Discord refused").contains("HTTP 500");
        assertThat(discord.calls(Endpoint.EXECUTE_WEBHOOK)).hasSize(2)
                .allSatisfy(call -> assertThat(call.query()).contains("wait=true"));
        assertThat(posts()).as("the first part was deleted again").isEmpty();
        assertThat(discord.deletedWebhookMessages()).hasSize(1);
    }

    @Test
    void sayWithoutTextOpensAFormAndA3500CharacterPostIsSplitInTwo() {
        gather(table);
        String first = "The mine's entrance is dark and cold.\nWater drips somewhere. ".repeat(28).strip();
        String second = "Something moves in the shadows below. ".repeat(45).strip();
        String text = first + "\n\n" + second;
        assertThat(text.length()).isBetween(3400, 3600);

        FakeInteraction say = discord.slash(alice, table, "say");
        var form = say.awaitModal();
        assertThat(form.path("components").get(0).path("components").get(0).path("style").asInt())
                .as("paragraph field").isEqualTo(2);
        assertThat(form.path("components").get(0).path("components").get(0).path("max_length").asInt())
                .isEqualTo(4000);
        Reply reply = discord.submitModal(say, Map.of("text", text)).awaitReply();

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("Said as **Tilda** in 2 messages");
        assertThat(posts()).extracting(WebhookPost::content).containsExactly(first, second);
        assertThat(posts().get(0).content()).contains("\n").as("line breaks kept");
    }

    @Test
    void aModalPostWithAnIndentedCodeBlockAndAnAsciiMapArrivesExactlyAsWritten() {
        gather(table);
        String written = "The map, as I remember it:\n"
                + "```\n"
                + "+---+---+---+\n"
                + "| @ |   | D |\n"
                + "+---+   +---+\n"
                + "    |  ~~~  |\n"
                + "\t  (river)\n"
                + "```\n"
                + "And the spell, indented:\n"
                + "```py\n"
                + "def fireball(level):\n"
                + "    if level > 3:\n"
                + "        return  8 + level\n"
                + "\n"
                + "\n"
                + "    return 8\n"
                + "```";

        FakeInteraction say = discord.slash(alice, table, "say");
        say.awaitModal();
        Reply reply = discord.submitModal(say, Map.of("text", "\n" + written + "  \n")).awaitReply();

        assertThat(reply.content()).contains("Said as **Tilda**");
        assertThat(posts()).singleElement().satisfies(post -> assertThat(post.content()).isEqualTo(written));

        FakeInteraction edit = discord.messageCommand(alice, "Edit post", posts().get(0));
        assertThat(edit.awaitModal().path("components").get(0).path("components").get(0).path("value").asText())
                .as("the edit form shows it unchanged too").isEqualTo(written);
        discord.submitModal(edit, Map.of("text", written.replace("@", "X"))).awaitReply();
        assertThat(posts().get(0).content()).isEqualTo(written.replace("@", "X"));
    }

    @Test
    void theAuthorEditsAndDeletesTheirPostWithMessageCommands() {
        gather(table);
        run(alice, table, "say", Option.string("text", "I draw my sword."));
        WebhookPost post = posts().get(0);

        FakeInteraction edit = discord.messageCommand(alice, "Edit post", post);
        var form = edit.awaitModal();
        assertThat(form.path("components").get(0).path("components").get(0).path("value").asText())
                .as("prefilled with the post's text").isEqualTo("I draw my sword.");
        Reply edited = discord.submitModal(edit, Map.of("text", "I draw my dagger.")).awaitReply();

        assertThat(edited.ephemeral()).isTrue();
        assertThat(edited.content()).contains("Edited your post");
        assertThat(posts()).singleElement().satisfies(p -> {
            assertThat(p.content()).isEqualTo("I draw my dagger.");
            assertThat(p.edited()).isTrue();
            assertThat(p.messageId()).isEqualTo(post.messageId());
        });

        Reply deleted = discord.messageCommand(alice, "Delete post", posts().get(0)).awaitReply();
        assertThat(deleted.ephemeral()).isTrue();
        assertThat(deleted.content()).contains("Deleted your post");
        assertThat(posts()).isEmpty();
        assertThat(discord.deletedWebhookMessages()).containsExactly(post.messageId());
    }

    @Test
    void anotherPlayerMayNotEditAndTheGmDeletesAnyPost() {
        gather(table);
        FakeChannel quest = discord.addThread(table, "quest");
        run(alice, quest, "say", Option.string("text", "Mine, all mine."));
        WebhookPost post = posts().get(0);

        Reply refused = discord.messageCommand(bob, "Edit post", post).awaitReply();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Only the player who made a post can edit it");
        Reply notDeleted = discord.messageCommand(bob, "Delete post", post).awaitReply();
        assertThat(notDeleted.content()).contains("Only the player who made a post");
        assertThat(posts()).hasSize(1);

        Reply byGm = discord.messageCommand(gm, "Delete post", post).awaitReply();
        assertThat(byGm.content()).contains("Deleted").contains("'s post");
        assertThat(posts()).isEmpty();
    }

    @Test
    void aCrossReactionByTheAuthorDeletesThePostAndOneByAnotherPlayerDoesNothing() throws Exception {
        gather(table);
        run(alice, table, "say", Option.string("text", "Oops, wrong channel."));
        WebhookPost post = posts().get(0);

        assertThat(discord.react(bob, post, "❌")).as("the bot asked for the reactions intent").isTrue();
        assertThat(discord.react(alice, post, "👍")).isTrue();
        Thread.sleep(500);
        assertThat(posts()).hasSize(1);

        discord.react(alice, post, "❌");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!posts().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(posts()).isEmpty();
        assertThat(discord.deletedWebhookMessages()).containsExactly(post.messageId());
    }

    @Test
    void aGlobal429OnAWebhookPostLeavesOtherRepliesWithinThreeSeconds() throws InterruptedException {
        gather(table);
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.globallyRateLimited(Duration.ofSeconds(4)));

        FakeInteraction held = discord.slash(alice, table, "say", Option.string("text", "Held back a while."));
        FakeInteraction info = discord.slash(bob, table, "campaign", Option.sub("info"));
        FakeInteraction show = discord.slash(bob, table, "character", Option.sub("show"));
        FakeInteraction bobSays = discord.slash(bob, table, "say", Option.string("text", "Me too."));

        assertThat(info.awaitReply().content()).contains("The Lost Mine");
        assertThat(show.awaitReply().content()).contains("Borin");
        for (FakeInteraction other : List.of(info, show, bobSays, held)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (other.callbackLatency().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(other.callbackLatency()).as("acknowledgement of " + other)
                    .hasValueSatisfying(latency -> assertThat(latency).isLessThan(Duration.ofSeconds(3)));
        }
        assertThat(held.awaitReply(Duration.ofSeconds(20)).content()).contains("Said as **Tilda**");
        assertThat(bobSays.awaitReply(Duration.ofSeconds(20)).content()).contains("Said as **Borin**");
        assertThat(posts()).extracting(WebhookPost::content)
                .containsExactlyInAnyOrder("Held back a while.", "Me too.");
    }

    @Test
    void missingAccessToAThreadIsExplainedApartFromMissingPermissions() {
        gather(table);
        FakeChannel quest = discord.addThread(table, "quest");
        discord.failNext(Endpoint.EXECUTE_WEBHOOK, Fault.missingAccess());

        Reply reply = run(alice, quest, "say", Option.string("text", "Hello?"));

        assertThat(reply.content()).contains("cannot see this channel").doesNotContain("Manage Webhooks");
        discord.failNext(Endpoint.CREATE_WEBHOOK, Fault.missingPermissions());
        FakeChannel other = discord.addTextChannel("other");
        Reply create = discord.slash(gm, other, "campaign", Option.sub("create")).awaitReply();
        assertThat(create.content()).contains("Manage Webhooks");
    }

    @Test
    void anAttachedImageIsUploadedAgainThroughTheWebhookAndOtherFilesAreRefused() {
        gather(table);

        Reply reply = run(alice, table, "say", Option.string("text", "Look at this map!"),
                Option.attachment("image", FakeAttachment.png("map.png")));

        assertThat(reply.content()).contains("Said as **Tilda**").contains("with the image");
        assertThat(posts()).singleElement().satisfies(post -> {
            assertThat(post.content()).isEqualTo("Look at this map!");
            assertThat(post.files()).as("re-uploaded, not linked").containsExactly("map.png");
            assertThat(post.payload().toString()).doesNotContain("cdn.discordapp.com");
        });

        Reply refused = run(alice, table, "say", Option.string("text", "And my notes."),
                Option.attachment("image", new FakeAttachment("notes.png", "image/png",
                        "%PDF-1.7 not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(refused.content()).contains("is not a PNG, JPEG, GIF or WebP image");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void aRollInAThreadIsPostedIntoTheThreadAsTheCharacter() {
        gather(table);
        FakeChannel quest = discord.addThread(table, "quest");

        Reply reply = run(alice, quest, "roll", Option.string("expression", "1d20+5 [attack]"));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("Rolled as **Tilda**");
        assertThat(posts()).singleElement().satisfies(post -> {
            assertThat(post.threadId()).isEqualTo(quest.id());
            assertThat(post.username()).hasValue("Tilda");
            assertThat(post.content()).startsWith("`1d20+5 [attack]`");
        });
    }
}
