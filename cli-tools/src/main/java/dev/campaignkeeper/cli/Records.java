package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns records into JSON-ready maps with the seed's field names, and counts them. */
final class Records {

    /** Orders snowflake ids numerically (shorter first, then by digits). */
    static final Comparator<String> SNOWFLAKE_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /** Orders guild ids numerically. */
    static final Comparator<GuildId> GUILD_ORDER = Comparator.comparing(GuildId::value, SNOWFLAKE_ORDER);

    private Records() {
    }

    static Map<String, Object> campaign(Campaign campaign) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("guild_id", campaign.guild().value());
        json.put("channel_id", campaign.channel().value());
        json.put("name", campaign.name());
        json.put("gm_id", campaign.gm().value());
        json.put("player_role_id", campaign.playerRole().value());
        json.put("gm_role_id", campaign.gmRole().value());
        json.put("webhook_id", campaign.webhook().map(Object::toString).orElse(null));
        List<String> players = new ArrayList<>();
        campaign.players().forEach(player -> players.add(player.value()));
        json.put("players", players);
        return json;
    }

    static Map<String, Object> character(PlayerCharacter character) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("guild_id", character.guild().value());
        json.put("user_id", character.user().value());
        json.put("channel_id", character.channel().value());
        json.put("name", character.name());
        json.put("avatar_url", character.avatarUrl().orElse("")); // as the data files write it: "" for none
        json.put("description", character.description());
        return json;
    }

    static Map<String, Object> npc(Npc npc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("guild_id", npc.guild().value());
        json.put("channel_id", npc.channel().value());
        json.put("npc_id", npc.id().value());
        json.put("name", npc.name());
        json.put("avatar_url", npc.avatarUrl().orElse(""));
        json.put("creator_id", npc.creator().value());
        return json;
    }

    static List<Map<String, Object>> characters(Collection<PlayerCharacter> characters) {
        return characters.stream().map(Records::character).toList();
    }

    static List<Map<String, Object>> npcs(Collection<Npc> npcs) {
        return npcs.stream().map(Records::npc).toList();
    }

    static int npcCount(GuildState state) {
        return state.npcsByChannel().values().stream().mapToInt(Map::size).sum();
    }

    static int characterCount(GuildState state) {
        return state.charactersByUser().values().stream().mapToInt(Map::size).sum();
    }

    static List<PlayerCharacter> charactersOf(GuildState state, UserId user) {
        return new ArrayList<>(state.charactersByUser().getOrDefault(user, Map.of()).values());
    }
}
