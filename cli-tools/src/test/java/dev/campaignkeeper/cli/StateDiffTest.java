package dev.campaignkeeper.cli;

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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateDiffTest {

    static final GuildId GUILD = GuildId.of("100");
    static final ChannelId CHANNEL = ChannelId.of("200");
    static final UserId GM = UserId.of("300");
    static final UserId PLAYER = UserId.of("301");

    static Campaign campaign(String name, UserId... players) {
        return new Campaign(GUILD, CHANNEL, name, GM, RoleId.of("400"), RoleId.of("401"), Optional.empty(),
                List.of(players));
    }

    static StoreAdmin.View view(RecordChange... changes) {
        TreeMap<GuildId, GuildState> guilds = new TreeMap<>(Records.GUILD_ORDER);
        GuildState state = GuildState.empty(GUILD).apply(List.of(changes));
        if (!state.isEmpty()) {
            guilds.put(GUILD, state);
        }
        return new StoreAdmin.View(guilds, -1, List.of());
    }

    @Test
    void reportsAddedRemovedAndChangedRecordsPerGuild() {
        PlayerCharacter hero = new PlayerCharacter(GUILD, PLAYER, CHANNEL, "Hero", Optional.empty(), "");
        Npc innkeeper = new Npc(GUILD, CHANNEL, NpcId.of("inn"), "Innkeeper", Optional.empty(), GM);
        StoreAdmin.View current = view(new RecordChange.PutCampaign(campaign("Old name", PLAYER)),
                new RecordChange.PutCharacter(hero));
        StoreAdmin.View target = view(new RecordChange.PutCampaign(campaign("New name", PLAYER)),
                new RecordChange.PutNpc(innkeeper));

        List<StateDiff.Change> changes = StateDiff.between(current, target);

        assertThat(changes).extracting(StateDiff.Change::record, StateDiff.Change::change, StateDiff.Change::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("campaign", "changed", "New name"),
                        org.assertj.core.groups.Tuple.tuple("character", "removed", "Hero"),
                        org.assertj.core.groups.Tuple.tuple("npc", "added", "Innkeeper"));
        assertThat(StateDiff.summary(changes).get("npc").get("added")).isEqualTo(1);
    }

    @Test
    void identicalStatesHaveNoChanges() {
        StoreAdmin.View state = view(new RecordChange.PutCampaign(campaign("Same", PLAYER)));

        assertThat(StateDiff.between(state, state)).isEmpty();
    }
}
