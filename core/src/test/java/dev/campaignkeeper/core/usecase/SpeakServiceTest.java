package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.ReasonCode;
import static dev.campaignkeeper.core.error.Reasons.code;
import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Post;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.port.Upload;
import dev.campaignkeeper.core.rules.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeakServiceTest {

    private final Fixture world = new Fixture();

    private WebhookId webhook() {
        return world.campaign().webhook().orElseThrow();
    }

    @Test
    void playerSpeaksAsCharacterThroughCampaignWebhook() {
        world.campaignWithTwoCharacters();

        Spoken spoken = world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "  Hello\u200B,   tavern!\nAll well? ");

        assertThat(spoken.displayName()).isEqualTo("Aria");
        assertThat(spoken.avatarUrl()).hasValue("https://example.com/aria.png");
        assertThat(spoken.text()).as("invisible characters go, the layout stays")
                .isEqualTo("Hello,   tavern!\nAll well?");
        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.channel()).isEqualTo(CHANNEL);
            assertThat(post.webhook()).isEqualTo(webhook());
            assertThat(post.displayName()).isEqualTo("Aria");
            assertThat(post.avatarUrl()).hasValue("https://example.com/aria.png");
            assertThat(post.text()).isEqualTo("Hello,   tavern!\nAll well?");
            assertThat(spoken.post().messages()).containsExactly(post.message());
        });
    }

    @Test
    void gmSpeaksAsNpcNamedByNameOrId() {
        world.createCampaign();
        Npc gus = world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        world.speech().sayAsNpc(GM, GUILD, CHANNEL, "old gus", "Welcome.");
        world.speech().sayAsNpc(world.coGm(), GUILD, CHANNEL, gus.id().value(), "Sit down.");

        assertThat(world.platform.posts()).extracting(Post::displayName, Post::text)
                .containsExactly(tuple("Old Gus", "Welcome."),
                        tuple("Old Gus", "Sit down."));
    }

    @Test
    void playerCannotSpeakAsNpc() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        assertThatThrownBy(() -> world.speech().sayAsNpc(ALICE, GUILD, CHANNEL, "Old Gus", "I am Gus"))
                .isInstanceOf(NotPermittedException.class);
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void nonPlayerCannotSpeakAsCharacter() {
        world.createCampaign();

        assertThatThrownBy(() -> world.speech().sayAsCharacter(CAROL, GUILD, CHANNEL, "Hi"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("Only players of this campaign")
                .satisfies(code(ReasonCode.ONLY_PLAYERS_SPEAK_AS_CHARACTERS));
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void playerWithoutCharacterIsToldToCreateOne() {
        world.createCampaign();
        world.campaigns().join(BOB, GUILD, CHANNEL);

        assertThatThrownBy(() -> world.speech().sayAsCharacter(BOB, GUILD, CHANNEL, "Hi"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no character in this campaign yet")
                .satisfies(code(ReasonCode.NO_OWN_CHARACTER));
    }

    @Test
    void gmSpeakingAsCharacterIsPointedToNpcSay() {
        world.createCampaign();

        assertThatThrownBy(() -> world.speech().sayAsCharacter(GM, GUILD, CHANNEL, "Hi"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("GMs speak as NPCs")
                .satisfies(code(ReasonCode.GM_SPEAKS_AS_NPCS));
    }

    @Test
    void rejectsEmptyAndTooLongText() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, " \u200B\n "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "x".repeat(4001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4000");
        assertThat(world.platform.posts()).isEmpty();

        world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "x".repeat(4000));
        assertThat(world.platform.posts()).extracting(p -> p.text().length()).containsExactly(2000, 2000);
    }

    @Test
    void speakingWhereThereIsNoCampaignIsNotFound() {
        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hi"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void createsStoresAndUsesWebhookWhenSeedCampaignHasNone() {
        Campaign seeded = new Campaign(GUILD, CHANNEL, "Seeded", GM.user(), RoleId.of(1), RoleId.of(2),
                Optional.empty(), List.of());
        world.memoryStore.update(GUILD, state -> Update.of(null, new RecordChange.PutCampaign(seeded)));
        Npc gus = world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        world.speech().sayAsNpc(GM, GUILD, CHANNEL, "Old Gus", "First words.");

        WebhookId created = webhook();
        assertThat(world.platform.webhooks()).containsOnlyKeys(created);
        assertThat(world.platform.posts()).extracting(Post::webhook).containsExactly(created);
        world.speech().sayAsNpc(GM, GUILD, CHANNEL, gus.id().value(), "Second words.");
        assertThat(world.platform.posts()).extracting(Post::webhook).containsExactly(created, created);
        assertThat(world.platform.webhooks()).hasSize(1);
    }

    @Test
    void recreatesWebhookDeletedOnPlatformAndRetriesOnce() {
        world.campaignWithTwoCharacters();
        WebhookId old = webhook();
        world.platform.forgetWebhook(old);

        world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Still here?");

        WebhookId replacement = webhook();
        assertThat(replacement).isNotEqualTo(old);
        assertThat(world.platform.webhooks()).containsOnlyKeys(replacement);
        assertThat(world.platform.posts()).singleElement()
                .satisfies(post -> assertThat(post.webhook()).isEqualTo(replacement))
                .satisfies(post -> assertThat(post.text()).isEqualTo("Still here?"));
    }

    @Test
    void recreatesWebhookWhenPostReportsItGone() {
        world.campaignWithTwoCharacters();
        WebhookId old = webhook();
        world.platform.failNext(Operation.POST, new PlatformNotFoundException("Unknown Webhook"));

        world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello");

        assertThat(webhook()).isNotEqualTo(old);
        assertThat(world.platform.posts()).extracting(Post::webhook).containsExactly(webhook());
    }

    @Test
    void retriesOnlyOnce() {
        world.campaignWithTwoCharacters();
        world.platform.failNext(Operation.POST, new PlatformNotFoundException("Unknown Webhook"));
        world.platform.failNext(Operation.POST, new PlatformNotFoundException("Unknown Webhook again"));

        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello"))
                .isInstanceOf(PlatformNotFoundException.class)
                .hasMessageContaining("again");

        assertThat(world.platform.posts()).isEmpty();
        world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello");
        assertThat(world.platform.posts()).hasSize(1);
    }

    @Test
    void otherPlatformFailuresAreReportedWithoutReplacingWebhook() {
        world.campaignWithTwoCharacters();
        WebhookId old = webhook();
        world.platform.failNext(Operation.POST, new RateLimitedException(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello"))
                .isInstanceOf(RateLimitedException.class);

        assertThat(webhook()).isEqualTo(old);
        assertThat(world.platform.webhooks()).containsOnlyKeys(old);
    }

    @Test
    void failingToCreateReplacementWebhookKeepsStoredCampaign() {
        Campaign campaign = world.campaignWithTwoCharacters();
        world.platform.forgetWebhook(campaign.webhook().orElseThrow());
        world.platform.failNext(Operation.CREATE_WEBHOOK, new MissingPermissionException("Manage Webhooks"));

        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello"))
                .isInstanceOf(MissingPermissionException.class)
                .hasMessageContaining("Manage Webhooks");

        assertThat(world.campaign()).isEqualTo(campaign);
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void replacementWebhookIsDeletedWhenStoreRefusesIt() {
        world.campaignWithTwoCharacters();
        world.platform.forgetWebhook(webhook());
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());
        store.refuseNextUpdate(() -> new StoreException("The disk is full."));

        assertThatThrownBy(() -> keeper.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello"))
                .hasMessageContaining("disk is full");

        assertThat(world.platform.webhooks()).isEmpty();
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void keepsWebhookAnotherSpeakerAlreadyReplaced() {
        world.campaignWithTwoCharacters();
        world.platform.forgetWebhook(webhook());
        ForwardingPlatform platform = new ForwardingPlatform(world.platform);
        CampaignKeeper keeper = Fixture.keeper(world.memoryStore, platform, Limits.defaults());
        // Bob's post races Alice's: while Alice's replacement is being made, Bob's replaces it first.
        platform.beforeNextWebhook(() -> world.speech().sayAsCharacter(BOB, GUILD, CHANNEL, "Me first"));

        keeper.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Me second");

        WebhookId stored = webhook();
        assertThat(world.platform.webhooks()).containsOnlyKeys(stored);
        assertThat(world.platform.posts()).extracting(Post::webhook).containsExactly(stored, stored);
        assertThat(world.platform.posts()).extracting(Post::text).containsExactly("Me first", "Me second");
    }

    @Test
    void sayingAsNpcReturnsWhatWasPosted() {
        world.createCampaign();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.of("https://example.com/gus.png"));

        Spoken spoken = world.speech().sayAsNpc(GM, GUILD, CHANNEL, "old gus", " Welcome. ");

        assertThat(spoken.displayName()).isEqualTo("Old Gus");
        assertThat(spoken.avatarUrl()).hasValue("https://example.com/gus.png");
        assertThat(spoken.text()).isEqualTo("Welcome.");
    }

    @Test
    void speakingThroughARecreatedWebhookReturnsWhatWasPosted() {
        world.campaignWithTwoCharacters();
        world.platform.forgetWebhook(webhook());

        Spoken spoken = world.speech().sayAsCharacter(BOB, GUILD, CHANNEL, "Still here?");

        assertThat(spoken.displayName()).isEqualTo("Brom");
        assertThat(spoken.avatarUrl()).isEmpty();
        assertThat(spoken.text()).isEqualTo("Still here?");
        assertThat(world.platform.posts()).extracting(Post::text).containsExactly("Still here?");
    }

    @Test
    void replacementWebhookThatCannotBeDeletedIsReportedWithTheStoreFailure() {
        world.campaignWithTwoCharacters();
        world.platform.forgetWebhook(webhook());
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());
        store.refuseNextUpdate(() -> new StoreException("The disk is full."));
        MissingPermissionException deleteFailure = new MissingPermissionException("Manage Webhooks");
        world.platform.failNext(Operation.DELETE_WEBHOOK, deleteFailure);

        assertThatThrownBy(() -> keeper.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello"))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(deleteFailure));

        assertThat(world.platform.webhooks()).hasSize(1);
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void campaignEndedWhileItsWebhookIsReplacedIsNotFoundAndTheNewWebhookDeleted() {
        world.campaignWithTwoCharacters();
        world.platform.forgetWebhook(webhook());
        ForwardingPlatform platform = new ForwardingPlatform(world.platform);
        CampaignKeeper keeper = Fixture.keeper(world.memoryStore, platform, Limits.defaults());
        platform.beforeNextWebhook(() -> world.campaigns().end(GM, GUILD, CHANNEL));

        assertThatThrownBy(() -> keeper.speech().sayAsCharacter(ALICE, GUILD, CHANNEL, "Hello?"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("just been ended");

        assertThat(world.platform.webhooks()).isEmpty();
    }

    @Test
    void inlineRollsInTheTextArePostedWithTheirResults() {
        world.campaignWithTwoCharacters();
        SpeakService speech = new SpeakService(world.memoryStore, world.platform,
                dev.campaignkeeper.core.dice.DiceRoller.seeded(3));
        String expected = dev.campaignkeeper.core.dice.DiceFormatter.format(
                dev.campaignkeeper.core.dice.DiceRoller.seeded(3).roll("1d20+5"));

        Spoken spoken = speech.sayAsCharacter(ALICE, GUILD, CHANNEL, "I swing!  [[1d20+5]]");

        assertThat(spoken.text()).isEqualTo("I swing!  " + expected);
        assertThat(world.platform.posts()).extracting(Post::text).containsExactly("I swing!  " + expected);
    }

    @Test
    void aBadInlineRollRefusesThePost() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        assertThatThrownBy(() -> world.speech().sayAsNpc(GM, GUILD, CHANNEL, "Old Gus", "Roll [[1d1!]]"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The inline roll [[1d1!]] cannot be rolled: ! matches every face");
        assertThat(world.platform.posts()).isEmpty();
    }
    @Test
    void playersAndTheGmKeepAvatarsAndGetTheLastingLinkOthersMayNot() {
        world.campaignWithTwoCharacters();
        Upload image = new Upload("aria.png", "image/png", new byte[] {1, 2, 3});

        String aria = world.speech().keepAvatar(ALICE, GUILD, CHANNEL, "Aria", image);
        String gus = world.speech().keepAvatar(world.coGm(), GUILD, CHANNEL, "Old Gus", image);

        assertThat(world.platform.keptImages()).extracting(InMemoryChatPlatform.KeptImage::link)
                .containsExactly(aria, gus);
        assertThat(world.platform.keptImages().get(0).caption())
                .contains("\"Aria\"").contains("\"the-lost-mine\"");
        assertThat(world.platform.keptImages().get(1).owner()).isEqualTo(world.coGm().user());
        assertThatThrownBy(() -> world.speech().keepAvatar(CAROL, GUILD, CHANNEL, "Mine", image))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("Only the players and the GM");
        assertThat(world.platform.keptImages()).hasSize(2);
    }
}
