package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.GuildId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a restore changes: records added, removed and changed, per guild. */
final class StateDiff {

    /**
     * One changed record.
     *
     * @param guild the guild
     * @param record "campaign", "character" or "npc"
     * @param change "added", "removed" or "changed" (seen from the current state towards the target)
     * @param where channel, user and NPC id as text
     * @param name the record's name in the target (or in the current state if removed)
     */
    record Change(GuildId guild, String record, String change, String where, String name) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("guild", guild.value());
            json.put("record", record);
            json.put("change", change);
            json.put("where", where);
            json.put("name", name);
            return json;
        }
    }

    private StateDiff() {
    }

    /** Counts per record kind and change, e.g. {"campaign": {"added": 1, ...}, ...}. */
    static Map<String, Map<String, Integer>> summary(List<Change> changes) {
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        for (String record : List.of("campaign", "character", "npc")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String change : List.of("added", "removed", "changed")) {
                counts.put(change, 0);
            }
            summary.put(record, counts);
        }
        for (Change change : changes) {
            summary.get(change.record()).merge(change.change(), 1, Integer::sum);
        }
        return summary;
    }
}
