package dev.campaignkeeper.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.campaignkeeper.core.memory.InMemoryCampaignStore;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helper: reads the seed's three JSON files into an in-memory store (a second, independent reader). */
final class SeedFiles {

    private SeedFiles() {
    }

    static InMemoryCampaignStore load(Path dir) {
        InMemoryCampaignStore store = new InMemoryCampaignStore();
        JsonObject campaigns = read(dir.resolve("campaigns.json"));
        JsonObject characters = read(dir.resolve("characters.json"));
        JsonObject npcs = read(dir.resolve("npcs.json"));
        for (Map.Entry<String, JsonElement> guildEntry : campaigns.entrySet()) {
            GuildId guild = GuildId.of(guildEntry.getKey());
            List<RecordChange> changes = new ArrayList<>();
            for (Map.Entry<String, JsonElement> c : guildEntry.getValue().getAsJsonObject().entrySet()) {
                JsonObject o = c.getValue().getAsJsonObject();
                List<UserId> players = new ArrayList<>();
                o.getAsJsonArray("players").forEach(p -> players.add(UserId.of(p.getAsString())));
                changes.add(new RecordChange.PutCampaign(new Campaign(guild, ChannelId.of(c.getKey()),
                        o.get("name").getAsString(), UserId.of(o.get("gm_id").getAsString()),
                        RoleId.of(o.get("player_role_id").getAsString()), RoleId.of(o.get("gm_role_id").getAsString()),
                        o.has("webhook_id") ? Optional.of(WebhookId.of(o.get("webhook_id").getAsString())) : Optional.empty(),
                        players)));
            }
            apply(store, guild, changes);
        }
        for (Map.Entry<String, JsonElement> guildEntry : characters.entrySet()) {
            GuildId guild = GuildId.of(guildEntry.getKey());
            List<RecordChange> changes = new ArrayList<>();
            for (Map.Entry<String, JsonElement> u : guildEntry.getValue().getAsJsonObject().entrySet()) {
                for (Map.Entry<String, JsonElement> c : u.getValue().getAsJsonObject().entrySet()) {
                    JsonObject o = c.getValue().getAsJsonObject();
                    changes.add(new RecordChange.PutCharacter(new PlayerCharacter(guild, UserId.of(u.getKey()),
                            ChannelId.of(c.getKey()), o.get("name").getAsString(),
                            Optional.ofNullable(o.get("avatar_url")).map(JsonElement::getAsString),
                            o.has("description") ? o.get("description").getAsString() : "")));
                }
            }
            apply(store, guild, changes);
        }
        for (Map.Entry<String, JsonElement> guildEntry : npcs.entrySet()) {
            GuildId guild = GuildId.of(guildEntry.getKey());
            List<RecordChange> changes = new ArrayList<>();
            for (Map.Entry<String, JsonElement> c : guildEntry.getValue().getAsJsonObject().entrySet()) {
                for (Map.Entry<String, JsonElement> n : c.getValue().getAsJsonObject().entrySet()) {
                    JsonObject o = n.getValue().getAsJsonObject();
                    changes.add(new RecordChange.PutNpc(new Npc(guild, ChannelId.of(c.getKey()), NpcId.of(n.getKey()),
                            o.get("name").getAsString(),
                            Optional.ofNullable(o.get("avatar_url")).map(JsonElement::getAsString),
                            UserId.of(o.get("creator_id").getAsString()))));
                }
            }
            apply(store, guild, changes);
        }
        return store;
    }

    private static void apply(InMemoryCampaignStore store, GuildId guild, List<RecordChange> changes) {
        store.update(guild, state -> new Update<>(changes, null));
    }

    private static JsonObject read(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
