package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory written by the seed's Python bot opens as it is and stays readable in the seed's shape. */
class SeedCompatibilityTest {

    @TempDir
    Path dir;

    // Built from the seed document's structures (json.dump(indent=2, ensure_ascii=False)).
    private static final String CAMPAIGNS = """
            {
              "111111111111111111": {
                "222222222222222222": {
                  "name": "The Dragon's Hoard 🐉",
                  "gm_id": "333333333333333333",
                  "player_role_id": "444444444444444444",
                  "gm_role_id": "555555555555555555",
                  "webhook_id": "666666666666666666",
                  "players": ["777777777777777777", "888888888888888888"]
                },
                "222222222222222223": {
                  "name": "Discord Quest",
                  "gm_id": "333333333333333333",
                  "player_role_id": "444444444444444445",
                  "gm_role_id": "555555555555555556",
                  "players": []
                }
              },
              "999999999999999999": {}
            }""";

    private static final String CHARACTERS = """
            {
              "111111111111111111": {
                "777777777777777777": {
                  "222222222222222222": {
                    "name": "Aëlith 森",
                    "avatar_url": "https://example.com/a.png",
                    "description": ""
                  }
                },
                "123123123123123123": {
                  "222222222222222222": {
                    "name": "Not a player",
                    "avatar_url": "",
                    "description": "Joined before the rules"
                  }
                }
              },
              "999999999999999999": {}
            }""";

    private static final String NPCS = """
            {
              "111111111111111111": {
                "222222222222222222": {
                  "npc_1": {
                    "name": "Old Tom",
                    "avatar_url": "",
                    "creator_id": "333333333333333333"
                  },
                  "Goblin King!": {
                    "name": "Goblin King",
                    "avatar_url": null,
                    "creator_id": "333333333333333333"
                  }
                }
              }
            }""";

    private void writeSeedDirectory() throws IOException {
        Files.writeString(dir.resolve("campaigns.json"), CAMPAIGNS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("characters.json"), CHARACTERS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("npcs.json"), NPCS, StandardCharsets.UTF_8);
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Files.writeString(backups.resolve("campaigns.json.20240101120000"), CAMPAIGNS, StandardCharsets.UTF_8);
        Files.writeString(backups.resolve("characters.json.20240101120000"), CHARACTERS, StandardCharsets.UTF_8);
        Files.writeString(backups.resolve("npcs.json.20240101120000"), "{}", StandardCharsets.UTF_8);
    }

    @Test
    void seedDirectoryOpensAsItIsKeepingOddValuesAndReportingThem() throws IOException {
        writeSeedDirectory();
        GuildId guild = GuildId.of("111111111111111111");
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.source()).isEqualTo(RecoveryReport.Source.SEED_IMPORT);
            assertThat(report.dataLost()).isFalse();
            assertThat(report.warnings()).anyMatch(w -> w.file().equals("campaigns.json")
                    && w.location().contains("222222222222222223") && w.message().contains("discord"));
            GuildState state = store.guild(guild);
            Campaign dragons = state.campaign(ChannelId.of("222222222222222222")).orElseThrow();
            assertThat(dragons.name()).isEqualTo("The Dragon's Hoard 🐉");
            assertThat(dragons.webhook()).isPresent();
            Campaign quest = state.campaign(ChannelId.of("222222222222222223")).orElseThrow();
            assertThat(quest.webhook()).isEmpty();
            assertThat(quest.name()).isEqualTo("Discord Quest");
            PlayerCharacter stranger = state.character(ChannelId.of("222222222222222222"),
                    UserId.of("123123123123123123")).orElseThrow();
            assertThat(stranger.avatarUrl()).isEmpty();
            assertThat(state.npc(ChannelId.of("222222222222222222"), NpcId.of("Goblin King!"))).get()
                    .satisfies(npc -> assertThat(npc.avatarUrl()).isEmpty());
            assertThat(state.character(ChannelId.of("222222222222222222"), UserId.of("777777777777777777")))
                    .get().extracting(PlayerCharacter::name).isEqualTo("Aëlith 森");
            assertThat(store.guilds()).containsExactly(guild);
        }
        assertThat(DataDirectory.at(dir).backups(true)).anySatisfy(backup -> {
            assertThat(backup.id()).isEqualTo("seed-20240101120000");
            assertThat(backup.seedStyle()).isTrue();
            assertThat(backup.valid()).isTrue();
        });
    }

    @Test
    void filesWrittenByTheStoreKeepTheSeedShapeAndRoundTrip() throws IOException {
        writeSeedDirectory();
        GuildId guild = GuildId.of("111111111111111111");
        Map<GuildId, GuildState> before = new HashMap<>();
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            store.update(guild, state -> Update.of(null, new RecordChange.PutCharacter(new PlayerCharacter(guild,
                    UserId.of("888888888888888888"), ChannelId.of("222222222222222222"), "Brí \"the Bold\"",
                    Optional.empty(), "Line one\nLine two"))));
            store.guilds().forEach(g -> before.put(g, store.guild(g)));
            store.checkpoint();
        }
        String campaignsText = Files.readString(dir.resolve("campaigns.json"), StandardCharsets.UTF_8);
        assertThat(campaignsText).contains("🐉").doesNotContain("\\u").startsWith("{\n  \"111111111111111111\": {\n    ");
        JsonObject campaigns = JsonParser.parseString(campaignsText).getAsJsonObject();
        JsonObject dragons = campaigns.getAsJsonObject("111111111111111111").getAsJsonObject("222222222222222222");
        assertThat(dragons.keySet()).containsExactly("name", "gm_id", "player_role_id", "gm_role_id", "webhook_id",
                "players");
        assertThat(campaigns.getAsJsonObject("111111111111111111").getAsJsonObject("222222222222222223").keySet())
                .containsExactly("name", "gm_id", "player_role_id", "gm_role_id", "players");
        JsonObject characters = JsonParser.parseString(Files.readString(dir.resolve("characters.json")))
                .getAsJsonObject();
        JsonObject bri = characters.getAsJsonObject("111111111111111111").getAsJsonObject("888888888888888888")
                .getAsJsonObject("222222222222222222");
        assertThat(bri.keySet()).containsExactly("name", "avatar_url", "description");
        assertThat(bri.get("avatar_url").getAsString()).isEmpty();
        JsonObject npcs = JsonParser.parseString(Files.readString(dir.resolve("npcs.json"))).getAsJsonObject();
        for (Map.Entry<String, JsonElement> npc : npcs.getAsJsonObject("111111111111111111")
                .getAsJsonObject("222222222222222222").entrySet()) {
            assertThat(npc.getValue().getAsJsonObject().keySet()).containsExactly("name", "avatar_url", "creator_id");
            assertThat(npc.getValue().getAsJsonObject().get("avatar_url").isJsonPrimitive()).isTrue();
        }
        assertThat(Set.of(Files.list(dir).map(p -> p.getFileName().toString()).toArray()))
                .contains("campaigns.json", "characters.json", "npcs.json", "manifest.json");

        try (JsonCampaignStore reopened = JsonCampaignStore.open(Fixtures.config(dir))) {
            Map<GuildId, GuildState> after = new HashMap<>();
            reopened.guilds().forEach(g -> after.put(g, reopened.guild(g)));
            assertThat(after).isEqualTo(before);
            assertThat(reopened.recoveryReport().source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
            assertThat(reopened.recoveryReport().clean()).isTrue();
        }
    }

    @Test
    void missingSeedFilesAreEmptyAndAnEmptyDirectoryIsANewStore() throws IOException {
        Files.writeString(dir.resolve("campaigns.json"), "{}", StandardCharsets.UTF_8);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            assertThat(store.guilds()).isEmpty();
            assertThat(store.recoveryReport().source()).isEqualTo(RecoveryReport.Source.SEED_IMPORT);
        }
        Path fresh = dir.resolve("fresh");
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(fresh))) {
            assertThat(store.recoveryReport().source()).isEqualTo(RecoveryReport.Source.NEW);
            assertThat(List.of(Files.getPosixFilePermissions(fresh)))
                    .containsExactly(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }
}
