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

    /** Snapshot bytes per distinct user, channel and guild in generated seed-shaped data (rounded down). */
    static final long BYTES_PER_USER = 400;
    static final long BYTES_PER_CHANNEL = 2_500;
    static final long BYTES_PER_GUILD = 12_000;

    // keyed by the id itself (a long inside), not its text: the table keeps no strings alive
    private final ConcurrentHashMap<UserId, UserId> users;
    private final ConcurrentHashMap<ChannelId, ChannelId> channels;
    private final ConcurrentHashMap<GuildId, GuildId> guilds;

    /**
     * Tables sized for snapshot files of about this many bytes in all, so a big load does not spend
     * its time growing them (each growth rehashes every entry while the other files' readers wait).
     */
    SharedIds(long snapshotBytes) {
        users = new ConcurrentHashMap<>(capacity(snapshotBytes / BYTES_PER_USER, 1 << 12, 1 << 22));
        channels = new ConcurrentHashMap<>(capacity(snapshotBytes / BYTES_PER_CHANNEL, 1 << 10, 1 << 20));
        guilds = new ConcurrentHashMap<>(capacity(snapshotBytes / BYTES_PER_GUILD, 1 << 10, 1 << 18));
    }

    static int capacity(long estimate, int least, int most) {
        return (int) Math.max(least, Math.min(most, estimate));
    }

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
