package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /roll} through the unmodified Javacord client against the fake Discord, wired as in
 * production (dice from {@code SecureRandom}, so totals are matched by shape, not value).
 */
@ExtendWith(NoThreadLeftRunning.class)
class RollEndToEndTest {

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private BotUnderTest bot;
    private FakeUser gm;
    private FakeUser alice;
    private FakeChannel table;
    private FakeChannel lobby;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        table = discord.addTextChannel("the-lost-mine");
        lobby = discord.addTextChannel("lobby");
        bot = BotUnderTest.start(discord, dataDir);
    }

    @AfterEach
    void stop() {
        try {
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

    private void campaignWithTilda() {
        run(gm, table, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")));
        run(alice, table, "campaign", Option.sub("join"));
        run(alice, table, "character", Option.sub("create", Option.string("name", "Tilda")));
    }

    @Test
    void outsideACampaignTheResultIsThePublicReplyWithTheTotalInBold() {
        FakeInteraction roll = discord.slash(alice, lobby, "roll", Option.string("expression", "1d20+5 [attack]"));
        Reply reply = roll.awaitAnnouncement();

        assertThat(roll.awaitReply().deferred()).isTrue();
        assertThat(roll.awaitReply().ephemeral()).as("the acknowledgement is private; the result announced")
                .isTrue();
        assertThat(reply.ephemeral()).isFalse();
        assertThat(reply.content()).matches("(?s)<@\\d+> rolls:\\n`1d20\\+5 \\[attack]` → 1d20 \\(\\d+\\) \\+ 5 "
                + "\\[attack] = \\*\\*\\d+\\*\\*");
        assertThat(reply.allowedMentions()).isPresent();
        assertThat(discord.webhookPosts()).isEmpty();
    }

    @Test
    void inACampaignThePlayersRollIsPostedAsTheirCharacter() {
        campaignWithTilda();

        Reply reply = run(alice, table, "roll", Option.string("expression", "4d6kh3"));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("Rolled as **Tilda**.");
        List<WebhookPost> posts = discord.webhookPosts();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).username()).contains("Tilda");
        assertThat(posts.get(0).content()).matches("`4d6kh3` → 4d6kh3 \\((~~\\d~~|\\d)(, (~~\\d~~|\\d)){3}\\) = "
                + "\\*\\*\\d+\\*\\*");
        assertThat(posts.get(0).content().split("~~", -1)).hasSize(3); // exactly one die struck through
    }

    @Test
    void aSecretRollIsAcknowledgedPrivatelySoTheTableSeesNothing() {
        campaignWithTilda();

        FakeInteraction roll = discord.slash(gm, table, "roll", Option.string("expression", "1d20"),
                Option.bool("secret", true));
        Reply reply = roll.awaitReply();

        assertThat(reply.deferred()).isTrue();
        assertThat(reply.ephemeral()).isTrue();
        int flags = roll.callbacks().get(0).json().path("data").path("flags").asInt(0);
        assertThat(flags & 64).as("the \"thinking...\" acknowledgement is ephemeral").isEqualTo(64);
        assertThat(reply.content()).startsWith("Secret roll, seen only by you:\n`1d20` → 1d20 (");
        assertThat(discord.webhookPosts()).isEmpty();
    }

    @Test
    void badDiceAreAPrivateOneLineError() {
        Reply reply = run(alice, lobby, "roll", Option.string("expression", "2d6kh3"));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("Cannot roll `2d6kh3`: kh3 selects 3 dice, but only 2 are rolled "
                + "(position 4).");
    }

    @Test
    void inlineRollsInSayArePostedWithTheirResult() {
        campaignWithTilda();

        run(alice, table, "say", Option.string("text", "I pick the lock [[1d20+3 [thieves' tools]]]"));

        assertThat(discord.webhookPosts()).extracting(WebhookPost::content).singleElement().asString()
                .matches("I pick the lock `1d20\\+3 \\[thieves' tools]` → 1d20 \\(\\d+\\) \\+ 3 \\[thieves' tools] = "
                        + "\\*\\*\\d+\\*\\*");
    }

    @Test
    void aPlayersSecretRollReachesTheGmAsADirectMessageWithMentionsDisabled() {
        campaignWithTilda();

        Reply reply = run(alice, table, "roll", Option.string("expression", "1d20+3 [stealth]"),
                Option.bool("secret", true));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).startsWith("Secret roll as **Tilda**, seen only by you and the GM (sent a copy by"
                + " direct message):\n`1d20+3 [stealth]` → 1d20 (");
        assertThat(discord.webhookPosts()).isEmpty();
        List<DirectMessage> messages = discord.directMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).recipient()).isEqualTo(gm);
        assertThat(messages.get(0).content()).startsWith("Secret roll in **The Lost Mine** by <@" + alice.idString()
                + "> as **Tilda**:\n`1d20+3 [stealth]` → 1d20 (");
        String total = reply.content().substring(reply.content().lastIndexOf("**", reply.content().length() - 3));
        assertThat(messages.get(0).content()).endsWith(total);
        assertThat(messages.get(0).allowedMentions()).isPresent();
        assertThat(messages.get(0).allowedMentions().get().path("parse")).isEmpty();
    }

    @Test
    void whenTheGmRefusesDirectMessagesTheRollerIsTold() {
        campaignWithTilda();
        discord.failNext(Endpoint.CREATE_MESSAGE, Fault.missingPermissions());

        Reply reply = run(alice, table, "roll", Option.string("expression", "1d20"), Option.bool("secret", true));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).startsWith("Secret roll as **Tilda**, seen only by you: the GM could not be sent a"
                + " copy");
        assertThat(discord.directMessages()).isEmpty();
        assertThat(discord.webhookPosts()).isEmpty();
    }
}
