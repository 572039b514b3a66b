package dev.campaignkeeper.cli;

import static dev.campaignkeeper.cli.StateDiffTest.CHANNEL;
import static dev.campaignkeeper.cli.StateDiffTest.GM;
import static dev.campaignkeeper.cli.StateDiffTest.GUILD;
import static dev.campaignkeeper.cli.StateDiffTest.PLAYER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrityTest {

    @Test
    void healthyCampaignHasNoProblems() {
        StoreAdmin.View view = StateDiffTest.view(
                new RecordChange.PutCampaign(StateDiffTest.campaign("Dragons", PLAYER)),
                new RecordChange.PutCharacter(new PlayerCharacter(GUILD, PLAYER, CHANNEL, "Hero",
                        Optional.of("https://example.com/a.png"), "Brave.")));

        assertThat(Integrity.check(view)).isEmpty();
    }

    @Test
    void reportsOrphansNonPlayersGmAsPlayerAndBrokenRules() {
        ChannelId elsewhere = ChannelId.of("999");
        StoreAdmin.View view = StateDiffTest.view(
                new RecordChange.PutCampaign(StateDiffTest.campaign("", PLAYER, GM)),
                new RecordChange.PutCharacter(new PlayerCharacter(GUILD, UserId.of("777"), CHANNEL, "Stranger",
                        Optional.empty(), "")),
                new RecordChange.PutCharacter(new PlayerCharacter(GUILD, PLAYER, elsewhere, "Lost",
                        Optional.of("ftp://example.com/a.png"), "")),
                new RecordChange.PutNpc(new Npc(GUILD, elsewhere, NpcId.of("x"), "Clyde the bartender",
                        Optional.empty(), GM)));

        List<StoreAdmin.Problem> problems = Integrity.check(view);

        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("GM 300 is also listed as a player"));
        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("campaign name breaks today's rules"));
        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("user 777, who is not a player"));
        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("\"Lost\" is in channel 999, which has no campaign"));
        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("avatar URL breaks today's rules"));
        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("NPC \"Clyde the bartender\" is in channel 999, which has no campaign"));
        assertThat(problems).extracting(StoreAdmin.Problem::message).anySatisfy(m -> assertThat(m)
                .contains("NPC name breaks today's rules"));
        assertThat(problems).allSatisfy(p -> assertThat(p.where()).startsWith("guild 100"));
    }
}
