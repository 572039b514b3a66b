package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.BOB;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static dev.campaignkeeper.core.usecase.Fixture.OTHER_GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.Limits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The same channel id in two guilds is two unrelated places: nothing crosses the guild line. */
class GuildIsolationTest {

    private final Fixture world = new Fixture();

    @Test
    void sameChannelIdInAnotherGuildIsIndependent() {
        world.campaignWithTwoCharacters();
        world.npcs().create(GM, GUILD, CHANNEL, "Old Gus", Optional.empty());
        GuildState before = world.memoryStore.guild(GUILD);

        Campaign other = world.campaigns().create(BOB, OTHER_GUILD, CHANNEL, "elsewhere", Optional.empty());

        assertThat(other.guild()).isEqualTo(OTHER_GUILD);
        assertThat(world.campaigns().info(OTHER_GUILD, CHANNEL).characters()).isEmpty();
        assertThat(world.npcs().list(OTHER_GUILD, CHANNEL)).isEmpty();
        assertThat(world.memoryStore.guild(GUILD)).isEqualTo(before);
        assertThat(world.platform.roles(OTHER_GUILD)).containsOnlyKeys(other.gmRole(), other.playerRole());
    }

    @Test
    void playerOfOneGuildIsNotAPlayerInAnother() {
        world.campaignWithTwoCharacters();
        world.campaigns().create(BOB, OTHER_GUILD, CHANNEL, "elsewhere", Optional.empty());

        assertThatThrownBy(() -> world.speech().sayAsCharacter(ALICE, OTHER_GUILD, CHANNEL, "Hi"))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> world.characters().show(OTHER_GUILD, CHANNEL, ALICE.user()))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.platform.posts()).isEmpty();
    }

    @Test
    void gmOfOneGuildHasNoPowerInAnother() {
        world.createCampaign();
        world.campaigns().create(BOB, OTHER_GUILD, CHANNEL, "elsewhere", Optional.empty());

        assertThatThrownBy(() -> world.campaigns().end(GM, OTHER_GUILD, CHANNEL))
                .isInstanceOf(NotPermittedException.class);
        assertThat(world.memoryStore.guild(OTHER_GUILD).campaign(CHANNEL)).isPresent();
    }

    @Test
    void endingInOneGuildLeavesTheOtherAlone() {
        world.campaignWithTwoCharacters();
        world.campaigns().create(BOB, OTHER_GUILD, CHANNEL, "elsewhere", Optional.empty());
        world.campaigns().join(ALICE, OTHER_GUILD, CHANNEL);
        world.characters().create(ALICE, OTHER_GUILD, CHANNEL, "Aria", Optional.empty(), Optional.empty());
        GuildState other = world.memoryStore.guild(OTHER_GUILD);

        world.campaigns().end(GM, GUILD, CHANNEL);

        assertThat(world.memoryStore.guild(GUILD).isEmpty()).isTrue();
        assertThat(world.memoryStore.guild(OTHER_GUILD)).isEqualTo(other);
        assertThat(world.platform.roles(OTHER_GUILD)).hasSize(2);
        assertThat(world.platform.webhooks()).hasSize(1);
    }

    @Test
    void campaignLimitCountsPerGuild() {
        Fixture limited = new Fixture(new Limits(1, 25, 100));
        limited.campaigns().create(GM, GUILD, ChannelId.of(1), "one", Optional.empty());

        Campaign other = limited.campaigns().create(GM, OTHER_GUILD, ChannelId.of(2), "two", Optional.empty());

        assertThat(other.guild()).isEqualTo(OTHER_GUILD);
        assertThat(limited.memoryStore.guilds()).containsExactlyInAnyOrder(GUILD, OTHER_GUILD);
    }

    @Test
    void storeRefusesChangeForAnotherGuildAndStoresNothing() {
        Campaign foreign = new Campaign(OTHER_GUILD, CHANNEL, "Foreign", GM.user(),
                RoleId.of(1), RoleId.of(2),
                Optional.empty(), List.of());

        assertThatThrownBy(() -> world.memoryStore.update(GUILD,
                state -> Update.of(null, new RecordChange.PutCampaign(foreign))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(world.memoryStore.guilds()).isEmpty();
    }
}
