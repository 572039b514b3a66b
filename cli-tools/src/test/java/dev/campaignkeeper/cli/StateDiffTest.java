package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateDiffTest {

    static final GuildId GUILD = GuildId.of("100");

    @Test
    void summaryCountsEveryKindAndChangeIncludingZeros() {
        List<StateDiff.Change> changes = List.of(
                new StateDiff.Change(GUILD, "campaign", "changed", "channel 1", "Dragons"),
                new StateDiff.Change(GUILD, "npc", "added", "channel 1 npc x", "Ghost"),
                new StateDiff.Change(GUILD, "npc", "added", "channel 1 npc y", "Bard"));

        var summary = StateDiff.summary(changes);

        assertThat(summary.keySet()).containsExactly("campaign", "character", "npc");
        assertThat(summary.get("campaign")).containsEntry("changed", 1).containsEntry("added", 0);
        assertThat(summary.get("character").values()).containsOnly(0);
        assertThat(summary.get("npc")).containsEntry("added", 2).containsEntry("removed", 0);
    }

    @Test
    void changeJsonNamesGuildRecordChangeWhereAndName() {
        var json = new StateDiff.Change(GUILD, "character", "removed", "channel 1 user 2", "Hero").toJson();

        assertThat(json).containsExactly(java.util.Map.entry("guild", "100"), java.util.Map.entry("record", "character"),
                java.util.Map.entry("change", "removed"), java.util.Map.entry("where", "channel 1 user 2"),
                java.util.Map.entry("name", "Hero"));
    }
}
