package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.ReasonCode;
import static dev.campaignkeeper.core.error.Reasons.code;
import static dev.campaignkeeper.core.usecase.Fixture.ADMIN;
import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static dev.campaignkeeper.core.usecase.Fixture.NOW;
import static dev.campaignkeeper.core.usecase.Fixture.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.error.PlatformException;
import dev.campaignkeeper.core.error.PlatformNotFoundException;
import dev.campaignkeeper.core.error.RateLimitedException;
import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.Limits;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {

    private final Fixture world = new Fixture();

    // ---- create ----

    @Test
    void createsCampaignNamedAfterChannelWithActorAsGm() {
        Campaign campaign = world.createCampaign();

        assertThat(campaign.name()).isEqualTo("the-lost-mine");
        assertThat(campaign.gm()).isEqualTo(GM.user());
        assertThat(campaign.players()).isEmpty();
        assertThat(campaign.webhook()).isPresent();
        assertThat(world.campaign()).isEqualTo(campaign);
    }

    @Test
    void createMakesGmRolePlayerRoleAndWebhookAndGivesGmRoleToActor() {
        Campaign campaign = world.createCampaign();

        assertThat(world.platform.roles(GUILD)).containsOnlyKeys(campaign.gmRole(), campaign.playerRole());
        assertThat(world.platform.roles(GUILD).get(campaign.gmRole())).contains("GM");
        assertThat(world.platform.holders(GUILD, campaign.gmRole())).containsExactly(GM.user());
        assertThat(world.platform.holders(GUILD, campaign.playerRole())).isEmpty();
        assertThat(world.platform.webhooks()).containsOnlyKeys(campaign.webhook().orElseThrow());
        assertThat(world.platform.webhooks().get(campaign.webhook().orElseThrow()).channel()).isEqualTo(CHANNEL);
    }

    @Test
    void createUsesGivenNameCleaned() {
        Campaign campaign = world.campaigns().create(GM, GUILD, CHANNEL, "general",
                Optional.of("  The \u200BLost\t  Mine "));

        assertThat(campaign.name()).isEqualTo("The Lost Mine");
    }

    @Test
    void rejectsInvalidGivenNameBeforeTouchingPlatform() {
        assertThatThrownBy(() -> world.campaigns().create(GM, GUILD, CHANNEL, "general",
                Optional.of("Discord Nights")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("discord");

        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.platform.webhooks()).isEmpty();
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void fallsBackToValidNameWhenChannelNameIsNoValidName() {
        Campaign forbidden = world.campaigns().create(GM, GUILD, CHANNEL, "discord-chat", Optional.empty());
        Campaign tooLong = world.campaigns().create(GM, GUILD, OTHER_CHANNEL, "x".repeat(120), Optional.empty());
        Campaign empty = world.campaigns().create(GM, GUILD, ChannelId.of(3002), "\u200B", Optional.empty());

        assertThat(forbidden.name()).isEqualTo(CampaignService.FALLBACK_NAME);
        assertThat(tooLong.name()).isEqualTo("x".repeat(80));
        assertThat(empty.name()).isEqualTo(CampaignService.FALLBACK_NAME);
    }

    @Test
    void rejectsSecondCampaignInSameChannelWithoutCreatingRoles() {
        Campaign first = world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().create(BOB, GUILD, CHANNEL, "x", Optional.of("Another")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has a campaign")
                .satisfies(code(ReasonCode.CHANNEL_HAS_CAMPAIGN, "name", first.name()));

        assertThat(world.campaign()).isEqualTo(first);
        assertThat(world.platform.roles(GUILD)).hasSize(2);
        assertThat(world.platform.webhooks()).hasSize(1);
    }

    @Test
    void rejectsCampaignBeyondGuildLimit() {
        Fixture limited = new Fixture(new Limits(2, 25, 100));
        limited.campaigns().create(GM, GUILD, ChannelId.of(1), "one", Optional.empty());
        limited.campaigns().create(GM, GUILD, ChannelId.of(2), "two", Optional.empty());

        assertThatThrownBy(() -> limited.campaigns().create(GM, GUILD, ChannelId.of(3), "three", Optional.empty()))
                .isInstanceOf(LimitReachedException.class)
                .satisfies(code(ReasonCode.CAMPAIGNS_PER_SERVER_REACHED, "count", "2"));

        assertThat(limited.memoryStore.guild(GUILD).campaigns()).hasSize(2);
        assertThat(limited.platform.roles(GUILD)).hasSize(4);
    }

    @Test
    void undoesRolesWhenWebhookCannotBeCreated() {
        world.platform.failNext(Operation.CREATE_WEBHOOK, new MissingPermissionException("Manage Webhooks"));

        assertThatThrownBy(world::createCampaign)
                .isInstanceOf(MissingPermissionException.class)
                .hasMessageContaining("Manage Webhooks");

        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.platform.webhooks()).isEmpty();
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void undoesRolesWhenGmRoleCannotBeGiven() {
        world.platform.failNext(Operation.ADD_ROLE, new MissingPermissionException("Manage Roles"));

        assertThatThrownBy(world::createCampaign).isInstanceOf(MissingPermissionException.class);

        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.platform.webhooks()).isEmpty();
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void storesNothingWhenFirstRoleCannotBeCreated() {
        world.platform.failNext(Operation.CREATE_ROLE, new RateLimitedException(Duration.ofSeconds(5)));

        assertThatThrownBy(world::createCampaign).isInstanceOf(RateLimitedException.class);

        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void keepsUndoingAndReportsUndoFailuresAsSuppressed() {
        world.platform.failNext(Operation.CREATE_WEBHOOK, new MissingPermissionException("Manage Webhooks"));
        PlatformException undoFailure = new PlatformException("role deletion failed");
        world.platform.failNext(Operation.DELETE_ROLE, undoFailure);

        assertThatThrownBy(world::createCampaign)
                .isInstanceOf(MissingPermissionException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(undoFailure));

        // Undo runs newest first: the player role is deleted (that call failed), the GM role still is.
        assertThat(world.platform.roles(GUILD)).hasSize(1);
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void undoesPlatformSideEffectsWhenStoreRefuses() {
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());
        store.refuseNextUpdate(() -> new StoreException("The disk is full."));

        assertThatThrownBy(() -> keeper.campaigns().create(GM, GUILD, CHANNEL, "general", Optional.empty()))
                .isInstanceOf(StoreException.class);

        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.platform.webhooks()).isEmpty();
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void concurrentCreateInSameChannelLosesAndUndoesItsRolesAndWebhook() {
        ForwardingPlatform platform = new ForwardingPlatform(world.platform);
        CampaignKeeper keeper = Fixture.keeper(world.memoryStore, platform, Limits.defaults());
        // While the first create is half-way (roles made, webhook next), another GM wins the channel.
        platform.beforeNextWebhook(() -> world.campaigns().create(BOB, GUILD, CHANNEL, "general",
                Optional.of("Winner")));

        assertThatThrownBy(() -> keeper.campaigns().create(GM, GUILD, CHANNEL, "general", Optional.of("Loser")))
                .isInstanceOf(ConflictException.class);

        Campaign winner = world.campaign();
        assertThat(winner.name()).isEqualTo("Winner");
        assertThat(world.platform.roles(GUILD)).containsOnlyKeys(winner.gmRole(), winner.playerRole());
        assertThat(world.platform.webhooks()).containsOnlyKeys(winner.webhook().orElseThrow());
    }

    // ---- join ----

    @Test
    void joiningMakesPlayerAndGivesPlayerRole() {
        world.createCampaign();

        Campaign joined = world.campaigns().join(ALICE, GUILD, CHANNEL);

        assertThat(joined.players()).containsExactly(ALICE.user());
        assertThat(world.campaign().players()).containsExactly(ALICE.user());
        assertThat(world.platform.holders(GUILD, joined.playerRole())).containsExactly(ALICE.user());
    }

    @Test
    void keepsPlayersInJoinOrder() {
        world.createCampaign();
        world.campaigns().join(CAROL, GUILD, CHANNEL);
        world.campaigns().join(ALICE, GUILD, CHANNEL);
        world.campaigns().join(BOB, GUILD, CHANNEL);

        assertThat(world.campaign().players()).containsExactly(CAROL.user(), ALICE.user(), BOB.user());
    }

    @Test
    void rejectsJoiningTwice() {
        world.createCampaign();
        world.campaigns().join(ALICE, GUILD, CHANNEL);

        assertThatThrownBy(() -> world.campaigns().join(ALICE, GUILD, CHANNEL))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already joined")
                .satisfies(code(ReasonCode.ALREADY_JOINED));
        assertThat(world.campaign().players()).containsExactly(ALICE.user());
    }

    @Test
    void gmCannotJoinAsPlayer() {
        world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().join(GM, GUILD, CHANNEL))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("GM is not a player")
                .satisfies(code(ReasonCode.GM_CANNOT_JOIN));
        assertThat(world.campaign().players()).isEmpty();
    }

    @Test
    void rejectsJoinBeyondPlayerLimit() {
        Fixture limited = new Fixture(new Limits(50, 2, 100));
        limited.createCampaign();
        limited.campaigns().join(ALICE, GUILD, CHANNEL);
        limited.campaigns().join(BOB, GUILD, CHANNEL);

        assertThatThrownBy(() -> limited.campaigns().join(CAROL, GUILD, CHANNEL))
                .isInstanceOf(LimitReachedException.class)
                .hasMessageContaining("2 players")
                .satisfies(code(ReasonCode.PLAYERS_PER_CAMPAIGN_REACHED, "count", "2"));
        assertThat(limited.campaign().players()).containsExactly(ALICE.user(), BOB.user());
        assertThat(limited.platform.holders(GUILD, limited.campaign().playerRole())).hasSize(2);
    }

    @Test
    void joiningWhereThereIsNoCampaignSaysHowToStartOne() {
        assertThatThrownBy(() -> world.campaigns().join(ALICE, GUILD, CHANNEL))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("There is no campaign in this channel. A GM can start one here.")
                .satisfies(code(ReasonCode.NO_CAMPAIGN_HERE));
    }

    @Test
    void takesBackJoinWhenPlayerRoleCannotBeGiven() {
        world.createCampaign();
        world.platform.failNext(Operation.ADD_ROLE, new MissingPermissionException("Manage Roles"));

        assertThatThrownBy(() -> world.campaigns().join(ALICE, GUILD, CHANNEL))
                .isInstanceOf(MissingPermissionException.class);

        assertThat(world.campaign().players()).isEmpty();
        assertThat(world.campaigns().join(ALICE, GUILD, CHANNEL).players()).containsExactly(ALICE.user());
    }

    @Test
    void joinRecreatesPlayerRoleDeletedOnPlatformAndGivesItToEveryPlayer() {
        Campaign campaign = world.createCampaign();
        world.campaigns().join(BOB, GUILD, CHANNEL);
        world.platform.deleteRole(GUILD, campaign.playerRole());

        Campaign joined = world.campaigns().join(ALICE, GUILD, CHANNEL);

        assertThat(joined.playerRole()).isNotEqualTo(campaign.playerRole());
        assertThat(world.campaign().playerRole()).isEqualTo(joined.playerRole());
        assertThat(world.platform.holders(GUILD, joined.playerRole()))
                .containsExactlyInAnyOrder(ALICE.user(), BOB.user());
        assertThat(joined.players()).containsExactly(BOB.user(), ALICE.user());
    }

    @Test
    void joinGivesUpAndRemovesRecreatedRoleWhenGrantingItFailsAgain() {
        Campaign campaign = world.createCampaign();
        world.platform.deleteRole(GUILD, campaign.playerRole());
        world.platform.failNext(Operation.ADD_ROLE, new PlatformNotFoundException("role gone"));
        world.platform.failNext(Operation.ADD_ROLE, new MissingPermissionException("Manage Roles"));

        assertThatThrownBy(() -> world.campaigns().join(ALICE, GUILD, CHANNEL))
                .isInstanceOf(MissingPermissionException.class);

        assertThat(world.campaign().players()).isEmpty();
        assertThat(world.platform.roles(GUILD)).containsOnlyKeys(campaign.gmRole());
        assertThat(world.platform.holders(GUILD, campaign.gmRole())).containsExactly(GM.user());
    }

    @Test
    void failedJoinKeepsCharacterTheUserAlreadyHadFromSeedData() {
        Campaign campaign = world.createCampaign();
        PlayerCharacter legacy = new PlayerCharacter(GUILD, ALICE.user(), CHANNEL, "Old Aria", Optional.empty(), "");
        world.memoryStore.update(GUILD, current -> Update.of(legacy, new RecordChange.PutCharacter(legacy)));
        world.platform.failNext(Operation.ADD_ROLE, new MissingPermissionException("Manage Roles"));

        assertThatThrownBy(() -> world.campaigns().join(ALICE, GUILD, CHANNEL))
                .isInstanceOf(MissingPermissionException.class);

        assertThat(world.campaign().players()).isEmpty();
        assertThat(world.memoryStore.guild(GUILD).character(CHANNEL, ALICE.user())).contains(legacy);
        assertThat(campaign.players()).isEmpty();
    }

    // ---- leave and kick ----

    @Test
    void leavingRemovesPlayerCharacterAndPlayerRole() {
        world.campaignWithTwoCharacters();

        Campaign after = world.campaigns().leave(ALICE, GUILD, CHANNEL);

        assertThat(after.players()).containsExactly(BOB.user());
        assertThat(world.campaign().players()).containsExactly(BOB.user());
        assertThat(world.character(ALICE)).isEmpty();
        assertThat(world.character(BOB)).isPresent();
        assertThat(world.platform.holders(GUILD, after.playerRole())).containsExactly(BOB.user());
    }

    @Test
    void leavingRemovesPlayerAndCharacterInOneStoreUpdate() {
        world.campaignWithTwoCharacters();
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());

        keeper.campaigns().leave(ALICE, GUILD, CHANNEL);

        assertThat(store.updates).hasValue(1);
    }

    @Test
    void nonPlayerCannotLeave() {
        world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().leave(CAROL, GUILD, CHANNEL))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not a player");
    }

    @Test
    void gmCannotLeaveButIsToldToTransferOrEnd() {
        world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().leave(GM, GUILD, CHANNEL))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Hand the campaign over")
                .satisfies(code(ReasonCode.GM_CANNOT_LEAVE));
    }

    @Test
    void leavingSucceedsEvenIfRoleRemovalFails() {
        world.campaignWithTwoCharacters();
        world.platform.failNext(Operation.REMOVE_ROLE, new MissingPermissionException("Manage Roles"));

        world.campaigns().leave(ALICE, GUILD, CHANNEL);

        assertThat(world.campaign().players()).containsExactly(BOB.user());
    }

    @Test
    void gmKicksPlayerWithCharacterAndRole() {
        world.campaignWithTwoCharacters();

        world.campaigns().kick(GM, GUILD, CHANNEL, BOB.user());

        assertThat(world.campaign().players()).containsExactly(ALICE.user());
        assertThat(world.character(BOB)).isEmpty();
        assertThat(world.platform.holders(GUILD, world.campaign().playerRole())).containsExactly(ALICE.user());
    }

    @Test
    void coGmByRoleCanKick() {
        world.campaignWithTwoCharacters();

        world.campaigns().kick(world.coGm(), GUILD, CHANNEL, BOB.user());

        assertThat(world.campaign().players()).containsExactly(ALICE.user());
    }

    @Test
    void playerCannotKick() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> world.campaigns().kick(ALICE, GUILD, CHANNEL, BOB.user()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("GM");
        assertThat(world.campaign().players()).containsExactly(ALICE.user(), BOB.user());
        assertThat(world.character(BOB)).isPresent();
    }

    @Test
    void kickingSomeoneWhoIsNoPlayerIsRefused() {
        world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().kick(GM, GUILD, CHANNEL, CAROL.user()))
                .isInstanceOf(NotFoundException.class)
                .satisfies(code(ReasonCode.NOT_A_PLAYER));
    }

    // ---- transfer ----

    @Test
    void transferMovesGmRoleAndTurnsPlayerIntoGm() {
        Campaign before = world.campaignWithTwoCharacters();

        Campaign after = world.campaigns().transferGm(GM, GUILD, CHANNEL, ALICE.user());

        assertThat(after.gm()).isEqualTo(ALICE.user());
        assertThat(world.campaign()).isEqualTo(after);
        assertThat(after.players()).containsExactly(BOB.user());
        assertThat(world.character(ALICE)).isEmpty();
        assertThat(world.character(BOB)).isPresent();
        assertThat(world.platform.holders(GUILD, before.gmRole())).containsExactly(ALICE.user());
        assertThat(world.platform.holders(GUILD, before.playerRole())).containsExactly(BOB.user());
    }

    @Test
    void oldGmLosesGmPowersAfterTransfer() {
        world.createCampaign();
        world.campaigns().transferGm(GM, GUILD, CHANNEL, CAROL.user());

        assertThatThrownBy(() -> world.campaigns().rename(GM, GUILD, CHANNEL, "Mine"))
                .isInstanceOf(NotPermittedException.class);
        assertThat(world.campaigns().rename(CAROL, GUILD, CHANNEL, "Mine").name()).isEqualTo("Mine");
    }

    @Test
    void adminCanTransferGm() {
        world.createCampaign();

        Campaign after = world.campaigns().transferGm(ADMIN, GUILD, CHANNEL, BOB.user());

        assertThat(after.gm()).isEqualTo(BOB.user());
        assertThat(world.platform.holders(GUILD, after.gmRole())).containsExactly(BOB.user());
    }

    @Test
    void playerCannotTransferGm() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> world.campaigns().transferGm(ALICE, GUILD, CHANNEL, ALICE.user()))
                .isInstanceOf(NotPermittedException.class);
        assertThat(world.campaign().gm()).isEqualTo(GM.user());
    }

    @Test
    void transferToCurrentGmIsRefused() {
        world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().transferGm(GM, GUILD, CHANNEL, GM.user()))
                .isInstanceOf(ConflictException.class);
    }

    // ---- rename, info, export ----

    @Test
    void gmRenamesCampaignWithCleanedName() {
        world.createCampaign();

        Campaign renamed = world.campaigns().rename(GM, GUILD, CHANNEL, " Curse\u0000 of  Strahd ");

        assertThat(renamed.name()).isEqualTo("Curse of Strahd");
        assertThat(world.campaign().name()).isEqualTo("Curse of Strahd");
    }

    @Test
    void playerCannotRename() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> world.campaigns().rename(ALICE, GUILD, CHANNEL, "Mine"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("rename");
        assertThat(world.campaign().name()).isEqualTo("the-lost-mine");
    }

    @Test
    void renameRejectsForbiddenName() {
        world.createCampaign();

        assertThatThrownBy(() -> world.campaigns().rename(GM, GUILD, CHANNEL, "Clyde's Quest"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(world.campaign().name()).isEqualTo("the-lost-mine");
    }

    @Test
    void anyoneSeesInfoWithCharactersAndNpcs() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        CampaignInfo info = world.campaigns().info(GUILD, CHANNEL);

        assertThat(info.campaign()).isEqualTo(world.campaign());
        assertThat(info.characters()).extracting(PlayerCharacter::name).containsExactly("Aria", "Brom");
        assertThat(info.npcs()).extracting(npc -> npc.name()).containsExactly("Old Gus");
    }

    @Test
    void infoWithoutCampaignIsNotFound() {
        assertThatThrownBy(() -> world.campaigns().info(GUILD, CHANNEL)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void gmExportsEverythingWithoutChangingIt() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());
        GuildState before = world.memoryStore.guild(GUILD);

        CampaignExport export = world.campaigns().export(GM, GUILD, CHANNEL);

        assertThat(export.campaign()).isEqualTo(world.campaign());
        assertThat(export.characters()).hasSize(2);
        assertThat(export.npcs()).hasSize(1);
        assertThat(export.exportedAt()).isEqualTo(NOW);
        assertThat(export.formatVersion()).isEqualTo(CampaignExport.CURRENT_FORMAT_VERSION);
        assertThat(world.memoryStore.guild(GUILD)).isEqualTo(before);
    }

    @Test
    void playerCannotExport() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> world.campaigns().export(ALICE, GUILD, CHANNEL))
                .isInstanceOf(NotPermittedException.class);
    }

    // ---- end ----

    @Test
    void endingRemovesCampaignCharactersNpcsRolesAndWebhookAndReturnsThem() {
        Campaign campaign = world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());

        CampaignExport removed = world.campaigns().end(GM, GUILD, CHANNEL);

        assertThat(removed.campaign()).isEqualTo(campaign);
        assertThat(removed.characters()).extracting(PlayerCharacter::name).containsExactly("Aria", "Brom");
        assertThat(removed.npcs()).extracting(npc -> npc.name()).containsExactly("Old Gus");
        assertThat(removed.exportedAt()).isEqualTo(NOW);
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.platform.webhooks()).isEmpty();
    }

    @Test
    void endingIsOneStoreUpdate() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());

        keeper.campaigns().end(GM, GUILD, CHANNEL);

        assertThat(store.updates).hasValue(1);
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
    }

    @Test
    void endingLeavesOtherCampaignsAlone() {
        world.campaignWithTwoCharacters();
        world.campaigns().create(CAROL, GUILD, OTHER_CHANNEL, "side-quest", Optional.empty());
        world.campaigns().join(ALICE, GUILD, OTHER_CHANNEL);
        world.characters().create(ALICE, GUILD, OTHER_CHANNEL, "Aria Too", Optional.empty(), Optional.empty());
        world.npcs().create(CAROL, GUILD, OTHER_CHANNEL, "Innkeeper", Optional.empty());

        world.campaigns().end(GM, GUILD, CHANNEL);

        GuildState state = world.memoryStore.guild(GUILD);
        assertThat(state.campaigns()).extracting(Campaign::channel).containsExactly(OTHER_CHANNEL);
        assertThat(state.characters()).extracting(PlayerCharacter::name).containsExactly("Aria Too");
        assertThat(state.npcsIn(OTHER_CHANNEL)).hasSize(1);
        assertThat(world.platform.roles(GUILD)).hasSize(2);
        assertThat(world.platform.webhooks()).hasSize(1);
    }

    @Test
    void adminCanEndCampaign() {
        world.createCampaign();

        world.campaigns().end(ADMIN, GUILD, CHANNEL);

        assertThat(world.memoryStore.guild(GUILD).campaign(CHANNEL)).isEmpty();
    }

    @Test
    void coGmByRoleCanEndCampaign() {
        world.createCampaign();

        world.campaigns().end(world.coGm(), GUILD, CHANNEL);

        assertThat(world.memoryStore.guild(GUILD).campaign(CHANNEL)).isEmpty();
    }

    @Test
    void playerCannotEndCampaign() {
        world.campaignWithTwoCharacters();
        GuildState before = world.memoryStore.guild(GUILD);

        assertThatThrownBy(() -> world.campaigns().end(ALICE, GUILD, CHANNEL))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("end the campaign");
        assertThat(world.memoryStore.guild(GUILD)).isEqualTo(before);
        assertThat(world.platform.roles(GUILD)).hasSize(2);
    }

    @Test
    void endingSucceedsWhenPlatformCleanUpFails() {
        world.createCampaign();
        world.platform.failNext(Operation.DELETE_WEBHOOK, new MissingPermissionException("Manage Webhooks"));

        CampaignExport removed = world.campaigns().end(GM, GUILD, CHANNEL);

        assertThat(removed.campaign().channel()).isEqualTo(CHANNEL);
        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
        assertThat(world.platform.roles(GUILD)).isEmpty();
        assertThat(world.platform.webhooks()).hasSize(1);
    }

    @Test
    void endingWhereThereIsNoCampaignIsNotFound() {
        assertThatThrownBy(() -> world.campaigns().end(ADMIN, GUILD, CHANNEL))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void newCampaignCanStartInChannelAfterEnd() {
        world.createCampaign();
        world.campaigns().end(GM, GUILD, CHANNEL);

        Campaign again = world.campaigns().create(ALICE, GUILD, CHANNEL, "round-two", Optional.empty());

        assertThat(again.gm()).isEqualTo(ALICE.user());
        assertThat(world.campaign().name()).isEqualTo("round-two");
    }

    // ---- what the tests above leave open ----

    @Test
    void occupiedChannelIsRefusedBeforeThePlatformIsAsked() {
        world.createCampaign();
        MissingPermissionException queued = new MissingPermissionException("Manage Roles");
        world.platform.failNext(Operation.CREATE_ROLE, queued);

        assertThatThrownBy(() -> world.campaigns().create(BOB, GUILD, CHANNEL, "x", Optional.of("Another")))
                .isInstanceOf(ConflictException.class);
        // the queued failure is still waiting for the first role anyone asks for: create asked for none
        assertThatThrownBy(() -> world.platform.createRole(GUILD, "probe")).isSameAs(queued);
    }

    @Test
    void conflictMessageQuotesAnEightyCharacterNameWhole() {
        String eighty = "N".repeat(80);
        world.campaigns().create(GM, GUILD, CHANNEL, "x", Optional.of(eighty));

        assertThatThrownBy(() -> world.campaigns().create(BOB, GUILD, CHANNEL, "x", Optional.of("Another")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("\"" + eighty + "\"");
    }

    @Test
    void refusedCreateTakesTheGmRoleBackEvenWhenTheRoleCannotBeDeleted() {
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());
        store.refuseNextUpdate(() -> new StoreException("The disk is full."));
        world.platform.failNext(Operation.DELETE_ROLE, new PlatformException("cannot delete"));
        world.platform.failNext(Operation.DELETE_ROLE, new PlatformException("cannot delete either"));

        assertThatThrownBy(() -> keeper.campaigns().create(GM, GUILD, CHANNEL, "general", Optional.empty()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));

        assertThat(world.platform.roles(GUILD)).hasSize(2);
        assertThat(world.platform.roles(GUILD).keySet())
                .allSatisfy(role -> assertThat(world.platform.holders(GUILD, role)).isEmpty());
        assertThat(world.platform.webhooks()).isEmpty();
    }

    @Test
    void failedJoinWhoseTakeBackIsRefusedReportsBothFailures() {
        world.createCampaign();
        ForwardingStore store = new ForwardingStore(world.memoryStore);
        CampaignKeeper keeper = Fixture.keeper(store, world.platform, Limits.defaults());
        StoreException refused = new StoreException("The disk is full.");
        store.refuseUpdateAfter(1, () -> refused);
        world.platform.failNext(Operation.ADD_ROLE, new MissingPermissionException("Manage Roles"));

        assertThatThrownBy(() -> keeper.campaigns().join(ALICE, GUILD, CHANNEL))
                .isInstanceOf(MissingPermissionException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(refused));

        // the take-back could not be stored: the join stays, so the player can try again
        assertThat(world.campaign().players()).containsExactly(ALICE.user());
        assertThat(store.updates).hasValue(2);
    }

    @Test
    void kickReturnsTheCampaignWithoutThePlayer() {
        world.campaignWithTwoCharacters();

        Campaign kicked = world.campaigns().kick(GM, GUILD, CHANNEL, BOB.user());

        assertThat(kicked).isEqualTo(world.campaign());
        assertThat(kicked.players()).containsExactly(ALICE.user());
    }
}
