package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Structural validation and immutability of the model records. */
class RecordsTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final ChannelId CHANNEL = ChannelId.of(2);
    private static final UserId GM = UserId.of(3);
    private static final UserId PLAYER = UserId.of(4);

    private static Campaign campaign(List<UserId> players) {
        return new Campaign(GUILD, CHANNEL, "Mine", GM, RoleId.of(5), RoleId.of(6), Optional.empty(), players);
    }

    @Test
    void campaignRejectsPlayerListedTwice() {
        assertThatThrownBy(() -> campaign(List.of(PLAYER, PLAYER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void campaignCopiesItsPlayerList() {
        List<UserId> players = new ArrayList<>(List.of(PLAYER));
        Campaign campaign = campaign(players);
        players.add(GM);

        assertThat(campaign.players()).containsExactly(PLAYER);
        assertThatThrownBy(() -> campaign.players().add(GM)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void campaignWithersReturnChangedCopies() {
        Campaign campaign = campaign(List.of());

        Campaign changed = campaign.withPlayer(PLAYER).withName("New").withWebhook(WebhookId.of(9));

        assertThat(campaign.players()).isEmpty();
        assertThat(changed.hasPlayer(PLAYER)).isTrue();
        assertThat(changed.name()).isEqualTo("New");
        assertThat(changed.webhook()).contains(WebhookId.of(9));
        assertThat(changed.withoutPlayer(PLAYER).players()).isEmpty();
        assertThat(changed.withGm(PLAYER).gm()).isEqualTo(PLAYER);
    }

    @Test
    void campaignRejectsMissingFields() {
        assertThatThrownBy(() -> new Campaign(GUILD, CHANNEL, null, GM, RoleId.of(5), RoleId.of(6),
                Optional.empty(), List.of())).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new Campaign(GUILD, CHANNEL, "x", GM, RoleId.of(5), RoleId.of(6),
                null, List.of())).isInstanceOf(NullPointerException.class).hasMessage("webhook");
    }

    @Test
    void characterAndNpcRejectMissingFields() {
        assertThatThrownBy(() -> new PlayerCharacter(GUILD, PLAYER, CHANNEL, "A", null, ""))
                .isInstanceOf(NullPointerException.class).hasMessage("avatarUrl");
        assertThatThrownBy(() -> new Npc(GUILD, CHANNEL, NpcId.of("n"), "N", Optional.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("creator");
    }

    @Test
    void actorCopiesRolesAndKnowsWhatItHolds() {
        Actor actor = new Actor(PLAYER, false, Set.of(RoleId.of(5)));

        assertThat(actor.holds(RoleId.of(5))).isTrue();
        assertThat(actor.holds(RoleId.of(6))).isFalse();
        assertThat(Actor.member(PLAYER).roles()).isEmpty();
        assertThatThrownBy(() -> new Actor(PLAYER, false, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void exportRejectsRecordsOfAnotherCampaign() {
        Campaign campaign = campaign(List.of(PLAYER));
        PlayerCharacter elsewhere = new PlayerCharacter(GUILD, PLAYER, ChannelId.of(99), "A", Optional.empty(), "");
        Npc foreignNpc = new Npc(GuildId.of(77), CHANNEL, NpcId.of("n"), "N", Optional.empty(), GM);

        assertThatThrownBy(() -> new CampaignExport(1, Instant.EPOCH, campaign, List.of(elsewhere), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CampaignExport(1, Instant.EPOCH, campaign, List.of(), List.of(foreignNpc)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CampaignExport(0, Instant.EPOCH, campaign, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exportOfStateTakesOnlyThatCampaignsRecords() {
        Campaign campaign = campaign(List.of(PLAYER));
        PlayerCharacter mine = new PlayerCharacter(GUILD, PLAYER, CHANNEL, "A", Optional.empty(), "");
        PlayerCharacter other = new PlayerCharacter(GUILD, PLAYER, ChannelId.of(99), "B", Optional.empty(), "");
        Npc npc = new Npc(GUILD, CHANNEL, NpcId.of("n"), "N", Optional.empty(), GM);
        GuildState state = GuildState.empty(GUILD).apply(List.of(new RecordChange.PutCampaign(campaign),
                new RecordChange.PutCharacter(mine), new RecordChange.PutCharacter(other),
                new RecordChange.PutNpc(npc)));

        CampaignExport export = CampaignExport.of(state, campaign, Instant.EPOCH);

        assertThat(export.characters()).containsExactly(mine);
        assertThat(export.npcs()).containsExactly(npc);
        assertThat(export.formatVersion()).isEqualTo(CampaignExport.CURRENT_FORMAT_VERSION);
    }
}
