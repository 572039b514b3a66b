package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One id object per id across the three snapshot files of one load: a user is a campaign's player
 * in {@code campaigns.json}, a character's owner in {@code characters.json} and an NPC's creator in
 * {@code npcs.json}, and without this each file's reader would keep its own copy.
 *
 * <p>Users and channels are shared within a guild ({@link Guild}): a channel belongs to one guild,
 * and nearly all of a guild's users are repeated only within it. A user active in several guilds
 * gets one object per guild (24 bytes each), which is what keeps this cheap: one table for the
 * whole load (two million ids at 50,000 guilds) cost a tenth of the open's CPU in cache misses and
 * resizing, where a guild's table of about forty ids stays in cache while a file reads the guild.
 * A guild's table is dropped once every file's reader has {@link #leave left} it. The files are
 * read concurrently, so the guild index is concurrent and each guild's table is locked; all of it
 * lives only for the load.
 */
final class SharedIds {

    private final ConcurrentHashMap<GuildId, Guild> guilds = new ConcurrentHashMap<>(1 << 10);
    private final int readers;

    /**
     * @param readers the files read through these ids: a guild's table is dropped once this many
     *                readers have left it (a reader that stops early leaves its tables until the
     *                load ends, which is only memory)
     */
    SharedIds(int readers) {
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, got " + readers);
        }
        this.readers = readers;
    }

    /** The guild id object every file of the load uses for {@code text}. */
    GuildId guild(String text) {
        return table(GuildId.of(text)).id;
    }

    /**
     * The shared ids of {@code guild}, for a reader about to read that guild's records; the reader
     * calls {@link #leave} when it is done with them.
     */
    Guild enter(GuildId guild) {
        return table(guild);
    }

    /** A reader is done with the guild's records: the last of the readers drops the guild's table. */
    void leave(Guild guild) {
        if (guild.left()) {
            guilds.remove(guild.id, guild);
        }
    }

    /** Guilds whose tables are held (readers have not all left them). */
    int held() {
        return guilds.size();
    }

    private Guild table(GuildId guild) {
        Guild known = guilds.get(guild);
        return known != null ? known : guilds.computeIfAbsent(guild, id -> new Guild(id, readers));
    }

    /** One guild's user and channel ids, shared by the files' readers. */
    static final class Guild {
        private final GuildId id;
        private Map<UserId, UserId> users;
        private Map<ChannelId, ChannelId> channels;
        private int readersLeft;

        private Guild(GuildId id, int readers) {
            this.id = id;
            this.readersLeft = readers;
        }

        /** The one object for {@code id} in this guild. */
        synchronized UserId user(UserId id) {
            if (users == null) {
                users = new HashMap<>(64);
            }
            UserId known = users.putIfAbsent(id, id);
            return known != null ? known : id;
        }

        /** The one object for {@code id} in this guild. */
        synchronized ChannelId channel(ChannelId id) {
            if (channels == null) {
                channels = new HashMap<>(16);
            }
            ChannelId known = channels.putIfAbsent(id, id);
            return known != null ? known : id;
        }

        private synchronized boolean left() {
            return --readersLeft == 0;
        }
    }
}
