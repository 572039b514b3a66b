package dev.campaignkeeper.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference checks over a guild's records, as verify and import run them. */
class RecordReferencesTest {

    private static final GuildId GUILD = GuildId.of(1);
    private static final UserId GM = UserId.of(7);
    private static final UserId PLAYER = UserId.of(8);

    private static Campaign campaign(long channel, List<UserId> players) {
        return new Campaign(GUILD, ChannelId.of(channel), "Dragons", GM, RoleId.of(channel + 1),
                RoleId.of(channel + 2), Optional.empty(), players);
    }

    private static PlayerCharacter character(UserId user, long channel) {
        return new PlayerCharacter(GUILD, user, ChannelId.of(channel), "Aria", Optional.empty(), "");
    }

    private static Npc npc(long channel) {
        return new Npc(GUILD, ChannelId.of(channel), NpcId.of("n1"), "Tom", Optional.empty(), GM);
    }

    private static GuildState state(RecordChange... changes) {
        return GuildState.empty(GUILD).apply(List.of(changes));
    }

    @Test
    void soundRecordsHaveNoProblems() {
        GuildState state = state(new RecordChange.PutCampaign(campaign(10, List.of(PLAYER))),
                new RecordChange.PutCharacter(character(PLAYER, 10)), new RecordChange.PutNpc(npc(10)));

        assertThat(RecordReferences.check(state)).isEmpty();
    }

    @Test
    void everyBrokenReferenceIsATypedProblemInOrder() {
        Campaign gmAsPlayer = campaign(10, List.of(PLAYER, GM));
        PlayerCharacter orphan = character(PLAYER, 11);
        PlayerCharacter ofTheGm = character(GM, 10);
        Npc lost = npc(12);

        List<RecordReferences.Problem> problems = RecordReferences.check(state(
                new RecordChange.PutCampaign(gmAsPlayer), new RecordChange.PutCharacter(orphan),
                new RecordChange.PutNpc(lost)));
        assertThat(problems).containsExactly(new RecordReferences.GmListedAsPlayer(gmAsPlayer),
                new RecordReferences.CharacterWithoutCampaign(orphan),
                new RecordReferences.NpcsWithoutCampaign(ChannelId.of(12), List.of(lost)));

        Campaign withoutGm = campaign(10, List.of(PLAYER));
        List<RecordReferences.Problem> stranger = RecordReferences.check(state(
                new RecordChange.PutCampaign(withoutGm), new RecordChange.PutCharacter(ofTheGm)));
        assertThat(stranger).containsExactly(new RecordReferences.CharacterOfNonPlayer(ofTheGm, withoutGm));
        assertThat(((RecordReferences.CharacterOfNonPlayer) stranger.get(0)).ofTheGm()).isTrue();
    }
}
