package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.GuildState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Test data and random mutations shared by the store tests. */
final class Fixtures {

    private Fixtures() {
    }

    static JsonStoreConfig config(Path dir) {
        return JsonStoreConfig.defaults(dir).withJournalPreallocateBytes(64 << 10)
                .withCheckpointTriggers(1_000_000, 1L << 40, Duration.ofHours(1));
    }

    static GuildId guild(int n) {
        return GuildId.of(1000L + n);
    }

    static Campaign campaign(GuildId guild, long channel, String name, long gm, List<UserId> players) {
        return new Campaign(guild, ChannelId.of(channel), name, UserId.of(gm), RoleId.of(channel + 1),
                RoleId.of(channel + 2), Optional.empty(), players);
    }

    static PlayerCharacter character(GuildId guild, long user, long channel, String name) {
        return new PlayerCharacter(guild, UserId.of(user), ChannelId.of(channel), name,
                Optional.of("https://example.com/" + user + ".png"), "A description of " + name);
    }

    static Npc npc(GuildId guild, long channel, String id, String name) {
        return new Npc(guild, ChannelId.of(channel), NpcId.of(id), name, Optional.empty(), UserId.of(7));
    }

    /** A random mutation for a guild, deterministic in {@code random}; never empty. */
    static List<RecordChange> randomChanges(Random random, GuildState current) {
        GuildId guild = current.guild();
        List<RecordChange> changes = new ArrayList<>();
        int kind = random.nextInt(10);
        long channel = 500 + random.nextInt(4);
        long user = 900 + random.nextInt(5);
        String name = "Name ✨ " + random.nextInt(1000);
        switch (kind) {
            case 0, 1, 2 -> {
                List<UserId> players = new ArrayList<>();
                for (int i = 0; i < random.nextInt(4); i++) {
                    UserId player = UserId.of(900 + i);
                    players.add(player);
                }
                changes.add(new RecordChange.PutCampaign(campaign(guild, channel, name, 7, players)));
            }
            case 3 -> changes.add(new RecordChange.RemoveCampaign(guild, ChannelId.of(channel)));
            case 4, 5 -> changes.add(new RecordChange.PutCharacter(character(guild, user, channel, name)));
            case 6 -> changes.add(new RecordChange.RemoveCharacter(guild, UserId.of(user), ChannelId.of(channel)));
            case 7 -> changes.add(new RecordChange.PutNpc(npc(guild, channel, "npc-" + random.nextInt(3), name)));
            case 8 -> changes.add(new RecordChange.RemoveNpc(guild, ChannelId.of(channel),
                    NpcId.of("npc-" + random.nextInt(3))));
            default -> {
                changes.add(new RecordChange.PutCampaign(campaign(guild, channel, name, 7, List.of(UserId.of(user)))));
                changes.add(new RecordChange.PutCharacter(character(guild, user, channel, name + " pc")));
                changes.add(new RecordChange.PutNpc(npc(guild, channel, "boss", name + " boss")));
            }
        }
        return changes;
    }
}
