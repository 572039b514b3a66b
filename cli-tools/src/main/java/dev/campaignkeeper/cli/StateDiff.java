package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What replacing one state by another changes: records added, removed and changed, per guild. */
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

    static List<Change> between(StoreAdmin.View current, StoreAdmin.View target) {
        TreeSet<GuildId> guilds = new TreeSet<>(Records.GUILD_ORDER);
        guilds.addAll(current.guilds().keySet());
        guilds.addAll(target.guilds().keySet());
        List<Change> changes = new ArrayList<>();
        for (GuildId guild : guilds) {
            between(current.guild(guild), target.guild(guild), changes);
        }
        return changes;
    }

    private static void between(GuildState from, GuildState to, List<Change> out) {
        GuildId guild = from.guild();
        Map<ChannelId, Campaign> fromCampaigns = new LinkedHashMap<>();
        from.campaigns().forEach(c -> fromCampaigns.put(c.channel(), c));
        Map<ChannelId, Campaign> toCampaigns = new LinkedHashMap<>();
        to.campaigns().forEach(c -> toCampaigns.put(c.channel(), c));
        compare(guild, "campaign", fromCampaigns, toCampaigns, channel -> "channel " + channel, Campaign::name, out);

        Map<String, PlayerCharacter> fromCharacters = characters(from);
        Map<String, PlayerCharacter> toCharacters = characters(to);
        compare(guild, "character", fromCharacters, toCharacters, key -> key, PlayerCharacter::name, out);

        Map<String, Npc> fromNpcs = npcs(from);
        Map<String, Npc> toNpcs = npcs(to);
        compare(guild, "npc", fromNpcs, toNpcs, key -> key, Npc::name, out);
    }

    private static Map<String, PlayerCharacter> characters(GuildState state) {
        Map<String, PlayerCharacter> all = new LinkedHashMap<>();
        for (Map.Entry<UserId, Map<ChannelId, PlayerCharacter>> byUser : state.charactersByUser().entrySet()) {
            for (PlayerCharacter character : byUser.getValue().values()) {
                all.put("channel " + character.channel() + " user " + character.user(), character);
            }
        }
        return all;
    }

    private static Map<String, Npc> npcs(GuildState state) {
        Map<String, Npc> all = new LinkedHashMap<>();
        for (Map.Entry<ChannelId, Map<NpcId, Npc>> byChannel : state.npcsByChannel().entrySet()) {
            for (Npc npc : byChannel.getValue().values()) {
                all.put("channel " + npc.channel() + " npc " + npc.id(), npc);
            }
        }
        return all;
    }

    private static <K, V> void compare(GuildId guild, String record, Map<K, V> from, Map<K, V> to,
                                       java.util.function.Function<K, String> where,
                                       java.util.function.Function<V, String> name, List<Change> out) {
        for (Map.Entry<K, V> entry : to.entrySet()) {
            V old = from.get(entry.getKey());
            if (old == null) {
                out.add(new Change(guild, record, "added", where.apply(entry.getKey()), name.apply(entry.getValue())));
            } else if (!Objects.equals(old, entry.getValue())) {
                out.add(new Change(guild, record, "changed", where.apply(entry.getKey()), name.apply(entry.getValue())));
            }
        }
        for (Map.Entry<K, V> entry : from.entrySet()) {
            if (!to.containsKey(entry.getKey())) {
                out.add(new Change(guild, record, "removed", where.apply(entry.getKey()), name.apply(entry.getValue())));
            }
        }
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
