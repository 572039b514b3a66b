package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.BOB;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.GUILD;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /campaign log}: the transcript as an attachment, its range, format, size and who may have it. */
class CampaignLogCommandTest {

    @TempDir
    Path dir;

    private BotFixture bot;

    @BeforeEach
    void scene() {
        bot = new BotFixture(dir);
        bot.campaignWithCharacters();
        bot.run(ALICE, TAVERN, "say", "text", "We enter the *mine*.");
        bot.run(BOB, TAVERN, "say", "text", "I light a torch.");
        bot.run(ALICE, TAVERN, "say", "text", "Quiet!");
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String link(int post) {
        InMemoryChatPlatform.Post posted = bot.platform.posts().get(post);
        return "https://discord.com/channels/" + GUILD.value() + "/" + posted.channel().value() + "/"
                + posted.message().value();
    }

    @Test
    void theGmGetsEveryPostAsAMarkdownFileAttributedToItsCharacterAndPlayer() {
        Reply reply = bot.run(GM, TAVERN, "campaign log");

        assertThat(reply.error()).as(reply.text()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("3 posts").contains("Markdown");
        Attachment file = reply.attachment().orElseThrow();
        assertThat(file.fileName()).isEqualTo("the-lost-mine-transcript.md");
        assertThat(file.text()).contains("# Transcript: The Lost Mine")
                .containsSubsequence(" Brynn\n", "user " + ALICE.value(), "> We enter the \\*mine\\*.",
                        "### Tobin\n", "user " + BOB.value(), "> I light a torch.", " Brynn\n", "> Quiet!");
    }

    @Test
    void fromAndToLinksBoundItAndHtmlIsAPage() {
        Reply reply = bot.run(GM, TAVERN, "campaign log", "from", link(1), "to", "<" + link(2) + ">",
                "format", "HTML");

        Document html = Jsoup.parse(reply.attachment().orElseThrow().text());
        assertThat(reply.attachment().orElseThrow().fileName()).endsWith("-transcript.html");
        assertThat(html.select("article.post .text")).extracting(e -> e.wholeText())
                .containsExactly("I light a torch.", "Quiet!");
        assertThat(bot.run(GM, TAVERN, "campaign log", "to", bot.platform.posts().get(0).message().value())
                .attachment().orElseThrow().text()).contains("We enter").doesNotContain("torch");
    }

    @Test
    void aDeletedPostIsLeftOut() {
        bot.handlers.deletePost(bot.actor(BOB), GUILD, bot.platform.posts().get(1).message());

        assertThat(bot.run(GM, TAVERN, "campaign log").attachment().orElseThrow().text())
                .contains("We enter").contains("Quiet!").doesNotContain("torch");
    }

    @Test
    void playersAreRefusedAndBadOptionsExplained() {
        Reply player = bot.run(ALICE, TAVERN, "campaign log");
        assertThat(player.error()).isTrue();
        assertThat(player.attachment()).isEmpty();
        assertThat(player.text()).contains("Only the campaign's GM");

        assertThat(bot.run(GM, TAVERN, "campaign log", "format", "pdf").text()).contains("`markdown`");
        assertThat(bot.run(GM, TAVERN, "campaign log", "from", "yesterday").text()).contains("Copy Message Link");
        assertThat(bot.run(GM, TAVERN, "campaign log", "from",
                "https://discord.com/channels/123/456/789").text()).contains("another server");
        assertThat(bot.run(GM, TAVERN, "campaign log", "from", link(2), "to", link(0)).text())
                .contains("comes after");
    }

    @Test
    void playersGetItOnceTheGmAllowsItAndOnlyTheGmMayAllowIt() {
        assertThat(bot.run(ALICE, TAVERN, "campaign settings", "players_may_log", true).error()).isTrue();
        assertThat(bot.run(ALICE, TAVERN, "campaign log").error()).isTrue();

        Reply allowed = bot.run(GM, TAVERN, "campaign settings", "players_may_log", true);
        assertThat(allowed.text()).contains("Saved.").contains("players may get the transcript");
        assertThat(bot.campaign(TAVERN).orElseThrow().settings().playersMayLog()).isTrue();

        Reply player = bot.run(BOB, TAVERN, "campaign log");
        assertThat(player.error()).as(player.text()).isFalse();
        assertThat(player.attachment().orElseThrow().text()).contains("I light a torch.");
        assertThat(bot.run(BotFixture.ADMIN, BotFixture.MARKET, "campaign log").error()).as("no campaign there")
                .isTrue();

        bot.run(GM, TAVERN, "campaign settings", "players_may_log", false);
        assertThat(bot.run(BOB, TAVERN, "campaign log").error()).isTrue();
        assertThat(bot.run(GM, TAVERN, "campaign settings").text()).contains("only the GM");
    }

    @Test
    void messageLinksAreReadFromEveryDiscordHost() {
        GuildId guild = GuildId.of(1);
        for (String link : List.of("https://discord.com/channels/1/2/3", "https://ptb.discord.com/channels/1/2/3",
                "https://canary.discordapp.com/channels/1/2/3", " <https://discord.com/channels/1/2/3> ", "3")) {
            assertThat(MessageLinks.parse("from", link, guild)).as(link).isEqualTo(MessageId.of(3));
        }
        assertThatThrownBy(() -> MessageLinks.parse("to", "https://evil.example/channels/1/2/3", guild))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTranscriptTooBigToAttachIsRefusedSayingHowToGetItAnyway() {
        String line = "x".repeat(1999);
        int posts = CommandHandlers.MAX_TRANSCRIPT_BYTES / 1900 + 1;
        for (int i = 0; i < posts; i++) {
            bot.run(ALICE, TAVERN, "say", "text", line);
        }

        Reply reply = bot.run(GM, TAVERN, "campaign log");

        assertThat(reply.error()).isTrue();
        assertThat(reply.attachment()).isEmpty();
        assertThat(reply.text()).contains("MB").contains("`from:`").contains("campaign-admin transcript");
    }
}
