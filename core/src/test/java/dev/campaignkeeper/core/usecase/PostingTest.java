package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.ReasonCode;
import static dev.campaignkeeper.core.error.Reasons.code;
import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Post;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.ChannelKind;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.port.Upload;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Posting in threads and forums, long posts, images, and editing and deleting posts. */
class PostingTest {

    private static final ChannelId THREAD = ChannelId.of(3500);
    private static final ChannelId FORUM = ChannelId.of(4000);
    private static final ChannelId FORUM_POST = ChannelId.of(4001);

    private final Fixture world = new Fixture();

    private Spoken aliceSays(Place place, String text) {
        return world.speech().sayAsCharacter(ALICE, GUILD, place, PostContent.text(text));
    }

    private int platformCalls() {
        return world.platform.roles(GUILD).size() + world.platform.webhooks().size() + world.platform.posts().size();
    }

    @Test
    void aPostInAThreadGoesThroughTheParentsWebhookIntoTheThreadAndIsLogged() {
        Campaign campaign = world.campaignWithTwoCharacters();

        Spoken spoken = aliceSays(Place.thread(THREAD, CHANNEL), "In the thread.");

        Post post = world.platform.posts().get(0);
        assertThat(post.channel()).isEqualTo(CHANNEL);
        assertThat(post.webhook()).isEqualTo(campaign.webhook().orElseThrow());
        assertThat(post.thread()).hasValue(THREAD);
        PostRecord logged = spoken.post();
        assertThat(logged.campaign()).isEqualTo(CHANNEL);
        assertThat(logged.thread()).hasValue(THREAD);
        assertThat(logged.author()).isEqualTo(ALICE.user());
        assertThat(logged.npc()).isEmpty();
        assertThat(logged.speaker()).isEqualTo("Aria");
        assertThat(logged.postedAt()).isEqualTo(Fixture.NOW);
        assertThat(logged.text()).isEqualTo("In the thread.");
        assertThat(world.speech().latest(ALICE, GUILD, Place.text(CHANNEL))).isEqualTo(logged);
    }

    @Test
    void aThreadWhoseChannelHasNoCampaignSaysSo() {
        assertThatThrownBy(() -> aliceSays(Place.thread(THREAD, CHANNEL), "Hello"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("This thread's channel has no campaign")
                .satisfies(code(ReasonCode.NO_CAMPAIGN_IN_THREADS_CHANNEL));
        assertThatThrownBy(() -> world.campaigns().campaignChannel(GUILD, Place.forumPost(FORUM_POST, FORUM)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("This forum has no campaign")
                .satisfies(code(ReasonCode.NO_CAMPAIGN_IN_FORUM));
    }

    @Test
    void aLockedThreadIsRefusedAndAnArchivedOneIsPostedInto() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> aliceSays(Place.thread(THREAD, CHANNEL).withThreadState(true, true), "Hi"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("locked");
        assertThat(world.platform.posts()).isEmpty();

        aliceSays(Place.thread(THREAD, CHANNEL).withThreadState(true, false), "Reopened");
        assertThat(world.platform.posts()).extracting(Post::text).containsExactly("Reopened");
    }

    @Test
    void campaignCreateInAThreadIsRefusedWithoutAnyPlatformCall() {
        assertThatThrownBy(() -> world.campaigns().create(GM, GUILD, Place.thread(THREAD, CHANNEL), "quest",
                Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not in a thread")
                .satisfies(code(ReasonCode.CAMPAIGN_NOT_IN_THREAD));
        assertThatThrownBy(() -> world.campaigns().create(GM, GUILD,
                new Place(CHANNEL, ChannelKind.OTHER, Optional.empty(), false, false), "voice", Optional.empty()))
                .isInstanceOf(InvalidInputException.class);

        assertThat(platformCalls()).isZero();
        assertThat(world.memoryStore.guild(GUILD).campaigns()).isEmpty();
    }

    @Test
    void aCampaignCreatedInAForumPostBelongsToTheForumAndNewPostsTakeATitle() {
        Campaign campaign = world.campaigns().create(GM, GUILD, Place.forumPost(FORUM_POST, FORUM), "quests",
                Optional.empty());
        assertThat(campaign.channel()).isEqualTo(FORUM);
        assertThat(world.platform.webhooks().get(campaign.webhook().orElseThrow()).channel()).isEqualTo(FORUM);
        world.campaigns().join(ALICE, GUILD, FORUM);
        world.characters().create(ALICE, GUILD, FORUM, "Aria", Optional.empty(), Optional.empty());

        Spoken intoPost = aliceSays(Place.forumPost(FORUM_POST, FORUM), "In the post.");
        Spoken started = world.speech().sayAsCharacter(ALICE, GUILD, Place.forumPost(FORUM_POST, FORUM),
                new PostContent("A new scene. ".repeat(200), Optional.of("The Cave"), Optional.empty()));

        assertThat(intoPost.post().thread()).hasValue(FORUM_POST);
        assertThat(world.platform.startedThreads()).singleElement().satisfies(thread -> {
            assertThat(thread.forum()).isEqualTo(FORUM);
            assertThat(thread.name()).isEqualTo("The Cave");
            assertThat(started.post().thread()).hasValue(thread.thread());
        });
        assertThat(started.messageCount()).isEqualTo(2);
        assertThat(world.platform.posts().subList(1, 3)).extracting(Post::thread)
                .containsOnly(started.post().thread());
    }

    @Test
    void aTitleOutsideAForumIsRefused() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL),
                new PostContent("Hi", Optional.of("Title"), Optional.empty())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("forum");
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void aLongPostIsSplitInOrderAndLoggedAsOnePost() {
        world.campaignWithTwoCharacters();
        String text = ("First paragraph. ".repeat(100).strip() + "\n\n").repeat(2) + "End.";

        Spoken spoken = aliceSays(Place.text(CHANNEL), text);

        assertThat(world.platform.posts()).extracting(Post::text).containsExactly(
                "First paragraph. ".repeat(100).strip(), "First paragraph. ".repeat(100).strip() + "\n\nEnd.");
        assertThat(spoken.post().messages()).containsExactlyElementsOf(
                world.platform.posts().stream().map(Post::message).toList());
    }

    @Test
    void anImageGoesWithTheLastMessageAndMayStandAlone() {
        world.campaignWithTwoCharacters();
        Upload map = new Upload("map.png", "image/png", new byte[] {1, 2, 3});

        world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL),
                new PostContent("", Optional.empty(), Optional.of(map)));

        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.text()).isEmpty();
            assertThat(post.files()).containsExactly("map.png");
        });
    }

    @Test
    void aFailedSecondMessageTakesBackTheFirstAndLogsNothing() {
        ForwardingPlatform failing = new ForwardingPlatform(world.platform);
        CampaignKeeper keeper = Fixture.keeper(world.memoryStore, failing, dev.campaignkeeper.core.rules.Limits.defaults());
        world.campaignWithTwoCharacters();
        failing.failPostAfter(1, new PlatformException("Discord refused the second message."));

        assertThatThrownBy(() -> keeper.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL),
                PostContent.text("word ".repeat(700))))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("second message");

        assertThat(world.platform.posts()).isEmpty();
        assertThatThrownBy(() -> keeper.speech().latest(ALICE, GUILD, Place.text(CHANNEL)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAuthorEditsAPostInPlaceAndSurplusMessagesAreDeleted() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.thread(THREAD, CHANNEL), "word ".repeat(700));
        MessageId second = spoken.post().messages().get(1);

        PostRecord edited = world.speech().edit(ALICE, GUILD, second, "Shorter now.");

        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo("Shorter now.");
            assertThat(post.message()).isEqualTo(spoken.post().id());
            assertThat(post.thread()).hasValue(THREAD);
        });
        assertThat(edited.messages()).containsExactly(spoken.post().id());
        assertThat(world.speech().latest(ALICE, GUILD, Place.text(CHANNEL)).text()).isEqualTo("Shorter now.");
    }

    @Test
    void anEditNeedingMoreMessagesThanThePostHasIsRefused() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "short");

        assertThatThrownBy(() -> world.speech().edit(ALICE, GUILD, spoken.post().id(), "word ".repeat(700)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs 2 messages");
        assertThat(world.platform.posts()).extracting(Post::text).containsExactly("short");
    }

    @Test
    void anotherPlayerAndEvenTheGmMayNotEditButTheGmMayDelete() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "Mine.");
        MessageId id = spoken.post().id();

        assertThatThrownBy(() -> world.speech().edit(BOB, GUILD, id, "Bob's now"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("Only the player who made a post can edit it");
        assertThatThrownBy(() -> world.speech().edit(GM, GUILD, id, "GM's now"))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> world.speech().delete(BOB, GUILD, id))
                .isInstanceOf(NotPermittedException.class);
        assertThat(world.speech().deletableBy(BOB, GUILD, id)).isEmpty();
        assertThat(world.speech().deletableBy(GM, GUILD, id)).isPresent();

        world.speech().delete(GM, GUILD, id);

        assertThat(world.platform.posts()).isEmpty();
        assertThatThrownBy(() -> world.speech().delete(ALICE, GUILD, id))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not a post the bot made");
    }

    @Test
    void theAuthorDeletesEveryMessageOfTheirPost() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "word ".repeat(700));

        world.speech().delete(ALICE, GUILD, spoken.post().messages().get(1));

        assertThat(world.platform.posts()).isEmpty();
        assertThatThrownBy(() -> world.speech().latest(ALICE, GUILD, Place.text(CHANNEL)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void npcPostsAreLoggedWithTheNpc() {
        world.createCampaign();
        var gus = world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        Spoken spoken = world.speech().sayAsNpc(GM, GUILD, Place.thread(THREAD, CHANNEL), "old gus",
                PostContent.text("Welcome."));

        assertThat(spoken.post().npc()).hasValue(gus.id());
        assertThat(spoken.post().author()).isEqualTo(GM.user());
        assertThat(world.platform.posts().get(0).thread()).hasValue(THREAD);
    }

    @Test
    void endingTheCampaignRemovesItsLoggedPosts() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "Soon gone.");

        world.campaigns().end(GM, GUILD, CHANNEL);

        assertThatThrownBy(() -> world.speech().delete(ALICE, GUILD, spoken.post().id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPostThroughAReplacedWebhookCannotBeDeletedAndSaysWhoCan() {
        world.campaignWithTwoCharacters();
        Spoken old = aliceSays(Place.text(CHANNEL), "Before the webhook was deleted.");
        world.platform.forgetWebhook(world.campaign().webhook().orElseThrow());
        aliceSays(Place.text(CHANNEL), "Through the new webhook.");

        assertThatThrownBy(() -> world.speech().delete(ALICE, GUILD, old.post().id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("old webhook").hasMessageContaining("moderator");
        assertThatThrownBy(() -> world.speech().edit(ALICE, GUILD, old.post().id(), "x"))
                .isInstanceOf(NotFoundException.class);
    }
    @Test
    void theAuthorMayPrefillAnEditOfTheirPostAndNobodyElseMay() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "Mine to change.");

        assertThat(world.speech().editable(ALICE, GUILD, spoken.post().id())).isEqualTo(spoken.post());
        assertThatThrownBy(() -> world.speech().editable(BOB, GUILD, spoken.post().id()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("Only the player who made a post can edit it");
        assertThatThrownBy(() -> world.speech().editable(GM, GUILD, spoken.post().id()))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void aPostWhoseCampaignIsGoneIsNoLongerEditableButAServerAdminMayDeleteIt() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "Left behind.");
        // the campaign record goes while the post stays logged (another process ended it)
        world.memoryStore.update(GUILD, state -> Update.of(null, new RecordChange.RemoveCampaign(GUILD, CHANNEL)));

        assertThatThrownBy(() -> world.speech().editable(ALICE, GUILD, spoken.post().id()))
                .isInstanceOf(NotFoundException.class).hasMessage("The campaign of that post has ended.");
        assertThatThrownBy(() -> world.speech().edit(ALICE, GUILD, spoken.post().id(), "Changed"))
                .isInstanceOf(NotFoundException.class).hasMessage("The campaign of that post has ended.");
        assertThatThrownBy(() -> world.speech().delete(GM, GUILD, spoken.post().id()))
                .as("without the campaign nobody holds its GM role")
                .isInstanceOf(NotPermittedException.class);

        assertThat(world.speech().delete(Fixture.ADMIN, GUILD, spoken.post().id())).isEqualTo(spoken.post());
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void deletingReturnsThePostAndItsAuthorMayAlwaysDeleteIt() {
        world.campaignWithTwoCharacters();
        Spoken spoken = aliceSays(Place.text(CHANNEL), "word ".repeat(700));

        assertThat(world.speech().deletableBy(ALICE, GUILD, spoken.post().messages().get(1)))
                .hasValue(spoken.post());
        assertThat(world.speech().delete(ALICE, GUILD, spoken.post().messages().get(1))).isEqualTo(spoken.post());
        assertThat(world.speech().deletableBy(ALICE, GUILD, spoken.post().id())).isEmpty();
    }

    @Test
    void aFailedPostWhoseMessagesCannotBeTakenBackSaysSo() {
        world.campaignWithTwoCharacters();
        ForwardingPlatform failing = new ForwardingPlatform(world.platform);
        CampaignKeeper keeper = Fixture.keeper(world.memoryStore, failing, Limits.defaults());
        PlatformException failure = new PlatformException("Discord is down.");
        failing.failPostAfter(1, failure);
        PlatformException undoFailure = new PlatformException("Still down.");
        world.platform.failNext(Operation.DELETE_POST, undoFailure);

        assertThatThrownBy(() -> keeper.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL),
                PostContent.text("word ".repeat(700))))
                .isSameAs(failure)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(undoFailure));
        assertThat(world.platform.posts()).as("the first message could not be deleted").hasSize(1);
    }

    @Test
    void theLinksThePlatformGivesForImagesAreLoggedWithThePost() {
        world.campaignWithTwoCharacters();
        ForwardingPlatform linking = new ForwardingPlatform(world.platform);
        linking.linkAttachmentsUnder("https://cdn.example.com/");
        CampaignKeeper keeper = Fixture.keeper(world.memoryStore, linking, Limits.defaults());
        Upload map = new Upload("map.png", "image/png", new byte[] {1, 2, 3});

        Spoken linked = keeper.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL),
                new PostContent("The map.", Optional.empty(), Optional.of(map)));
        Spoken named = world.speech().sayAsCharacter(ALICE, GUILD, Place.text(CHANNEL),
                new PostContent("The map again.", Optional.empty(), Optional.of(map)));

        assertThat(linked.post().images()).containsExactly("https://cdn.example.com/map.png");
        assertThat(named.post().images()).as("no link given: the file name").containsExactly("map.png");
    }
}
