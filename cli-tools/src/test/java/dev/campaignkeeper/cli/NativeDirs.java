package dev.campaignkeeper.cli;

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
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test helper: data directories written by the real JSON store. */
final class NativeDirs {

    static final GuildId GUILD = GuildId.of("900000000000000001");
    static final ChannelId CHANNEL = ChannelId.of("900000000000000002");
    static final UserId GM = UserId.of("900000000000000003");
    static final UserId PLAYER = UserId.of("900000000000000004");

    private NativeDirs() {
    }

    static Campaign campaign(String name, List<UserId> players) {
        return new Campaign(GUILD, CHANNEL, name, GM, RoleId.of("900000000000000005"),
                RoleId.of("900000000000000006"), Optional.of(WebhookId.of("900000000000000007")), players);
    }

    static PlayerCharacter hero(String description) {
        return new PlayerCharacter(GUILD, PLAYER, CHANNEL, "Hero", Optional.of("https://example.com/hero.png"),
                description);
    }

    static Npc npc(String id, String name) {
        return new Npc(GUILD, CHANNEL, NpcId.of(id), name, Optional.empty(), GM);
    }

    static JsonStoreConfig config(Path dir) {
        return JsonStoreConfig.defaults(dir);
    }

    /**
     * A healthy directory: a campaign with a player, their character and an NPC, checkpointed
     * (so there is a backup), then one more change left in the journal.
     */
    static Path healthy(Path dir) {
        try (JsonCampaignStore store = JsonCampaignStore.open(config(dir).withCheckpointOnClose(false))) {
            store.update(GUILD, state -> Update.of(null,
                    new RecordChange.PutCampaign(campaign("Dragons of Autumn", List.of(PLAYER))),
                    new RecordChange.PutCharacter(hero("First version")),
                    new RecordChange.PutNpc(npc("npc1", "Innkeeper"))));
            store.checkpoint();
            store.update(GUILD, state -> Update.of(null, new RecordChange.PutCharacter(hero("Second version"))));
        }
        return dir;
    }

    /** Applies more changes to a closed directory. */
    static void change(Path dir, RecordChange... changes) {
        try (JsonCampaignStore store = JsonCampaignStore.open(config(dir).withCheckpointOnClose(false))) {
            store.update(GUILD, state -> new Update<>(List.of(changes), null));
        }
    }

    /** Opens the store in this JVM, holding the directory's write lock until closed. */
    static JsonCampaignStore hold(Path dir) {
        return JsonCampaignStore.open(config(dir));
    }
}
