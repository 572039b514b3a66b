package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.MARKET;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What replies say: names escaped for Discord, refusals before input hints, nothing-changed and no-character answers. */
class CommandHandlersTest {

    private static final String TRICKY = "**x** ||y|| [l](https://example.com)";

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void namesInRepliesAreEscapedSoTheyDoNotRenderAsMarkdown() {
        Reply created = bot.run(GM, TAVERN, "campaign create", "name", TRICKY);
        bot.run(ALICE, TAVERN, "campaign join");
        Reply character = bot.run(ALICE, TAVERN, "character create", "name", "__Bold__ `code` ~~gone~~");
        Reply npc = bot.run(GM, TAVERN, "npc create", "name", "<@123> > quote");

        assertThat(bot.campaign(TAVERN).orElseThrow().name()).isEqualTo(TRICKY);
        assertThat(created.text()).contains("**\\*\\*x\\*\\* \\|\\|y\\|\\| \\[l\\]\\(https\\://example.com\\)**")
                .doesNotContain("||y||").doesNotContain("[l](");
        assertThat(character.text()).contains("\\_\\_Bold\\_\\_ \\`code\\` \\~\\~gone\\~\\~");
        assertThat(npc.text()).contains("\\<@123\\> \\> quote");
        assertThat(Markdown.plain(created.text())).contains("The campaign " + TRICKY + " begins");
    }

    @Test
    void aPlayerWhoMayNotEndTheCampaignIsRefusedBeforeBeingToldHowToConfirm() {
        bot.campaignWithPlayers();

        Reply player = bot.run(ALICE, TAVERN, "campaign end", "confirm", false);
        Reply gm = bot.run(GM, TAVERN, "campaign end", "confirm", false);

        assertThat(player.error()).isTrue();
        assertThat(player.text()).startsWith("Only the campaign's GM").doesNotContain("confirm:true");
        assertThat(gm.text()).contains("confirm:true");
        assertThat(bot.campaign(TAVERN)).isPresent();
    }

    @Test
    void characterEditWithNoOptionsSaysNothingChanged() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(ALICE, TAVERN, "character edit");

        assertThat(reply.text()).startsWith("Nothing changed");
        assertThat(reply.isPublic()).isFalse();
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().name()).isEqualTo("Brynn");
    }

    @Test
    void characterEditWithNoOptionsAndNoCharacterSaysYouHaveNone() {
        bot.campaignWithPlayers();

        Reply reply = bot.run(ALICE, TAVERN, "character edit");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).startsWith("You have no character");
    }

    @Test
    void characterShowWithoutACharacterSaysYouHaveNoCharacter() {
        bot.campaignWithPlayers();

        Reply own = bot.run(ALICE, TAVERN, "character show");
        Reply ownNamed = bot.run(ALICE, TAVERN, "character show", "user", ALICE);
        Reply noCampaign = bot.run(ALICE, MARKET, "character show");

        assertThat(own.error()).isTrue();
        assertThat(own.text()).startsWith("You have no character in this campaign yet")
                .contains("/character create");
        assertThat(ownNamed.text()).startsWith("You have no character");
        assertThat(noCampaign.text()).startsWith("There is no campaign in this channel");
    }
}
