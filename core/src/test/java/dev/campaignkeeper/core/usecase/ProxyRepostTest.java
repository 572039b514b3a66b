package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.model.CampaignSettings;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.Place;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.port.Upload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyRepostTest {

    private static final MessageId ORIGINAL = MessageId.of(777);

    private final Fixture world = new Fixture();

    @BeforeEach
    void campaignWithProxyTagsOn() {
        world.campaignWithTwoCharacters();
        Npc gus = world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());
        world.memoryStore.update(GUILD, state -> Update.of(null,
                new RecordChange.PutCampaign(state.campaign(CHANNEL).orElseThrow()
                        .withSettings(CampaignSettings.DEFAULT.withProxyTags(true))),
                new RecordChange.PutCharacter(state.character(CHANNEL, ALICE.user()).orElseThrow()
                        .withProxyTags(List.of(ProxyTag.prefix("A:")))),
                new RecordChange.PutNpc(gus.withProxyTags(List.of(ProxyTag.prefix("G:"))))));
    }

    private ProxyService.Result proxy(dev.campaignkeeper.core.model.Actor author, String text) {
        return world.keeper.proxyMessage(author, GUILD, new ProxyService.ProxyMessage(Place.text(CHANNEL), ORIGINAL,
                text, List.of(), Optional.empty()));
    }

    @Test
    void aTaggedMessageIsRepostedAsTheCharacterLoggedLikeASayAndTheOriginalDeleted() {
        ProxyService.Result result = proxy(ALICE, "A: Hello, @everyone!");

        assertThat(result.outcome()).isEqualTo(ProxyService.Outcome.REPOSTED);
        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.displayName()).isEqualTo("Aria");
            assertThat(post.avatarUrl()).hasValue("https://example.com/aria.png");
            assertThat(post.text()).isEqualTo("Hello, @everyone!");
        });
        assertThat(world.platform.deletedMessages()).containsExactly(ORIGINAL);
        PostRecord logged = world.speech().latest(ALICE, GUILD, Place.text(CHANNEL));
        assertThat(logged.speaker()).isEqualTo("Aria");
        assertThat(logged.text()).isEqualTo("Hello, @everyone!");

        world.speech().edit(ALICE, GUILD, logged.messages().get(0), "Hello, friends!");
        assertThat(world.platform.posts()).singleElement().extracting(InMemoryChatPlatform.Post::text)
                .isEqualTo("Hello, friends!");
    }

    @Test
    void theGmsNpcTagRepostsAsTheNpcAndAPlayerCannotUseIt() {
        assertThat(proxy(GM, "G: Welcome, travellers.").outcome()).isEqualTo(ProxyService.Outcome.REPOSTED);
        assertThat(proxy(BOB, "G: I am Gus now.").outcome()).isEqualTo(ProxyService.Outcome.NOT_PROXIED);

        assertThat(world.platform.posts()).extracting(InMemoryChatPlatform.Post::displayName)
                .containsExactly("Old Gus");
        assertThat(world.platform.deletedMessages()).containsExactly(ORIGINAL);
    }

    @Test
    void untaggedEscapedAndTagOnlyMessagesAreLeftAlone() {
        assertThat(proxy(ALICE, "just chatting").outcome()).isEqualTo(ProxyService.Outcome.NOT_PROXIED);
        assertThat(proxy(ALICE, "\\A: not proxied").outcome()).isEqualTo(ProxyService.Outcome.NOT_PROXIED);
        assertThat(proxy(ALICE, "A:").outcome()).isEqualTo(ProxyService.Outcome.NOT_PROXIED);

        assertThat(world.platform.posts()).isEmpty();
        assertThat(world.platform.deletedMessages()).isEmpty();
    }

    @Test
    void aReplyLineGoesAboveTheTextAndFilesAreReuploaded() {
        Upload map = new Upload("map.png", "image/png", new byte[] {1, 2, 3});
        world.keeper.proxyMessage(ALICE, GUILD, new ProxyService.ProxyMessage(Place.thread(ChannelId.of(3100),
                CHANNEL), ORIGINAL, "A: look at this", List.of(map), Optional.of("↪ reply")));

        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo("↪ reply\nlook at this");
            assertThat(post.thread()).hasValue(ChannelId.of(3100));
            assertThat(post.files()).containsExactly("map.png");
        });
    }

    @Test
    void aTagWithOnlyAttachmentsIsRepostedWithTheFilesAlone() {
        Upload map = new Upload("map.png", "image/png", new byte[] {1});
        ProxyService.Result result = world.keeper.proxyMessage(ALICE, GUILD, new ProxyService.ProxyMessage(
                Place.text(CHANNEL), ORIGINAL, "A:", List.of(map), Optional.empty()));

        assertThat(result.outcome()).isEqualTo(ProxyService.Outcome.REPOSTED);
        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.text()).isEmpty();
            assertThat(post.files()).containsExactly("map.png");
        });
    }

    @Test
    void anOriginalAlreadyGoneTakesTheRepostBackSoNothingIsShownTwice() {
        world.platform.failNext(InMemoryChatPlatform.Operation.DELETE_MESSAGE,
                new PlatformNotFoundException("Unknown Message"));

        ProxyService.Result result = proxy(ALICE, "A: Am I here?");

        assertThat(result.outcome()).isEqualTo(ProxyService.Outcome.ORIGINAL_GONE);
        assertThat(result.spoken()).isEmpty();
        assertThat(world.platform.posts()).isEmpty();
        assertThatThrownBy(() -> world.speech().latest(ALICE, GUILD, Place.text(CHANNEL)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailedRepostLeavesTheOriginalAndAFailedDeletionTakesTheRepostBack() {
        world.platform.failNext(InMemoryChatPlatform.Operation.POST, new RateLimitedException(java.time.Duration.ofSeconds(5)));
        assertThatThrownBy(() -> proxy(ALICE, "A: first try")).isInstanceOf(RateLimitedException.class);
        assertThat(world.platform.deletedMessages()).as("the original stays").isEmpty();

        world.platform.failNext(InMemoryChatPlatform.Operation.DELETE_MESSAGE,
                new MissingPermissionException("Manage Messages"));
        assertThatThrownBy(() -> proxy(ALICE, "A: second try")).isInstanceOf(MissingPermissionException.class);
        assertThat(world.platform.posts()).as("the repost is taken back").isEmpty();
        assertThatThrownBy(() -> world.speech().latest(ALICE, GUILD, Place.text(CHANNEL)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void nothingIsProxiedInALockedThread() {
        ProxyService.Result result = world.keeper.proxyMessage(ALICE, GUILD, new ProxyService.ProxyMessage(
                Place.thread(ChannelId.of(3100), CHANNEL).withThreadState(true, true), ORIGINAL, "A: hi",
                List.of(), Optional.empty()));

        assertThat(result.outcome()).isEqualTo(ProxyService.Outcome.NOT_PROXIED);
    }

    @Test
    void aRepostAsAnNpcIsRefusedToAnyoneButTheGmWhateverDecidedIt() {
        Npc gus = world.memoryStore.guild(GUILD).npcsIn(CHANNEL).get(0);
        ProxyService.Decision asGus = new ProxyService.Decision(Optional.empty(), Optional.of(gus), "Hello");

        assertThatThrownBy(() -> world.speech().repost(ALICE, GUILD, Place.text(CHANNEL), asGus, "Hello", List.of()))
                .isInstanceOf(dev.campaignkeeper.core.error.NotPermittedException.class)
                .hasMessageContaining("speak as NPCs");
        assertThat(world.platform.posts()).isEmpty();
    }
    @Test
    void aRepostAsAnNpcDeletedSinceTheMatchIsNotFoundAndPostsNothing() {
        Npc gus = world.memoryStore.guild(GUILD).npcsIn(CHANNEL).get(0);
        ProxyService.Decision decision = new ProxyService.Decision(Optional.empty(), Optional.of(gus), "Hello");
        world.memoryStore.update(GUILD, state -> Update.of(null, new RecordChange.RemoveNpc(GUILD, CHANNEL, gus.id())));

        assertThatThrownBy(() -> world.speech().repost(GM, GUILD, Place.text(CHANNEL), decision, "Hello", List.of()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Old Gus");
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void aRepostAsACharacterDeletedSinceTheMatchIsNotFoundAndPostsNothing() {
        var aria = world.character(ALICE).orElseThrow();
        ProxyService.Decision decision = new ProxyService.Decision(Optional.of(aria), Optional.empty(), "Hello");
        world.memoryStore.update(GUILD, state -> Update.of(null,
                new RecordChange.RemoveCharacter(GUILD, ALICE.user(), CHANNEL)));

        assertThatThrownBy(() -> world.speech().repost(ALICE, GUILD, Place.text(CHANNEL), decision, "Hello", List.of()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no character in this campaign yet");
        assertThat(world.platform.posts()).isEmpty();
    }
}
