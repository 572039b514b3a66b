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

    // keyed by the id itself (a long inside), not its text: the table keeps no strings alive
    private final ConcurrentHashMap<UserId, UserId> users = new ConcurrentHashMap<>(1 << 12);
    private final ConcurrentHashMap<ChannelId, ChannelId> channels = new ConcurrentHashMap<>(1 << 10);
    private final ConcurrentHashMap<GuildId, GuildId> guilds = new ConcurrentHashMap<>(1 << 10);

    UserId user(String text) {
        return share(users, UserId.of(text));
    }

    ChannelId channel(String text) {
        return share(channels, ChannelId.of(text));
    }

    GuildId guild(String text) {
        return share(guilds, GuildId.of(text));
    }

    private static <T> T share(ConcurrentHashMap<T, T> table, T id) {
        T known = table.putIfAbsent(id, id);
        return known != null ? known : id;
    }
}
