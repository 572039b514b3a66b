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
import static dev.campaignkeeper.core.usecase.Fixture.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PlayerCharacter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CharacterServiceTest {

    private final Fixture world = new Fixture();

    private void campaignWithAliceAndBobJoined() {
        world.createCampaign();
        world.campaigns().join(ALICE, GUILD, CHANNEL);
        world.campaigns().join(BOB, GUILD, CHANNEL);
    }

    private PlayerCharacter aliceCreatesAria() {
        return world.characters().create(ALICE, GUILD, CHANNEL, "Aria",
                Optional.of("https://example.com/aria.png"), Optional.of("A bard."));
    }

    @Test
    void playerCreatesCharacterWithCleanedValues() {
        campaignWithAliceAndBobJoined();

        PlayerCharacter created = world.characters().create(ALICE, GUILD, CHANNEL, " Ar\u200Bia\u0007 the  Bold ",
                Optional.of(" https://example.com/aria.png "), Optional.of("Line one\r\n\r\n\r\nLine two\n"));

        assertThat(created.name()).isEqualTo("Aria the Bold");
        assertThat(created.avatarUrl()).contains("https://example.com/aria.png");
        assertThat(created.description()).isEqualTo("Line one\n\nLine two");
        assertThat(created.user()).isEqualTo(ALICE.user());
        assertThat(world.character(ALICE)).contains(created);
    }

    @Test
    void blankAvatarAndMissingDescriptionMeanNone() {
        campaignWithAliceAndBobJoined();

        PlayerCharacter created = world.characters().create(ALICE, GUILD, CHANNEL, "Aria",
                Optional.of("   "), Optional.empty());

        assertThat(created.avatarUrl()).isEmpty();
        assertThat(created.description()).isEmpty();
    }

    @Test
    void rejectsSecondCharacterInSameCampaign() {
        campaignWithAliceAndBobJoined();
        PlayerCharacter first = aliceCreatesAria();

        assertThatThrownBy(() -> world.characters().create(ALICE, GUILD, CHANNEL, "Second",
                Optional.empty(), Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already have a character")
                .satisfies(code(ReasonCode.CHARACTER_EXISTS, "name", first.name()));
        assertThat(world.character(ALICE)).contains(first);
    }

    @Test
    void playerMayHaveOneCharacterInEachOfTwoCampaigns() {
        campaignWithAliceAndBobJoined();
        aliceCreatesAria();
        world.campaigns().create(CAROL, GUILD, OTHER_CHANNEL, "side-quest", Optional.empty());
        world.campaigns().join(ALICE, GUILD, OTHER_CHANNEL);

        world.characters().create(ALICE, GUILD, OTHER_CHANNEL, "Aria's Twin", Optional.empty(), Optional.empty());

        GuildState state = world.memoryStore.guild(GUILD);
        assertThat(state.character(CHANNEL, ALICE.user())).map(PlayerCharacter::name).contains("Aria");
        assertThat(state.character(OTHER_CHANNEL, ALICE.user())).map(PlayerCharacter::name).contains("Aria's Twin");
    }

    @Test
    void nonPlayerCannotCreateCharacter() {
        world.createCampaign();

        assertThatThrownBy(() -> world.characters().create(CAROL, GUILD, CHANNEL, "Cara",
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("Join it first")
                .satisfies(code(ReasonCode.ONLY_PLAYERS_CREATE_CHARACTERS));
        assertThat(world.character(CAROL)).isEmpty();
    }

    @Test
    void gmCannotCreateCharacter() {
        world.createCampaign();

        assertThatThrownBy(() -> world.characters().create(GM, GUILD, CHANNEL, "Game Master",
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("speaks as NPCs")
                .satisfies(code(ReasonCode.GM_HAS_NO_CHARACTER));
        assertThat(world.character(GM)).isEmpty();
    }

    @Test
    void creatingWhereThereIsNoCampaignIsNotFound() {
        assertThatThrownBy(() -> world.characters().create(ALICE, GUILD, CHANNEL, "Aria",
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NotFoundException.class)
                .satisfies(code(ReasonCode.NO_CAMPAIGN_HERE));
    }

    @Test
    void rejectsInvalidInputAndStoresNothing() {
        campaignWithAliceAndBobJoined();

        assertThatThrownBy(() -> world.characters().create(ALICE, GUILD, CHANNEL, "a".repeat(81),
                Optional.empty(), Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.characters().create(ALICE, GUILD, CHANNEL, "Aria",
                Optional.of("javascript:alert(1)"), Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.characters().create(ALICE, GUILD, CHANNEL, "Aria",
                Optional.empty(), Optional.of("d".repeat(1001)))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.characters().create(ALICE, GUILD, CHANNEL, "Discord Dan",
                Optional.empty(), Optional.empty())).isInstanceOf(InvalidInputException.class);

        assertThat(world.character(ALICE)).isEmpty();
    }

    @Test
    void ownerEditsOnlyTheGivenFields() {
        campaignWithAliceAndBobJoined();
        aliceCreatesAria();

        PlayerCharacter edited = world.characters().edit(ALICE, GUILD, CHANNEL, Optional.of("Aria Bright"),
                Optional.empty(), Optional.empty());

        assertThat(edited.name()).isEqualTo("Aria Bright");
        assertThat(edited.avatarUrl()).contains("https://example.com/aria.png");
        assertThat(edited.description()).isEqualTo("A bard.");
        assertThat(world.character(ALICE)).contains(edited);
    }

    @Test
    void editingWithBlankAvatarRemovesIt() {
        campaignWithAliceAndBobJoined();
        aliceCreatesAria();

        PlayerCharacter edited = world.characters().edit(ALICE, GUILD, CHANNEL, Optional.empty(),
                Optional.of(""), Optional.of("Now a\nwarlock."));

        assertThat(edited.avatarUrl()).isEmpty();
        assertThat(edited.description()).isEqualTo("Now a\nwarlock.");
        assertThat(edited.name()).isEqualTo("Aria");
    }

    @Test
    void editRejectsInvalidValuesAndKeepsCharacter() {
        campaignWithAliceAndBobJoined();
        PlayerCharacter aria = aliceCreatesAria();

        assertThatThrownBy(() -> world.characters().edit(ALICE, GUILD, CHANNEL, Optional.of("CLYDE"),
                Optional.empty(), Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> world.characters().edit(ALICE, GUILD, CHANNEL, Optional.empty(),
                Optional.of("data:image/png;base64,AAAA"), Optional.empty())).isInstanceOf(InvalidInputException.class);

        assertThat(world.character(ALICE)).contains(aria);
    }

    @Test
    void nonOwnerCannotEditSomeoneElsesCharacter() {
        campaignWithAliceAndBobJoined();
        PlayerCharacter aria = aliceCreatesAria();

        assertThatThrownBy(() -> world.characters().edit(BOB, GUILD, CHANNEL, Optional.of("Hijacked"),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no character in this campaign to edit")
                .satisfies(code(ReasonCode.NO_CHARACTER_TO_EDIT));
        assertThatThrownBy(() -> world.characters().edit(GM, GUILD, CHANNEL, Optional.of("Hijacked"),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NotFoundException.class);

        assertThat(world.character(ALICE)).contains(aria);
        assertThat(world.character(BOB)).isEmpty();
    }

    @Test
    void ownerDeletesOwnCharacter() {
        campaignWithAliceAndBobJoined();
        PlayerCharacter aria = aliceCreatesAria();

        PlayerCharacter deleted = world.characters().delete(ALICE, GUILD, CHANNEL, Optional.empty());

        assertThat(deleted).isEqualTo(aria);
        assertThat(world.character(ALICE)).isEmpty();
        assertThat(world.campaign().players()).contains(ALICE.user());
    }

    @Test
    void ownerCanCreateAgainAfterDeleting() {
        campaignWithAliceAndBobJoined();
        aliceCreatesAria();
        world.characters().delete(ALICE, GUILD, CHANNEL, Optional.of(ALICE.user()));

        PlayerCharacter again = world.characters().create(ALICE, GUILD, CHANNEL, "Aria II",
                Optional.empty(), Optional.empty());

        assertThat(world.character(ALICE)).contains(again);
    }

    @Test
    void gmDeletesAPlayersCharacter() {
        campaignWithAliceAndBobJoined();
        aliceCreatesAria();

        world.characters().delete(GM, GUILD, CHANNEL, Optional.of(ALICE.user()));

        assertThat(world.character(ALICE)).isEmpty();
    }

    @Test
    void coGmByRoleAndAdminDeletePlayersCharacters() {
        campaignWithAliceAndBobJoined();
        aliceCreatesAria();
        world.characters().create(BOB, GUILD, CHANNEL, "Brom", Optional.empty(), Optional.empty());

        world.characters().delete(world.coGm(), GUILD, CHANNEL, Optional.of(ALICE.user()));
        world.characters().delete(ADMIN, GUILD, CHANNEL, Optional.of(BOB.user()));

        assertThat(world.memoryStore.guild(GUILD).charactersIn(CHANNEL)).isEmpty();
    }

    @Test
    void playerCannotDeleteAnotherPlayersCharacter() {
        campaignWithAliceAndBobJoined();
        PlayerCharacter aria = aliceCreatesAria();

        assertThatThrownBy(() -> world.characters().delete(BOB, GUILD, CHANNEL, Optional.of(ALICE.user())))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("only your own");
        assertThat(world.character(ALICE)).contains(aria);
    }

    @Test
    void deletingAMissingCharacterIsNotFound() {
        campaignWithAliceAndBobJoined();

        assertThatThrownBy(() -> world.characters().delete(BOB, GUILD, CHANNEL, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.characters().delete(GM, GUILD, CHANNEL, Optional.of(BOB.user())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anyoneSeesACharacter() {
        campaignWithAliceAndBobJoined();
        PlayerCharacter aria = aliceCreatesAria();

        assertThat(world.characters().show(GUILD, CHANNEL, ALICE.user())).isEqualTo(aria);
    }

    @Test
    void showingInChannelWithoutCampaignSaysThereIsNoCampaign() {
        assertThatThrownBy(() -> world.characters().show(GUILD, CHANNEL, BOB.user()))
                .isInstanceOf(NotFoundException.class)
                .satisfies(code(ReasonCode.NO_CAMPAIGN_HERE));
    }

    @Test
    void showingAMissingCharacterIsNotFound() {
        campaignWithAliceAndBobJoined();

        assertThatThrownBy(() -> world.characters().show(GUILD, CHANNEL, BOB.user()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no character")
                .satisfies(code(ReasonCode.USER_HAS_NO_CHARACTER));
    }

    @Test
    void deletingAMissingCharacterSaysWhoseIsMissing() {
        campaignWithAliceAndBobJoined();

        assertThatThrownBy(() -> world.characters().delete(BOB, GUILD, CHANNEL, Optional.empty()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("You have no character in this campaign, so there is nothing to delete.");
        assertThatThrownBy(() -> world.characters().delete(GM, GUILD, CHANNEL, Optional.of(BOB.user())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("That user has no character in this campaign.");
    }
}
