package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avatars given as an uploaded image, end to end through the production wiring: the bot keeps the
 * image in a direct message it owns, stores the attachment's lasting link, and signs it anew when the
 * signed link Discord handed out has expired (the fake's links last 24 hours, like Discord's).
 */
@ExtendWith(NoThreadLeftRunning.class)
class AvatarEndToEndTest {

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private BotUnderTest bot;
    private FakeUser gm;
    private FakeUser alice;
    private FakeChannel table;
    private final FakeAttachment portrait = FakeAttachment.png("tilda.png");

    @BeforeEach
    void startFakeDiscordAndBot() throws Exception {
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        table = discord.addTextChannel("the-lost-mine");
        bot = BotUnderTest.start(discord, dataDir);
        discord.slash(gm, table, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")))
                .awaitAnnouncement();
        run(alice, table, "campaign", Option.sub("join"));
    }

    @AfterEach
    void stopEverything() {
        try {
            assertThat(discord.unhandledCalls()).as("calls the fake does not implement").isEmpty();
            assertThat(discord.problems()).as("problems inside the fake").isEmpty();
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

    private WebhookPost lastPost() {
        List<WebhookPost> posts = discord.webhookPosts();
        assertThat(posts).isNotEmpty();
        return posts.get(posts.size() - 1);
    }

    @Test
    void anAvatarUploadedWithTheCharacterStillShowsAfterItsLinkExpired() {
        Reply created = run(alice, table, "character", Option.sub("create", Option.string("name", "Tilda"),
                Option.attachment("avatar_file", portrait)));

        assertThat(created.ephemeral()).isTrue();
        assertThat(created.content()).contains("Created your character **Tilda**").contains("avatar now");
        assertThat(discord.directMessages()).singleElement().satisfies(dm -> {
            assertThat(dm.recipient()).isEqualTo(alice);
            assertThat(dm.files()).containsExactly("tilda.png");
            assertThat(dm.content()).contains("Tilda").contains("The Lost Mine");
        });
        run(alice, table, "say", Option.string("text", "Fresh from the forge."));
        String firstLink = lastPost().avatarUrl().orElseThrow();
        assertThat(discord.cdnFile(firstLink)).as("the avatar link of the first post works").hasValue(
                portrait.content());

        discord.advanceClock(Duration.ofHours(25));
        assertThat(discord.cdnFile(firstLink)).as("Discord's signed link has expired").isEmpty();

        run(alice, table, "say", Option.string("text", "A day later."));

        String laterLink = lastPost().avatarUrl().orElseThrow();
        assertThat(laterLink).isNotEqualTo(firstLink);
        assertThat(discord.cdnFile(laterLink)).as("the avatar of a post after the link expired")
                .hasValue(portrait.content());
        assertThat(discord.calls(Endpoint.REFRESH_ATTACHMENT_URLS)).hasSize(1);
    }

    @Test
    void anAvatarStaysAcrossARestartBecauseOnlyTheLastingLinkIsStored() throws Exception {
        run(alice, table, "character", Option.sub("create", Option.string("name", "Tilda")));
        Reply edited = run(alice, table, "character", Option.sub("edit", Option.attachment("avatar_file", portrait)));
        assertThat(edited.content()).contains("Updated your character **Tilda**").contains("avatar now");
        bot.close();
        discord.advanceClock(Duration.ofHours(30));
        bot = BotUnderTest.start(discord, dataDir);

        run(alice, table, "say", Option.string("text", "Still me."));

        assertThat(discord.cdnFile(lastPost().avatarUrl().orElseThrow())).hasValue(portrait.content());
        assertThat(run(alice, table, "character", Option.sub("show")).content())
                .as("what is stored is the unsigned link").contains("https://cdn.discordapp.com/attachments/")
                .doesNotContain("ex=");
    }

    @Test
    void anNpcAvatarUploadIsKeptInTheGmsDirectMessagesNotShownToThePlayers() {
        Reply created = run(gm, table, "npc", Option.sub("create", Option.string("name", "The Mayor"),
                Option.attachment("avatar_file", FakeAttachment.png("mayor.png"))));
        assertThat(created.content()).contains("Created the NPC **The Mayor**").contains("avatar now");
        assertThat(discord.webhookPosts()).as("nothing was posted in the campaign channel").isEmpty();
        assertThat(discord.directMessages()).singleElement().satisfies(dm -> assertThat(dm.recipient()).isEqualTo(gm));

        run(gm, table, "npc", Option.sub("say", Option.string("npc", "The Mayor"), Option.string("text", "Welcome.")));
        discord.advanceClock(Duration.ofHours(48));
        run(gm, table, "npc", Option.sub("say", Option.string("npc", "The Mayor"), Option.string("text", "Again.")));

        assertThat(discord.cdnFile(lastPost().avatarUrl().orElseThrow()))
                .hasValue(FakeAttachment.png("mayor.png").content());
        Reply edited = run(gm, table, "npc", Option.sub("edit", Option.string("npc", "The Mayor"),
                Option.attachment("avatar_file", FakeAttachment.png("mayor-2.png"))));
        assertThat(edited.content()).contains("Updated the NPC **The Mayor**");
        assertThat(discord.directMessages()).hasSize(2);
    }

    @Test
    void anUploadThatIsNotAnImageOrComesWithALinkTooIsRefusedAndNothingIsKept() {
        Reply notImage = run(alice, table, "character", Option.sub("create", Option.string("name", "Tilda"),
                Option.attachment("avatar_file", new FakeAttachment("tilda.png", "image/png",
                        "%PDF-1.7 not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertThat(notImage.content()).contains("is not a PNG, JPEG, GIF or WebP image");

        Reply both = run(alice, table, "character", Option.sub("create", Option.string("name", "Tilda"),
                Option.string("avatar", "https://example.com/tilda.png"), Option.attachment("avatar_file", portrait)));
        assertThat(both.content()).contains("not both");

        Reply stranger = run(discord.addMember("mallory"), table, "npc", Option.sub("edit",
                Option.string("npc", "nobody"), Option.attachment("avatar_file", portrait)));
        assertThat(stranger.ephemeral()).isTrue();
        assertThat(discord.directMessages()).as("no image was kept for a refused command").isEmpty();
        assertThat(run(alice, table, "character", Option.sub("show")).content()).contains("no character");
    }

    @Test
    void aMemberWhoRefusesDirectMessagesIsToldHowToFixItAndTheCharacterIsStillCreated() {
        discord.closeDirectMessages(alice);

        Reply created = run(alice, table, "character", Option.sub("create", Option.string("name", "Tilda"),
                Option.attachment("avatar_file", portrait)));

        assertThat(created.content()).contains("Created your character **Tilda**")
                .contains("could not be kept").contains("Allow direct messages");
        run(alice, table, "say", Option.string("text", "No face yet."));
        assertThat(lastPost().avatarUrl()).isEmpty();
    }
}
