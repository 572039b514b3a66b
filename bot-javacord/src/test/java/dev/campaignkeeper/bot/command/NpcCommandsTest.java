package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.GUILD;
import static dev.campaignkeeper.bot.command.BotFixture.MARKET;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.Npc;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpcCommandsTest {

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
        bot.campaignWithCharacters();
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private Npc npc(String name) {
        return bot.state().npcsIn(TAVERN).stream().filter(npc -> npc.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void npcCreateByTheGmStoresTheNpcAndConfirmsEphemerally() {
        Reply reply = bot.run(GM, TAVERN, "npc create", "name", "Grik", "avatar", "https://example.com/grik.png");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("Grik");
        assertThat(npc("Grik").avatarUrl()).contains("https://example.com/grik.png");
    }

    @Test
    void npcCreateByAPlayerOrWithATooLongNameIsRefused() {
        Reply byPlayer = bot.run(ALICE, TAVERN, "npc create", "name", "Grik");
        Reply tooLong = bot.run(GM, TAVERN, "npc create", "name", "G".repeat(81));

        assertThat(byPlayer.error()).isTrue();
        assertThat(byPlayer.text()).contains("GM");
        assertThat(tooLong.error()).isTrue();
        assertThat(bot.state().npcsIn(TAVERN)).isEmpty();
    }

    @Test
    void npcListShowsTheNamesAndIds() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");
        bot.run(GM, TAVERN, "npc create", "name", "Sildar");

        Reply reply = bot.run(ALICE, TAVERN, "npc list");

        assertThat(reply.error()).isFalse();
        assertThat(reply.text()).contains("Grik").contains("Sildar").contains(npc("Grik").id().value());
    }

    @Test
    void npcListWithoutNpcsSaysSo() {
        Reply reply = bot.run(ALICE, TAVERN, "npc list");

        assertThat(reply.error()).isFalse();
        assertThat(reply.text()).contains("no NPCs");
    }

    @Test
    void npcEditByNameOrIdChangesTheNpc() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply byName = bot.run(GM, TAVERN, "npc edit", "npc", "grik", "name", "Grik the Bold");
        Reply byId = bot.run(GM, TAVERN, "npc edit", "npc", npc("Grik the Bold").id().value(),
                "avatar", "https://example.com/grik.png");

        assertThat(byName.error()).isFalse();
        assertThat(byId.error()).isFalse();
        assertThat(npc("Grik the Bold").avatarUrl()).contains("https://example.com/grik.png");
    }

    @Test
    void npcEditOfAnUnknownNpcIsRefused() {
        Reply reply = bot.run(GM, TAVERN, "npc edit", "npc", "Nobody", "name", "Somebody");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("Nobody");
    }

    @Test
    void npcDeleteRemovesTheNpcButNotForPlayers() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply byPlayer = bot.run(ALICE, TAVERN, "npc delete", "npc", "Grik");
        Reply byGm = bot.run(GM, TAVERN, "npc delete", "npc", "Grik");

        assertThat(byPlayer.error()).isTrue();
        assertThat(byGm.error()).isFalse();
        assertThat(bot.state().npcsIn(TAVERN)).isEmpty();
    }

    @Test
    void npcSayPostsAsTheNpc() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik", "avatar", "https://example.com/grik.png");

        Reply reply = bot.run(GM, TAVERN, "npc say", "npc", "Grik", "text", "You shall not pass!");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(bot.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.guild()).isEqualTo(GUILD);
            assertThat(post.displayName()).isEqualTo("Grik");
            assertThat(post.avatarUrl()).contains("https://example.com/grik.png");
            assertThat(post.text()).isEqualTo("You shall not pass!");
        });
    }

    @Test
    void npcSayByAPlayerIsRefusedAndPostsNothing() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        Reply reply = bot.run(ALICE, TAVERN, "npc say", "npc", "Grik", "text", "I am Grik now");

        assertThat(reply.error()).isTrue();
        assertThat(reply.isPublic()).isFalse();
        assertThat(bot.platform.posts()).isEmpty();
    }

    @Test
    void autocompleteSuggestsMatchingNpcsWithTheirIdsAsValues() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");
        bot.run(GM, TAVERN, "npc create", "name", "Sildar");
        bot.run(GM, TAVERN, "npc create", "name", "Grista");

        List<Choice> choices = bot.handlers.autocomplete(bot.actor(GM), GUILD, TAVERN, "npc say", "npc", "gri");

        assertThat(choices).extracting(Choice::name).containsExactlyInAnyOrder("Grik", "Grista");
        assertThat(choices).extracting(Choice::value)
                .containsExactlyInAnyOrder(npc("Grik").id().value(), npc("Grista").id().value());
    }

    @Test
    void autocompleteOffersNothingWithoutACampaignOrForOtherOptions() {
        bot.run(GM, TAVERN, "npc create", "name", "Grik");

        assertThat(bot.handlers.autocomplete(bot.actor(GM), GUILD, MARKET, "npc say", "npc", "")).isEmpty();
        assertThat(bot.handlers.autocomplete(bot.actor(GM), GUILD, TAVERN, "npc say", "text", "")).isEmpty();
    }
}
