package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static dev.campaignkeeper.core.usecase.Fixture.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.dice.DiceFormatter;
import dev.campaignkeeper.core.dice.DiceRoller;
import dev.campaignkeeper.core.error.InvalidDiceException;
import dev.campaignkeeper.core.error.MissingPermissionException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.DirectMessage;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Operation;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform.Post;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollServiceTest {

    private static final long SEED = 20261201L;

    private final Fixture world = new Fixture();
    private final RollService rolls = new RollService(world.memoryStore, world.speech(), world.platform,
            DiceRoller.seeded(SEED));

    /** What the service's roller rolls first for an expression, formatted as a post. */
    private static String expected(String expression) {
        return DiceFormatter.format(DiceRoller.seeded(SEED).roll(expression));
    }

    @Test
    void aPlayersRollIsPostedAsTheirCharacterThroughTheWebhook() {
        world.campaignWithTwoCharacters();

        Rolled rolled = rolls.roll(ALICE, GUILD, CHANNEL, "1d20+5 [attack]", false, Optional.empty(), "@Alice");

        assertThat(rolled.delivery()).isEqualTo(Rolled.Delivery.CHARACTER);
        assertThat(rolled.speaker()).contains("Aria");
        assertThat(rolled.text()).isEqualTo(expected("1d20+5 [attack]")).startsWith("`1d20+5 [attack]` → 1d20 (");
        assertThat(world.platform.posts()).singleElement().satisfies(post -> {
            assertThat(post.channel()).isEqualTo(CHANNEL);
            assertThat(post.webhook()).isEqualTo(world.campaign().webhook().orElseThrow());
            assertThat(post.displayName()).isEqualTo("Aria");
            assertThat(post.avatarUrl()).hasValue("https://example.com/aria.png");
            assertThat(post.text()).isEqualTo(rolled.text());
        });
        assertThat(rolled.result().totals()).hasSize(1);
    }

    @Test
    void aGmRollsAsAnNpcNamedWithAs() {
        world.createCampaign();
        world.npcs().create(GM, GUILD, CHANNEL, "Sildar", Optional.empty());

        Rolled rolled = rolls.roll(GM, GUILD, CHANNEL, "2d6", false, Optional.of("sildar"), "@Gwen");

        assertThat(rolled.delivery()).isEqualTo(Rolled.Delivery.NPC);
        assertThat(world.platform.posts()).extracting(Post::displayName, Post::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sildar", expected("2d6")));
    }

    @Test
    void onlyAGmMayRollAsAnNpcAndOnlyInACampaign() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Sildar", Optional.empty());

        assertThatThrownBy(() -> rolls.roll(ALICE, GUILD, CHANNEL, "1d20", false, Optional.of("Sildar"), "@Alice"))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("roll as NPCs");
        assertThatThrownBy(() -> rolls.roll(GM, GUILD, CHANNEL, "1d20", false, Optional.of("Nobody"), "@Gwen"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rolls.roll(GM, GUILD, OTHER_CHANNEL, "1d20", false, Optional.of("Sildar"), "@Gwen"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no campaign in this channel");
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void outsideACampaignOrWithoutACharacterNothingIsPostedAndTheBotAnswers() {
        world.campaignWithTwoCharacters();

        Rolled outside = rolls.roll(ALICE, GUILD, OTHER_CHANNEL, "1d20", false, Optional.empty(), "@Alice");
        Rolled gm = rolls.roll(GM, GUILD, CHANNEL, "1d20", false, Optional.of("  "), "@Gwen");
        Rolled stranger = rolls.roll(CAROL, GUILD, CHANNEL, "1d20", false, Optional.empty(), "@Carol");

        assertThat(outside.delivery()).isEqualTo(Rolled.Delivery.BOT);
        assertThat(outside.text()).isEqualTo(expected("1d20"));
        assertThat(gm.delivery()).isEqualTo(Rolled.Delivery.BOT);
        assertThat(stranger.delivery()).isEqualTo(Rolled.Delivery.BOT);
        assertThat(stranger.speaker()).isEmpty();
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void aSecretRollIsPostedNowhereAndTheGmGetsADirectMessage() {
        world.campaignWithTwoCharacters();

        Rolled rolled = rolls.roll(ALICE, GUILD, CHANNEL, "1d20+3 [stealth]", true, Optional.empty(), "@Alice");

        assertThat(rolled.delivery()).isEqualTo(Rolled.Delivery.SECRET);
        assertThat(rolled.gmCopy()).isEqualTo(Rolled.GmCopy.SENT);
        assertThat(rolled.text()).isEqualTo(expected("1d20+3 [stealth]"));
        assertThat(world.platform.posts()).isEmpty();
        assertThat(world.platform.directMessages()).containsExactly(new DirectMessage(GUILD, GM.user(),
                "Secret roll in **the-lost-mine** by @Alice as **Aria**:\n" + rolled.text()));
    }

    @Test
    void aSecretRollByTheGmOrOutsideACampaignSendsNoCopy() {
        world.campaignWithTwoCharacters();

        assertThat(rolls.roll(GM, GUILD, CHANNEL, "1d20", true, Optional.empty(), "@Gwen").gmCopy())
                .isEqualTo(Rolled.GmCopy.ROLLER_IS_GM);
        assertThat(rolls.roll(ALICE, GUILD, OTHER_CHANNEL, "1d20", true, Optional.empty(), "@Alice").gmCopy())
                .isEqualTo(Rolled.GmCopy.NO_CAMPAIGN);
        assertThat(world.platform.directMessages()).isEmpty();
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void aSecretRollStillReachesTheRollerWhenTheGmCannotBeMessaged() {
        world.campaignWithTwoCharacters();
        world.platform.failNext(Operation.DIRECT_MESSAGE, new MissingPermissionException("Send Messages"));

        Rolled rolled = rolls.roll(ALICE, GUILD, CHANNEL, "1d20", true, Optional.empty(), "@Alice");

        assertThat(rolled.gmCopy()).isEqualTo(Rolled.GmCopy.FAILED);
        assertThat(rolled.text()).isEqualTo(expected("1d20"));
    }

    @Test
    void badDiceAreRefusedBeforeAnythingHappens() {
        world.campaignWithTwoCharacters();

        assertThatThrownBy(() -> rolls.roll(ALICE, GUILD, CHANNEL, "2d6kh3", false, Optional.empty(), "@Alice"))
                .isInstanceOf(InvalidDiceException.class)
                .hasMessage("Cannot roll `2d6kh3`: kh3 selects 3 dice, but only 2 are rolled (position 4).");
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void theExpressionIsCleanedLikeEveryInput() {
        world.campaignWithTwoCharacters();

        Rolled rolled = rolls.roll(ALICE, GUILD, OTHER_CHANNEL, "  1d20\u200B +\t5 ", false, Optional.empty(), "@A");

        assertThat(rolled.result().expression()).isEqualTo("1d20 + 5");
    }

    @Test
    void theSameSeedGivesTheSameRolls() {
        RollService again = new RollService(world.memoryStore, world.speech(), world.platform,
                DiceRoller.seeded(SEED));
        assertThat(again.roll(ALICE, GUILD, OTHER_CHANNEL, "4d6kh3", false, Optional.empty(), "@A").text())
                .isEqualTo(rolls.roll(ALICE, GUILD, OTHER_CHANNEL, "4d6kh3", false, Optional.empty(), "@A").text());
    }
}
