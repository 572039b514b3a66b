package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.GUILD;
import static dev.campaignkeeper.bot.command.BotFixture.MARKET;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.campaignkeeper.core.dice.DiceFormatter;
import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Post;
import dev.campaignkeeper.core.error.MissingPermissionException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollCommandTest {

    private static final long SEED = 4242L;

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir, DiceRoller.seeded(SEED));
        bot.campaignWithCharacters();
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    /** The first roll of the fixture's seeded roller, as posted. */
    private static String firstRoll(String expression) {
        return DiceFormatter.format(DiceRoller.seeded(SEED).roll(expression));
    }

    @Test
    void aPlayerRollsAsTheirCharacterAndGetsAPrivateConfirmation() {
        Reply reply = bot.run(ALICE, TAVERN, "roll", "expression", "1d20+5 [attack]");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).isEqualTo("Rolled as **Brynn**.");
        assertThat(bot.platform.posts()).extracting(Post::displayName, Post::text)
                .containsExactly(tuple("Brynn", firstRoll("1d20+5 [attack]")));
        assertThat(bot.platform.posts().get(0).text()).contains("**").startsWith("`1d20+5 [attack]` → 1d20 (");
    }

    @Test
    void theGmRollsAsAnNpc() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply reply = bot.run(GM, TAVERN, "roll", "expression", "2d6", "as", "grik");

        assertThat(reply.text()).isEqualTo("Rolled as **Grik**.");
        assertThat(bot.platform.posts()).extracting(Post::displayName).containsExactly("Grik");
    }

    @Test
    void outsideACampaignTheBotAnswersPubliclyWithTheResult() {
        Reply reply = bot.run(ALICE, MARKET, "roll", "expression", "4d6kh3");

        assertThat(reply.isPublic()).isTrue();
        assertThat(reply.text()).isEqualTo("<@" + ALICE.value() + "> rolls:\n" + firstRoll("4d6kh3"));
        assertThat(bot.platform.posts()).isEmpty();
    }

    @Test
    void theGmWithoutAsRollsAsTheBot() {
        Reply reply = bot.run(GM, TAVERN, "roll", "expression", "1d20");

        assertThat(reply.isPublic()).isTrue();
        assertThat(reply.text()).startsWith("<@" + GM.value() + "> rolls:\n`1d20` → 1d20 (");
    }

    @Test
    void aSecretRollIsPrivateAndTheGmGetsADirectMessage() {
        Reply reply = bot.run(ALICE, TAVERN, "roll", "expression", "1d20+2 [stealth]", "secret", true);

        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.error()).isFalse();
        assertThat(reply.text()).isEqualTo("Secret roll as **Brynn**, seen only by you and the GM (sent a copy by"
                + " direct message):\n" + firstRoll("1d20+2 [stealth]"));
        assertThat(bot.platform.posts()).isEmpty();
        List<InMemoryChatPlatform.DirectMessage> messages = bot.platform.directMessages();
        assertThat(messages).extracting(InMemoryChatPlatform.DirectMessage::user).containsExactly(GM);
        assertThat(messages.get(0).text()).isEqualTo("Secret roll in **The Lost Mine** by <@" + ALICE.value()
                + "> as **Brynn**:\n" + firstRoll("1d20+2 [stealth]"));
    }

    @Test
    void aSecretRollSaysWhenTheGmCouldNotBeSentACopy() {
        bot.platform.failNext(InMemoryChatPlatform.Operation.DIRECT_MESSAGE,
                new MissingPermissionException("Send Messages"));

        Reply reply = bot.run(ALICE, TAVERN, "roll", "expression", "1d20", "secret", true);

        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).startsWith("Secret roll as **Brynn**, seen only by you: the GM could not be sent a"
                + " copy");
    }

    @Test
    void aSecretRollOutsideACampaignHasNoGm() {
        Reply reply = bot.run(ALICE, MARKET, "roll", "expression", "1d20", "secret", true);

        assertThat(reply.text()).startsWith("Secret roll, seen only by you (there is no campaign here");
        assertThat(bot.platform.directMessages()).isEmpty();
    }

    @Test
    void badDiceAreAPrivateOneLineError() {
        Reply reply = bot.run(ALICE, TAVERN, "roll", "expression", "(1d6");

        assertThat(reply.error()).isTrue();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).isEqualTo("Cannot roll `(1d6`: this ( is never closed; add a ) (position 1).");
        assertThat(bot.platform.posts()).isEmpty();
    }

    @Test
    void aPlayerCannotRollAsAnNpc() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply reply = bot.run(ALICE, TAVERN, "roll", "expression", "1d20", "as", "Grik");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("roll as NPCs");
    }

    @Test
    void inlineRollsInSayArePostedWithTheirResults() {
        Reply reply = bot.run(ALICE, TAVERN, "say", "text", "I swing! [[1d20+5]]");

        assertThat(reply.error()).isFalse();
        assertThat(bot.platform.posts()).extracting(Post::text)
                .containsExactly("I swing! " + firstRoll("1d20+5"));
    }

    @Test
    void theAsOptionAutocompletesTheCampaignsNpcs() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        assertThat(bot.handlers.autocomplete(bot.actor(GM), GUILD, TAVERN, "roll", "as", "gr"))
                .extracting(Choice::name).containsExactly("Grik");
        assertThat(bot.handlers.autocomplete(bot.actor(GM), GUILD, TAVERN, "roll", "expression", "gr")).isEmpty();
    }

    @Test
    void everyReplyFitsOneDiscordMessageWithEveryTotal() {
        bot.run(BotFixture.BOB, TAVERN, "character edit", "name", "N".repeat(80));
        bot.platform.failNext(InMemoryChatPlatform.Operation.DIRECT_MESSAGE,
                new MissingPermissionException("Send Messages"));

        Reply secret = bot.run(BotFixture.BOB, TAVERN, "roll", "expression", "50#20d10000", "secret", true);
        Reply open = bot.run(BotFixture.BOB, MARKET, "roll", "expression", "50#20d10000");

        for (Reply reply : List.of(secret, open)) {
            assertThat(reply.error()).as(reply.text()).isFalse();
            assertThat(reply.text().length()).isLessThanOrEqualTo(DiceFormatter.DISCORD_LIMIT);
            assertThat(java.util.regex.Pattern.compile("\\*\\*-?\\d+\\*\\*").matcher(reply.text()).results().count())
                    .isEqualTo(50);
        }
    }
}
