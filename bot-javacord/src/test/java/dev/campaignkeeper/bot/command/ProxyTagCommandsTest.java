package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.BOB;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.ProxyTag;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /character edit tags:}, {@code /character autoproxy}, {@code /npc edit tags:}, {@code proxy_tags:}. */
class ProxyTagCommandsTest {

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
        bot.campaignWithCharacters();
        bot.run(GM, TAVERN, "npc create", "name", "Grik");
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void characterEditTagsStoresThemAndSaysTheGmMustTurnProxyTagsOn() {
        Reply reply = bot.run(ALICE, TAVERN, "character edit", "tags", "B:text | [text]");

        assertThat(reply.error()).isFalse();
        assertThat(Markdown.plain(reply.text())).contains("Proxy tags: B:text | [text]")
                .contains("/campaign settings proxy_tags:true");
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().proxyTags())
                .containsExactly(ProxyTag.prefix("B:"), new ProxyTag("[", "]"));

        bot.run(GM, TAVERN, "campaign settings", "proxy_tags", true);
        Reply again = bot.run(ALICE, TAVERN, "character edit", "tags", "B:text");
        assertThat(again.text()).doesNotContain("proxy_tags:true");

        Reply cleared = bot.run(ALICE, TAVERN, "character edit", "tags", "none");
        assertThat(cleared.text()).contains("Proxy tags: none.");
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().proxyTags()).isEmpty();
    }

    @Test
    void badTagsAndTagsOfAnotherAreRefusedWithTheReason() {
        assertThat(bot.run(ALICE, TAVERN, "character edit", "tags", "B:").text())
                .contains("lacks the word \"text\"").contains("tags:none");
        bot.run(BOB, TAVERN, "character edit", "tags", "T:text");

        Reply taken = bot.run(ALICE, TAVERN, "character edit", "tags", "T:text");

        assertThat(taken.error()).isTrue();
        assertThat(taken.text()).contains("T:text already belongs to the character \"Tobin\"");
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().proxyTags()).isEmpty();
    }

    @Test
    void npcEditTagsIsForTheGmAndNpcListAndCharacterShowShowTheTags() {
        Reply refused = bot.run(ALICE, TAVERN, "npc edit", "npc", "Grik", "tags", "G:text");
        assertThat(refused.error()).isTrue();

        Reply reply = bot.run(GM, TAVERN, "npc edit", "npc", "Grik", "tags", "G:text");

        assertThat(reply.error()).isFalse();
        assertThat(Markdown.plain(reply.text())).contains("Updated the NPC Grik").contains("Proxy tags: G:text");
        Npc grik = bot.state().npcsIn(TAVERN).get(0);
        assertThat(grik.proxyTags()).containsExactly(ProxyTag.prefix("G:"));
        assertThat(Markdown.plain(bot.run(BOB, TAVERN, "npc list").text())).contains("proxy tags G:text");

        bot.run(ALICE, TAVERN, "character edit", "tags", "[text]");
        bot.run(ALICE, TAVERN, "character autoproxy", "enabled", true);
        assertThat(Markdown.plain(bot.run(ALICE, TAVERN, "character show").text()))
                .contains("Proxy tags: [text]; autoproxy on");
        assertThat(Markdown.plain(bot.run(ALICE, TAVERN, "character show", "user", BOB).text()))
                .contains("Proxy tags: none; autoproxy off");
    }

    @Test
    void characterAutoproxySwitchesTheCallersCharacterOnlyAndNeedsOne() {
        Reply on = bot.run(ALICE, TAVERN, "character autoproxy", "enabled", true);

        assertThat(on.error()).isFalse();
        assertThat(Markdown.plain(on.text())).contains("Autoproxy is on").contains("Brynn")
                .contains("proxy_tags:true");
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().autoproxy()).isTrue();
        assertThat(bot.state().character(TAVERN, BOB).orElseThrow().autoproxy()).isFalse();

        assertThat(bot.run(ALICE, TAVERN, "character autoproxy", "enabled", false).text()).contains("Autoproxy is off");
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().autoproxy()).isFalse();

        Reply gm = bot.run(GM, TAVERN, "character autoproxy", "enabled", true);
        assertThat(gm.error()).isTrue();
        assertThat(gm.text()).contains("no character");
    }

    @Test
    void campaignSettingsProxyTagsIsForTheGmAndKeepsTheOtherSetting() {
        bot.run(GM, TAVERN, "campaign settings", "players_may_log", true);

        Reply reply = bot.run(GM, TAVERN, "campaign settings", "proxy_tags", true);

        assertThat(reply.text()).startsWith("Saved.").contains("proxy tags are on");
        assertThat(bot.campaign(TAVERN).orElseThrow().settings().proxyTags()).isTrue();
        assertThat(bot.campaign(TAVERN).orElseThrow().settings().playersMayLog()).isTrue();
        assertThat(bot.run(ALICE, TAVERN, "campaign settings", "proxy_tags", false).error()).isTrue();
        assertThat(bot.campaign(TAVERN).orElseThrow().settings().proxyTags()).isTrue();
        assertThat(bot.run(GM, TAVERN, "campaign settings").text()).doesNotStartWith("Saved.")
                .contains("proxy tags are on");
    }

    @Test
    void turningProxyTagsOnWarnsWhenTheyCannotWorkInThatChannel() {
        bot.close();
        java.util.List<ChannelId> asked = new java.util.ArrayList<>();
        bot = new BotFixture(dataDir, (guild, channel) -> {
            asked.add(channel);
            return java.util.Optional.of("the bot lacks Manage Messages in #tavern");
        });

        Reply on = bot.run(GM, TAVERN, "campaign settings", "proxy_tags", true);
        Reply off = bot.run(GM, TAVERN, "campaign settings", "proxy_tags", false);

        assertThat(on.text()).contains("Warning:").contains("the bot lacks Manage Messages in #tavern");
        assertThat(off.text()).doesNotContain("Warning:");
        assertThat(asked).containsExactly(TAVERN);
    }
}
