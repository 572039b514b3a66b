package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignSettings;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import java.sql.Array;
import dev.campaignkeeper.persistence.postgres.RoundTrip.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guild's rows: reading them into a {@link GuildState} in stored order, and writing
 * {@link RecordChange}s to them. Both run on the caller's connection and transaction.
 */
final class GuildRows {

    private static final String BUMP = "UPDATE guilds SET epoch = epoch + 1 WHERE guild_id = ? RETURNING epoch, owner";
    private static final String LOCK = "INSERT INTO guilds (guild_id, epoch, owner) VALUES (?, 1, ?::bigint)"
            + " ON CONFLICT (guild_id) DO UPDATE SET epoch = guilds.epoch + 1 RETURNING epoch, owner";
    private static final String LOCK_ALL = "INSERT INTO guilds (guild_id, epoch, owner)"
            + " SELECT g, 1, ?::bigint FROM unnest(?::text[]) AS g ORDER BY g COLLATE \"C\""
            + " ON CONFLICT (guild_id) DO UPDATE SET epoch = guilds.epoch + 1 RETURNING guild_id, epoch, owner";
    // the previous owners' locks in one order, so two processes taking guilds over cannot deadlock on them
    private static final String WAIT_FOR_OWNERS =
            "SELECT pg_advisory_xact_lock(o) FROM (SELECT DISTINCT o FROM unnest(?::text[]::bigint[]) AS o) d ORDER BY o";
    private static final String TAKE_OVER = "UPDATE guilds SET owner = ?::bigint WHERE guild_id = ANY(?::text[])";
    private static final String OWNING = "SELECT pg_advisory_xact_lock_shared(?)";
    // an ownership check fails with a cast error naming the problem (SQLSTATE 22P02) when a guild is
    // not owned at the epoch expected: the error aborts the transaction, so the writes after it are not run
    private static final String NOT_OWNED = " THEN 1 ELSE ('a guild changed owner since this process wrote it: '"
            + " || count(*) || ' of the guilds were as cached')::integer END";
    private static final String OWNED_ONE = "SELECT CASE WHEN count(*) = 1" + NOT_OWNED
            + " FROM guilds WHERE guild_id = ? AND epoch = ? AND owner = ?";
    // one primary-key lookup per guild, whatever plan the server chooses: as a join, the server's
    // generic plan scanned the whole guilds table (0.3 ms at 1,000 guilds, on every batch)
    private static final String OWNED = "SELECT CASE WHEN count(*) = ?" + NOT_OWNED
            + " FROM unnest(?::text[], ?::bigint[]) AS e(guild_id, epoch) CROSS JOIN LATERAL"
            + " (SELECT 1 FROM guilds g WHERE g.guild_id = e.guild_id AND g.epoch = e.epoch AND g.owner = ?"
            + " OFFSET 0) AS owned";
    private static final String ROW = "SELECT epoch, owner FROM guilds WHERE guild_id = ?";
    private static final String CAMPAIGNS = "SELECT channel_id, name, gm_id, player_role_id, gm_role_id, webhook_id,"
            + " ARRAY(SELECT p.user_id FROM campaign_players p WHERE p.guild_id = c.guild_id"
            + " AND p.channel_id = c.channel_id ORDER BY p.position) AS players, proxy_tags, players_may_log"
            + " FROM campaigns c WHERE guild_id = ? ORDER BY seq";
    private static final String CHARACTERS = "SELECT user_id, channel_id, name, avatar_url, description,"
            + " proxy_prefixes, proxy_suffixes, autoproxy FROM characters WHERE guild_id = ? ORDER BY user_seq, seq";
    private static final String NPCS = "SELECT channel_id, npc_id, name, avatar_url, creator_id,"
            + " proxy_prefixes, proxy_suffixes FROM npcs WHERE guild_id = ? ORDER BY channel_seq, seq";
    private static final String PUT_CAMPAIGN = "INSERT INTO campaigns (guild_id, channel_id, seq, name, gm_id,"
            + " player_role_id, gm_role_id, webhook_id, proxy_tags, players_may_log)"
            + " VALUES (?, ?, nextval('record_seq'), ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (guild_id, channel_id) DO UPDATE SET name = EXCLUDED.name, gm_id = EXCLUDED.gm_id,"
            + " player_role_id = EXCLUDED.player_role_id, gm_role_id = EXCLUDED.gm_role_id,"
            + " webhook_id = EXCLUDED.webhook_id, proxy_tags = EXCLUDED.proxy_tags,"
            + " players_may_log = EXCLUDED.players_may_log";
    private static final String CLEAR_PLAYERS = "DELETE FROM campaign_players WHERE guild_id = ? AND channel_id = ?";
    private static final String PUT_PLAYERS = "INSERT INTO campaign_players (guild_id, channel_id, position, user_id)"
            + " SELECT ?, ?, t.position, t.user_id FROM unnest(?::text[]) WITH ORDINALITY AS t(user_id, position)";
    private static final String UPDATE_CAMPAIGN = "UPDATE campaigns SET name = ?, gm_id = ?, player_role_id = ?,"
            + " gm_role_id = ?, webhook_id = ?, proxy_tags = ?, players_may_log = ? WHERE guild_id = ? AND channel_id = ?";
    private static final String UPDATE_CHARACTER = "UPDATE characters SET name = ?, avatar_url = ?, description = ?,"
            + " proxy_prefixes = ?, proxy_suffixes = ?, autoproxy = ? WHERE guild_id = ? AND user_id = ? AND channel_id = ?";
    private static final String UPDATE_NPC = "UPDATE npcs SET name = ?, avatar_url = ?, creator_id = ?,"
            + " proxy_prefixes = ?, proxy_suffixes = ? WHERE guild_id = ? AND channel_id = ? AND npc_id = ?";
    private static final String REMOVE_CAMPAIGN = "DELETE FROM campaigns WHERE guild_id = ? AND channel_id = ?";
    private static final String PUT_CHARACTER = "INSERT INTO characters (guild_id, user_id, channel_id, user_seq, seq,"
            + " name, avatar_url, description, proxy_prefixes, proxy_suffixes, autoproxy) VALUES (?, ?, ?,"
            + " COALESCE((SELECT o.user_seq FROM characters o WHERE o.guild_id = ? AND o.user_id = ? LIMIT 1),"
            + " nextval('record_seq')), nextval('record_seq'), ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (guild_id, user_id, channel_id) DO UPDATE SET name = EXCLUDED.name,"
            + " avatar_url = EXCLUDED.avatar_url, description = EXCLUDED.description,"
            + " proxy_prefixes = EXCLUDED.proxy_prefixes, proxy_suffixes = EXCLUDED.proxy_suffixes,"
            + " autoproxy = EXCLUDED.autoproxy";
    private static final String REMOVE_CHARACTER =
            "DELETE FROM characters WHERE guild_id = ? AND user_id = ? AND channel_id = ?";
    private static final String PUT_NPC = "INSERT INTO npcs (guild_id, channel_id, npc_id, channel_seq, seq, name,"
            + " avatar_url, creator_id, proxy_prefixes, proxy_suffixes) VALUES (?, ?, ?, COALESCE((SELECT o.channel_seq"
            + " FROM npcs o WHERE o.guild_id = ? AND o.channel_id = ? LIMIT 1), nextval('record_seq')),"
            + " nextval('record_seq'), ?, ?, ?, ?, ?)"
            + " ON CONFLICT (guild_id, channel_id, npc_id) DO UPDATE SET name = EXCLUDED.name,"
            + " avatar_url = EXCLUDED.avatar_url, creator_id = EXCLUDED.creator_id,"
            + " proxy_prefixes = EXCLUDED.proxy_prefixes, proxy_suffixes = EXCLUDED.proxy_suffixes";
    private static final String REMOVE_NPC = "DELETE FROM npcs WHERE guild_id = ? AND channel_id = ? AND npc_id = ?";
    private static final String GUILDS = "SELECT guild_id FROM campaigns UNION SELECT guild_id FROM characters"
            + " UNION SELECT guild_id FROM npcs ORDER BY 1";

    private GuildRows() {
    }

    /**
     * A guild's row as a transaction locked it, or as a read saw it.
     *
     * @param epoch the epoch this transaction commits (locked), or the committed one (read); 0 if
     *     the guild has no row
     * @param owner the token of the store that owns the guild, 0 if none does
     */
    record Row(long epoch, long owner) {
    }

    /**
     * Locks the guild's row until the transaction ends (creating it, owned by {@code owner}, if
     * needed) and bumps its epoch.
     *
     * @return the epoch this transaction commits (the committed state's is one less) and the owner
     */
    static Row lockAndBump(Connection connection, GuildId guild, long owner) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BUMP)) {
            statement.setString(1, guild.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return new Row(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, guild.value());
            statement.setString(2, String.valueOf(owner));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Row(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /**
     * Locks several guilds' rows until the transaction ends (creating them, owned by {@code owner},
     * if needed) and bumps their epochs, in one round trip. The rows are locked in the order of their
     * ids, so two transactions locking overlapping sets, in this process or another, cannot deadlock
     * on them.
     *
     * @param guilds distinct guilds
     * @return each guild's row as locked
     */
    static Map<GuildId, Row> lockAndBump(Connection connection, Collection<GuildId> guilds, long owner)
            throws SQLException {
        Map<GuildId, Row> locked = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCK_ALL)) {
            statement.setString(1, String.valueOf(owner));
            statement.setArray(2, connection.createArrayOf("text",
                    guilds.stream().map(GuildId::value).toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    locked.put(GuildId.of(rows.getString(1)), new Row(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        if (locked.size() != guilds.size()) {
            throw new IllegalStateException("locked " + locked.size() + " guild rows for " + guilds.size()
                    + " guilds: " + guilds);
        }
        return locked;
    }

    /**
     * Makes {@code owner} the owner of guilds whose rows this transaction has locked, once every
     * transaction their previous owners commit without the row lock has ended: it takes each previous
     * owner's advisory lock exclusively (those transactions hold it shared), so that a state read
     * after this call holds all they wrote, and none of theirs can commit until this transaction
     * ends, when their ownership check fails.
     *
     * @param previous each guild's previous owner (0 for none)
     */
    static void takeOver(Connection connection, Map<GuildId, Long> previous, long owner) throws SQLException {
        String[] owners = previous.values().stream().filter(o -> o != 0).map(String::valueOf).toArray(String[]::new);
        if (owners.length > 0) {
            try (PreparedStatement statement = connection.prepareStatement(WAIT_FOR_OWNERS)) {
                statement.setArray(1, connection.createArrayOf("text", owners));
                statement.executeQuery().close();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(TAKE_OVER)) {
            statement.setString(1, String.valueOf(owner));
            statement.setArray(2, connection.createArrayOf("text",
                    previous.keySet().stream().map(GuildId::value).toArray(String[]::new)));
            statement.executeUpdate();
        }
    }

    /**
     * The statements that make a transaction of {@code owner}'s that writes without the guilds' row
     * locks safe: they take the owner's advisory lock shared (so a takeover waits for the transaction,
     * and the statements after it see every takeover committed before), then check that every guild
     * is still owned by {@code owner} at the epoch expected, and otherwise fail (SQLSTATE class 22),
     * which aborts the transaction so that nothing after them is stored. Nothing is written.
     *
     * @param expected distinct guilds, each with a row, and the committed epoch each should have
     */
    static List<Statement> checkOwned(Map<GuildId, Long> expected, long owner) {
        Statement owning = new Statement(OWNING, owner);
        if (expected.size() == 1) {
            Map.Entry<GuildId, Long> only = expected.entrySet().iterator().next();
            return List.of(owning, new Statement(OWNED_ONE, only.getKey().value(), only.getValue(), owner));
        }
        String[] guilds = new String[expected.size()];
        Long[] epochs = new Long[expected.size()];
        int i = 0;
        for (Map.Entry<GuildId, Long> entry : expected.entrySet()) {
            guilds[i] = entry.getKey().value();
            epochs[i] = entry.getValue();
            i++;
        }
        return List.of(owning, new Statement(OWNED, (long) expected.size(), guilds, epochs, owner));
    }

    /** The guild's committed row: its epoch (0 if it was never written) and owner (0 if none). */
    static Row row(Connection connection, GuildId guild) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ROW)) {
            statement.setString(1, guild.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Row(rows.getLong(1), rows.getLong(2)) : new Row(0, 0);
            }
        }
    }

    /** The ids of guilds with at least one record. */
    static List<GuildId> guilds(Connection connection) throws SQLException {
        List<GuildId> guilds = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(GUILDS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                guilds.add(GuildId.of(rows.getString(1)));
            }
        }
        return guilds;
    }

    /** Reads the guild's records in stored order. */
    static GuildState load(Connection connection, GuildId guild) throws SQLException {
        List<RecordChange> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CAMPAIGNS)) {
            statement.setString(1, guild.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<UserId> players = new ArrayList<>();
                    Array array = rows.getArray("players");
                    for (Object user : (Object[]) array.getArray()) {
                        players.add(UserId.of((String) user));
                    }
                    array.free();
                    records.add(new RecordChange.PutCampaign(new Campaign(guild, ChannelId.of(rows.getString(1)),
                            rows.getString(2), UserId.of(rows.getString(3)), RoleId.of(rows.getString(4)),
                            RoleId.of(rows.getString(5)), Optional.ofNullable(rows.getString(6)).map(WebhookId::of),
                            players, new CampaignSettings(rows.getBoolean("proxy_tags"),
                                    rows.getBoolean("players_may_log")))));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(CHARACTERS)) {
            statement.setString(1, guild.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(new RecordChange.PutCharacter(new PlayerCharacter(guild, UserId.of(rows.getString(1)),
                            ChannelId.of(rows.getString(2)), rows.getString(3), Optional.ofNullable(rows.getString(4)),
                            rows.getString(5), tags(rows), rows.getBoolean("autoproxy"))));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(NPCS)) {
            statement.setString(1, guild.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(new RecordChange.PutNpc(new Npc(guild, ChannelId.of(rows.getString(1)),
                            NpcId.of(rows.getString(2)), rows.getString(3), Optional.ofNullable(rows.getString(4)),
                            UserId.of(rows.getString(5)), tags(rows))));
                }
            }
        }
        return GuildState.empty(guild).apply(records);
    }

    /** The proxy tags of a character or NPC row: its prefix and suffix arrays, position by position. */
    private static List<ProxyTag> tags(ResultSet rows) throws SQLException {
        String[] prefixes = texts(rows, "proxy_prefixes");
        String[] suffixes = texts(rows, "proxy_suffixes");
        List<ProxyTag> tags = new ArrayList<>(prefixes.length);
        for (int i = 0; i < prefixes.length; i++) {
            tags.add(new ProxyTag(prefixes[i], suffixes[i]));
        }
        return tags;
    }

    private static String[] texts(ResultSet rows, String column) throws SQLException {
        Array array = rows.getArray(column);
        Object[] values = (Object[]) array.getArray();
        array.free();
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = (String) values[i];
        }
        return texts;
    }

    private static String[] prefixes(List<ProxyTag> tags) {
        return tags.stream().map(ProxyTag::prefix).toArray(String[]::new);
    }

    private static String[] suffixes(List<ProxyTag> tags) {
        return tags.stream().map(ProxyTag::suffix).toArray(String[]::new);
    }

    /**
     * The statements that write the changes, in order, to a guild whose stored state is
     * {@code current}; nothing is sent yet (see {@link RoundTrip#send}). The guild's row must be locked
     * by the transaction they run in. Records that exist in {@code current} are updated in place
     * (they keep their position); new ones are inserted at the end.
     *
     * @param track whether a change may see records an earlier change in the list created (false
     *     only where every key comes once, which saves applying each change)
     */
    static List<Statement> statements(GuildState current, List<RecordChange> changes, boolean track) {
        List<Statement> statements = new ArrayList<>();
        GuildState state = current;
        for (RecordChange change : changes) {
            String guild = change.guild().value();
            if (change instanceof RecordChange.PutCampaign put) {
                Campaign campaign = put.campaign();
                String channel = campaign.channel().value();
                Optional<Campaign> old = state.campaign(campaign.channel());
                String webhook = campaign.webhook().map(WebhookId::value).orElse(null);
                if (old.isPresent()) {
                    statements.add(new Statement(UPDATE_CAMPAIGN, campaign.name(), campaign.gm().value(),
                            campaign.playerRole().value(), campaign.gmRole().value(), webhook,
                            campaign.settings().proxyTags(), campaign.settings().playersMayLog(), guild, channel));
                } else {
                    statements.add(new Statement(PUT_CAMPAIGN, guild, channel, campaign.name(), campaign.gm().value(),
                            campaign.playerRole().value(), campaign.gmRole().value(), webhook,
                            campaign.settings().proxyTags(), campaign.settings().playersMayLog()));
                }
                if (old.isEmpty() || !old.get().players().equals(campaign.players())) {
                    if (old.isPresent()) {
                        statements.add(new Statement(CLEAR_PLAYERS, guild, channel));
                    }
                    if (!campaign.players().isEmpty()) {
                        statements.add(new Statement(PUT_PLAYERS, guild, channel,
                                campaign.players().stream().map(UserId::value).toArray(String[]::new)));
                    }
                }
            } else if (change instanceof RecordChange.RemoveCampaign remove) {
                statements.add(new Statement(REMOVE_CAMPAIGN, guild, remove.channel().value()));
            } else if (change instanceof RecordChange.PutCharacter put) {
                PlayerCharacter character = put.character();
                String user = character.user().value();
                String channel = character.channel().value();
                String avatar = character.avatarUrl().orElse(null);
                if (state.character(character.channel(), character.user()).isPresent()) {
                    statements.add(new Statement(UPDATE_CHARACTER, character.name(), avatar, character.description(),
                            prefixes(character.proxyTags()), suffixes(character.proxyTags()), character.autoproxy(),
                            guild, user, channel));
                } else {
                    statements.add(new Statement(PUT_CHARACTER, guild, user, channel, guild, user, character.name(),
                            avatar, character.description(), prefixes(character.proxyTags()),
                            suffixes(character.proxyTags()), character.autoproxy()));
                }
            } else if (change instanceof RecordChange.RemoveCharacter remove) {
                statements.add(new Statement(REMOVE_CHARACTER, guild, remove.user().value(), remove.channel().value()));
            } else if (change instanceof RecordChange.PutNpc put) {
                Npc npc = put.npc();
                String channel = npc.channel().value();
                String avatar = npc.avatarUrl().orElse(null);
                if (state.npc(npc.channel(), npc.id()).isPresent()) {
                    statements.add(new Statement(UPDATE_NPC, npc.name(), avatar, npc.creator().value(),
                            prefixes(npc.proxyTags()), suffixes(npc.proxyTags()), guild, channel, npc.id().value()));
                } else {
                    statements.add(new Statement(PUT_NPC, guild, channel, npc.id().value(), guild, channel, npc.name(),
                            avatar, npc.creator().value(), prefixes(npc.proxyTags()), suffixes(npc.proxyTags())));
                }
            } else if (change instanceof RecordChange.RemoveNpc remove) {
                statements.add(new Statement(REMOVE_NPC, guild, remove.channel().value(), remove.id().value()));
            }
            if (track && changes.size() > 1) {
                state = state.apply(List.of(change));
            }
        }
        return statements;
    }

    /** Inserts new records, each key once, on this transaction (a copy into an empty schema). */
    static void insertNew(Connection connection, List<RecordChange> records) throws SQLException {
        if (!records.isEmpty()) {
            RoundTrip.send(connection, statements(GuildState.empty(records.get(0).guild()), records, false), false);
        }
    }
}
