package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.BOB;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.MARKET;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Post;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterAndSayCommandsTest {

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
        bot.campaignWithPlayers();
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void characterCreateStoresTheCharacterAndConfirmsEphemerally() {
        Reply reply = bot.run(ALICE, TAVERN, "character create", "name", "Brynn",
                "avatar", "https://example.com/brynn.png", "description", "A dwarf with a lantern");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("Brynn").contains("/say");
        PlayerCharacter brynn = bot.state().character(TAVERN, ALICE).orElseThrow();
        assertThat(brynn.name()).isEqualTo("Brynn");
        assertThat(brynn.avatarUrl()).contains("https://example.com/brynn.png");
        assertThat(brynn.description()).isEqualTo("A dwarf with a lantern");
    }

    @Test
    void characterCreateBySomeoneWhoDidNotJoinIsRefused() {
        Reply reply = bot.run(GM, TAVERN, "character create", "name", "Narrator");

        assertThat(reply.error()).isTrue();
        assertThat(bot.state().character(TAVERN, GM)).isEmpty();
    }

    @Test
    void characterCreateInAChannelWithoutACampaignIsRefused() {
        Reply reply = bot.run(ALICE, MARKET, "character create", "name", "Brynn");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("no campaign in this channel");
    }

    @Test
    void characterCreateWithATooLongNameOrABadAvatarIsRefused() {
        Reply tooLong = bot.run(ALICE, TAVERN, "character create", "name", "B".repeat(81));
        Reply badAvatar = bot.run(ALICE, TAVERN, "character create", "name", "Brynn", "avatar", "ftp://x/y.png");

        assertThat(tooLong.error()).isTrue();
        assertThat(tooLong.text()).contains("80");
        assertThat(badAvatar.error()).isTrue();
        assertThat(badAvatar.text()).contains("http");
        assertThat(bot.state().character(TAVERN, ALICE)).isEmpty();
    }

    @Test
    void characterEditChangesOnlyTheGivenFieldsAndNoneRemovesTheAvatar() {
        bot.campaignWithCharacters();

        Reply renamed = bot.run(ALICE, TAVERN, "character edit", "name", "Brynn Ironhand");
        PlayerCharacter afterRename = bot.state().character(TAVERN, ALICE).orElseThrow();
        bot.run(ALICE, TAVERN, "character edit", "avatar", "none");

        assertThat(renamed.error()).isFalse();
        assertThat(renamed.text()).contains("Brynn Ironhand");
        assertThat(afterRename.avatarUrl()).contains("https://example.com/brynn.png");
        assertThat(afterRename.description()).isEqualTo("A dwarf with a lantern");
        assertThat(bot.state().character(TAVERN, ALICE).orElseThrow().avatarUrl()).isEmpty();
    }

    @Test
    void characterEditWithoutACharacterIsRefused() {
        Reply reply = bot.run(ALICE, TAVERN, "character edit", "name", "Nobody");

        assertThat(reply.error()).isTrue();
    }

    @Test
    void characterShowShowsYoursOrSomeoneElses() {
        bot.campaignWithCharacters();

        Reply own = bot.run(ALICE, TAVERN, "character show");
        Reply other = bot.run(ALICE, TAVERN, "character show", "user", BOB);

        assertThat(own.isPublic()).isFalse();
        assertThat(own.text()).contains("Brynn").contains("A dwarf with a lantern")
                .contains("https://example.com/brynn.png");
        assertThat(other.text()).contains("Tobin").contains("<@" + BOB.value() + ">");
    }

    @Test
    void characterShowOfSomeoneWithoutACharacterIsRefused() {
        Reply reply = bot.run(ALICE, TAVERN, "character show");

        assertThat(reply.error()).isTrue();
    }

    @Test
    void characterDeleteRemovesYourOwnButNotSomeoneElsesUnlessGm() {
        bot.campaignWithCharacters();

        Reply own = bot.run(ALICE, TAVERN, "character delete");
        Reply others = bot.run(ALICE, TAVERN, "character delete", "user", BOB);
        Reply byGm = bot.run(GM, TAVERN, "character delete", "user", BOB);

        assertThat(own.error()).isFalse();
        assertThat(own.text()).contains("your character").contains("Brynn");
        assertThat(others.error()).isTrue();
        assertThat(byGm.error()).isFalse();
        assertThat(byGm.text()).contains("Tobin");
        assertThat(bot.state().charactersIn(TAVERN)).isEmpty();
    }

    @Test
    void sayPostsThroughTheWebhookAsTheCharacterAndConfirmsEphemerally() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(ALICE, TAVERN, "say", "text", "Hello @everyone, who ordered the ale?");

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("Brynn");
        assertThat(bot.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.channel()).isEqualTo(TAVERN);
            assertThat(post.displayName()).isEqualTo("Brynn");
            assertThat(post.avatarUrl()).contains("https://example.com/brynn.png");
            assertThat(post.text()).isEqualTo("Hello @everyone, who ordered the ale?");
        });
    }

    @Test
    void sayWithoutACharacterIsRefused() {
        Reply reply = bot.run(ALICE, TAVERN, "say", "text", "Hello");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("/character create");
        assertThat(bot.platform.posts()).isEmpty();
    }

    @Test
    void sayInTheWrongChannelIsRefused() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(ALICE, MARKET, "say", "text", "Hello");

        assertThat(reply.error()).isTrue();
        assertThat(bot.platform.posts()).isEmpty();
    }

    @Test
    void sayWithTooLongTextIsRefused() {
        bot.campaignWithCharacters();

        Reply reply = bot.run(ALICE, TAVERN, "say", "text", "a".repeat(4001));

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("4000");
        assertThat(bot.platform.posts()).isEmpty();
    }

    @Test
    void sayRecreatesAWebhookDeletedOnTheServer() {
        bot.campaignWithCharacters();
        bot.platform.forgetWebhook(bot.campaign(TAVERN).orElseThrow().webhook().orElseThrow());

        Reply reply = bot.run(ALICE, TAVERN, "say", "text", "Still here");

        assertThat(reply.error()).isFalse();
        assertThat(bot.platform.posts()).extracting(Post::text).containsExactly("Still here");
        assertThat(bot.campaign(TAVERN).orElseThrow().webhook()).isNotEqualTo(Optional.empty());
    }

    @Test
    void sayWithoutManageWebhooksNamesThePermission() {
        bot.campaignWithCharacters();
        bot.platform.failNext(Operation.POST, new MissingPermissionException("Manage Webhooks"));

        Reply reply = bot.run(ALICE, TAVERN, "say", "text", "Hello");

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("Manage Webhooks");
    }
}
