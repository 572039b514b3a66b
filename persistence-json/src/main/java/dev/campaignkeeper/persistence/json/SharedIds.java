package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One id object per id across the three snapshot files of one load: a user is a campaign's player
 * in {@code campaigns.json}, a character's owner in {@code characters.json} and an NPC's creator in
 * {@code npcs.json}, and without this each file's reader would keep its own copy. The files are
 * read concurrently, so the tables are concurrent; they live only for the load.
 */
final class SharedIds {

    private final ConcurrentHashMap<String, UserId> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ChannelId> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, GuildId> guilds = new ConcurrentHashMap<>();

    UserId user(String text) {
        UserId known = users.get(text);
        return known != null ? known : users.computeIfAbsent(text, UserId::of);
    }

    ChannelId channel(String text) {
        ChannelId known = channels.get(text);
        return known != null ? known : channels.computeIfAbsent(text, ChannelId::of);
    }

    GuildId guild(String text) {
        GuildId known = guilds.get(text);
        return known != null ? known : guilds.computeIfAbsent(text, GuildId::of);
    }
}
