package dev.campaignkeeper.core.usecase;

import dev.campaignkeeper.core.error.ReasonCode;
import static dev.campaignkeeper.core.error.Reasons.code;
import static dev.campaignkeeper.core.usecase.Fixture.ADMIN;
import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static dev.campaignkeeper.core.usecase.Fixture.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.Limits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NpcServiceTest {

    private final Fixture world = new Fixture();

    @BeforeEach
    void startCampaignWithAlice() {
        world.createCampaign();
        world.campaigns().join(ALICE, GUILD, CHANNEL);
    }

    private Npc gus() {
        return world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.of("https://example.com/gus.png"));
    }

    @Test
    void gmCreatesNpcWithGeneratedIdAndCreator() {
        Npc gus = world.npcs().create(GM, GUILD, CHANNEL, "  Old \u200B Gus ", Optional.empty());

        assertThat(gus.name()).isEqualTo("Old Gus");
        assertThat(gus.creator()).isEqualTo(GM.user());
        assertThat(gus.id().value()).matches("[A-Za-z0-9_-]{10}");
        assertThat(world.memoryStore.guild(GUILD).npc(CHANNEL, gus.id())).contains(gus);
    }

    @Test
    void playerCannotCreateNpc() {
        assertThatThrownBy(() -> world.npcs().create(ALICE, GUILD, CHANNEL, "Sneaky", Optional.empty()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("create NPCs");
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).isEmpty();
    }

    @Test
    void coGmByRoleAndAdminCanCreateNpcs() {
        Npc byCoGm = world.npcs().create(world.coGm(), GUILD, CHANNEL, "Innkeeper", Optional.empty());
        Npc byAdmin = world.npcs().create(ADMIN, GUILD, CHANNEL, "Mayor", Optional.empty());

        assertThat(byCoGm.creator()).isEqualTo(world.coGm().user());
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).containsExactly(byCoGm, byAdmin);
    }

    @Test
    void rejectsDuplicateNpcNameIgnoringCase() {
        gus();

        assertThatThrownBy(() -> world.npcs().create(GM, GUILD, CHANNEL, "OLD gus", Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Old Gus")
                .satisfies(code(ReasonCode.NPC_NAME_TAKEN, "name", "Old Gus"));
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).hasSize(1);
    }

    @Test
    void sameNpcNameIsFineInAnotherCampaign() {
        gus();
        world.campaigns().create(CAROL, GUILD, OTHER_CHANNEL, "side-quest", Optional.empty());

        world.npcs().create(CAROL, GUILD, OTHER_CHANNEL, "Old Gus", Optional.empty());

        assertThat(world.memoryStore.guild(GUILD).npcsIn(OTHER_CHANNEL)).hasSize(1);
    }

    @Test
    void rejectsNpcBeyondLimit() {
        Fixture limited = new Fixture(new Limits(50, 25, 2));
        limited.createCampaign();
        limited.npcs().create(GM, GUILD, CHANNEL, "One", Optional.empty());
        limited.npcs().create(GM, GUILD, CHANNEL, "Two", Optional.empty());

        assertThatThrownBy(() -> limited.npcs().create(GM, GUILD, CHANNEL, "Three", Optional.empty()))
                .isInstanceOf(LimitReachedException.class)
                .satisfies(code(ReasonCode.NPCS_PER_CAMPAIGN_REACHED, "count", "2"));
        assertThat(limited.memoryStore.guild(GUILD).npcsIn(CHANNEL)).hasSize(2);
    }

    @Test
    void rejectsInvalidNpcNameAndAvatar() {
        assertThatThrownBy(() -> world.npcs().create(GM, GUILD, CHANNEL, "clyde", Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.npcs().create(GM, GUILD, CHANNEL, "Gus", Optional.of("https:///x.png")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).isEmpty();
    }

    @Test
    void gmEditsNpcNamedByNameIgnoringCaseOrById() {
        Npc gus = gus();

        Npc renamed = world.npcs().edit(GM, GUILD, CHANNEL, "old GUS", Optional.of("Gus the Elder"), Optional.empty());
        Npc reavatared = world.npcs().edit(GM, GUILD, CHANNEL, gus.id().value(), Optional.empty(),
                Optional.of("https://example.com/elder.png"));

        assertThat(renamed.id()).isEqualTo(gus.id());
        assertThat(renamed.avatarUrl()).isEqualTo(gus.avatarUrl());
        assertThat(reavatared.name()).isEqualTo("Gus the Elder");
        assertThat(reavatared.avatarUrl()).contains("https://example.com/elder.png");
        assertThat(reavatared.creator()).isEqualTo(GM.user());
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).containsExactly(reavatared);
    }

    @Test
    void editingWithBlankAvatarRemovesIt() {
        gus();

        Npc edited = world.npcs().edit(GM, GUILD, CHANNEL, "Old Gus", Optional.empty(), Optional.of(" "));

        assertThat(edited.avatarUrl()).isEmpty();
    }

    @Test
    void npcMayBeRenamedToItsOwnNameInOtherCase() {
        gus();

        Npc edited = world.npcs().edit(GM, GUILD, CHANNEL, "Old Gus", Optional.of("OLD GUS"), Optional.empty());

        assertThat(edited.name()).isEqualTo("OLD GUS");
    }

    @Test
    void editRejectsNameOfAnotherNpc() {
        gus();
        world.npcs().create(GM, GUILD, CHANNEL, "Mayor", Optional.empty());

        assertThatThrownBy(() -> world.npcs().edit(GM, GUILD, CHANNEL, "Mayor", Optional.of("old gus"),
                Optional.empty()))
                .isInstanceOf(ConflictException.class);
        assertThat(world.npcs().list(GUILD, CHANNEL)).extracting(Npc::name).containsExactly("Old Gus", "Mayor");
    }

    @Test
    void playerCannotEditOrDeleteNpc() {
        Npc gus = gus();

        assertThatThrownBy(() -> world.npcs().edit(ALICE, GUILD, CHANNEL, "Old Gus", Optional.of("Mine"),
                Optional.empty())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> world.npcs().delete(ALICE, GUILD, CHANNEL, "Old Gus"))
                .isInstanceOf(NotPermittedException.class);

        assertThat(world.npcs().list(GUILD, CHANNEL)).containsExactly(gus);
    }

    @Test
    void gmDeletesNpcByName() {
        Npc gus = gus();
        Npc mayor = world.npcs().create(GM, GUILD, CHANNEL, "Mayor", Optional.empty());

        Npc deleted = world.npcs().delete(GM, GUILD, CHANNEL, "old gus");

        assertThat(deleted).isEqualTo(gus);
        assertThat(world.npcs().list(GUILD, CHANNEL)).containsExactly(mayor);
    }

    @Test
    void unknownNpcIsNotFoundAndPointsToList() {
        gus();

        assertThatThrownBy(() -> world.npcs().delete(GM, GUILD, CHANNEL, "Nobody"))
                .isInstanceOf(NotFoundException.class)
                .satisfies(code(ReasonCode.NO_NPC_NAMED, "name", "Nobody"));
    }

    @Test
    void seedNpcWithArbitraryIdIsFoundById() {
        Npc seeded = new Npc(GUILD, CHANNEL, NpcId.of("npc 1"), "Seeded", Optional.empty(), GM.user());
        world.memoryStore.update(GUILD, state -> Update.of(null, new RecordChange.PutNpc(seeded)));

        assertThat(world.npcs().delete(GM, GUILD, CHANNEL, "npc 1")).isEqualTo(seeded);
    }

    @Test
    void ambiguousNameFromOldDataAsksToUseTheId() {
        Npc first = new Npc(GUILD, CHANNEL, NpcId.of("a1"), "Twin", Optional.empty(), GM.user());
        Npc second = new Npc(GUILD, CHANNEL, NpcId.of("a2"), "twin", Optional.empty(), GM.user());
        world.memoryStore.update(GUILD, state -> Update.of(null,
                new RecordChange.PutNpc(first), new RecordChange.PutNpc(second)));

        assertThatThrownBy(() -> world.npcs().delete(GM, GUILD, CHANNEL, "TWIN"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("a1")
                .satisfies(code(ReasonCode.NPC_NAME_AMBIGUOUS, "name", "Twin", "first", "a1", "second", "a2"));
        assertThat(world.npcs().delete(GM, GUILD, CHANNEL, "a2")).isEqualTo(second);
    }

    @Test
    void anyoneListsNpcsInCreationOrder() {
        gus();
        world.npcs().create(GM, GUILD, CHANNEL, "Mayor", Optional.empty());

        assertThat(world.npcs().list(GUILD, CHANNEL)).extracting(Npc::name).containsExactly("Old Gus", "Mayor");
    }

    @Test
    void listingWhereThereIsNoCampaignIsNotFound() {
        assertThatThrownBy(() -> world.npcs().list(GUILD, OTHER_CHANNEL)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void suggestsNamesContainingTypedTextIgnoringCasePrefixFirst() {
        world.npcs().create(GM, GUILD, CHANNEL, "Bob the Guard", Optional.empty());
        world.npcs().create(GM, GUILD, CHANNEL, "Mayor", Optional.empty());
        world.npcs().create(GM, GUILD, CHANNEL, "Guardian", Optional.empty());

        List<Npc> suggested = world.npcs().suggest(GUILD, CHANNEL, "GUARD");

        assertThat(suggested).extracting(Npc::name).containsExactly("Guardian", "Bob the Guard");
    }

    @Test
    void suggestsAtMost25() {
        for (int i = 1; i <= 30; i++) {
            world.npcs().create(GM, GUILD, CHANNEL, "Guard " + i, Optional.empty());
        }

        assertThat(world.npcs().suggest(GUILD, CHANNEL, "")).hasSize(25);
        assertThat(world.npcs().suggest(GUILD, CHANNEL, "guard 1")).hasSize(11);
    }

    @Test
    void suggestsNothingWhereThereIsNoCampaign() {
        assertThat(world.npcs().suggest(GUILD, OTHER_CHANNEL, "g")).isEmpty();
    }
}
