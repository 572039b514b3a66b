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

    /** The most entries a table is sized for up front (a bigger load grows it as it goes). */
    static final int MAX_PRESIZE = 1 << 22;
    /** Bytes of {@code characters.json} per character, about (the seed's records are 230 to 350). */
    static final long CHARACTER_BYTES = 256;
    /** Bytes of {@code campaigns.json} per campaign, about. */
    static final long CAMPAIGN_BYTES = 384;
    /** Bytes of the three files per guild, about. */
    static final long GUILD_BYTES = 8192;

    // keyed by the id itself (a long inside), not its text: the table keeps no strings alive
    private final ConcurrentHashMap<UserId, UserId> users;
    private final ConcurrentHashMap<ChannelId, ChannelId> channels;
    private final ConcurrentHashMap<GuildId, GuildId> guilds;

    /** Tables for a small load; they grow as needed. */
    SharedIds() {
        this(1 << 12, 1 << 10, 1 << 10);
    }

    private SharedIds(int users, int channels, int guilds) {
        this.users = new ConcurrentHashMap<>(users);
        this.channels = new ConcurrentHashMap<>(channels);
        this.guilds = new ConcurrentHashMap<>(guilds);
    }

    /**
     * Tables sized for files of these sizes, so a big load does not copy them over and over as they
     * grow (each doubling rehashes every id read so far). The estimate only sizes the tables.
     *
     * @param characterBytes the size of {@code characters.json} (0 if missing)
     * @param campaignBytes the size of {@code campaigns.json}
     * @param totalBytes the three files' size
     */
    static SharedIds sizedFor(long characterBytes, long campaignBytes, long totalBytes) {
        return new SharedIds(presize(characterBytes / CHARACTER_BYTES, 1 << 12),
                presize(campaignBytes / CAMPAIGN_BYTES, 1 << 10), presize(totalBytes / GUILD_BYTES, 1 << 10));
    }

    private static int presize(long estimate, int least) {
        return (int) Math.max(least, Math.min(MAX_PRESIZE, estimate));
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
