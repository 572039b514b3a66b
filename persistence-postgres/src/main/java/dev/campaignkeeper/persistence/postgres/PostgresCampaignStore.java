package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.GuildTransaction;
import dev.campaignkeeper.core.port.StoreMetrics;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.Update;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CampaignStore} on PostgreSQL 15+, safe to share between several processes.
 *
 * <p>{@link #update} runs in one database transaction: it locks the guild's row in {@code guilds}
 * (so transactions on one guild are serialised across every process using the database, while other
 * guilds' run in parallel), reads the guild's state, runs the {@link GuildTransaction}, writes its
 * changes and commits with {@code synchronous_commit = on}, so the change is durable when the call
 * returns. Each committed change bumps the guild's {@code version}; a process keeps the last state it
 * saw of each guild with its version and uses it only when the locked row still has that version, so
 * the cache is correct with any number of processes writing.
 *
 * <p>Open it with {@link #open(PostgresStoreConfig)}; it creates its schema and migrates it (Flyway)
 * on open. Its {@link #postLog()} lives in the same schema.
 */
public final class PostgresCampaignStore implements CampaignStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCampaignStore.class);

    /**
     * How much a store holds.
     *
     * @param guilds guilds with at least one record
     * @param campaigns campaign records
     * @param characters characters
     * @param npcs NPCs
     * @param posts posts in the post log
     */
    public record Counts(long guilds, long campaigns, long characters, long npcs, long posts) {
        /**
         * Validates the counts.
         *
         * @param guilds guilds with at least one record
         * @param campaigns campaign records
         * @param characters characters
         * @param npcs NPCs
         * @param posts posts in the post log
         */
        public Counts {
            if (guilds < 0 || campaigns < 0 || characters < 0 || npcs < 0 || posts < 0) {
                throw new IllegalArgumentException("counts are not negative");
            }
        }

        /**
         * What the given guilds and posts hold.
         *
         * @param guilds the guilds' states
         * @param posts the posts
         * @return their counts
         */
        public static Counts of(Collection<GuildState> guilds, Collection<PostRecord> posts) {
            long withData = 0;
            long campaigns = 0;
            long characters = 0;
            long npcs = 0;
            for (GuildState guild : guilds) {
                withData += guild.isEmpty() ? 0 : 1;
                campaigns += guild.campaigns().size();
                characters += guild.characters().size();
                npcs += guild.recordCount() - guild.campaigns().size() - guild.characters().size();
            }
            return new Counts(withData, campaigns, characters, npcs, posts.size());
        }
    }

    /** A guild's committed state and the version it was committed as. */
    private record Cached(long version, GuildState state) {
    }

    private final Database database;
    private final StoreMetrics metrics;
    private final PostgresPostLog postLog;
    private final Map<GuildId, Cached> cache = new ConcurrentHashMap<>();

    private PostgresCampaignStore(Database database, StoreMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
        this.postLog = new PostgresPostLog(database, database.config().postRetentionPerCampaign());
    }

    /**
     * Connects to the database, creates the schema if it is missing and migrates it to this
     * version's tables.
     *
     * @param config where the database is and how to use it
     * @return the open store
     * @throws StoreException if the database cannot be reached, refuses the user, or cannot be migrated;
     *     the message says what to check and never shows the password
     */
    public static PostgresCampaignStore open(PostgresStoreConfig config) {
        return open(config, StoreMetrics.none());
    }

    /**
     * Opens the store as {@link #open(PostgresStoreConfig)} does, reporting each update's latency;
     * every committed change is its own transaction, so each is reported as a commit of one.
     *
     * @param config where the database is and how to use it
     * @param metrics told about updates and commits
     * @return the open store
     */
    public static PostgresCampaignStore open(PostgresStoreConfig config, StoreMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        Database database = Database.open(config);
        LOG.info("PostgreSQL store open on {}", config.describe());
        return new PostgresCampaignStore(database, metrics);
    }

    /**
     * The settings the store was opened with.
     *
     * @return the configuration (its {@code toString} hides the password)
     */
    public PostgresStoreConfig config() {
        return database.config();
    }

    /**
     * The post log stored in the same database and schema.
     *
     * @return the post log; it fails once the store is closed
     */
    public PostLog postLog() {
        return postLog;
    }

    @Override
    public GuildState guild(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        String action = "reading guild " + guild;
        long version = database.inTransaction(action, connection -> GuildRows.version(connection, guild));
        if (version == 0) {
            return GuildState.empty(guild);
        }
        Cached cached = cache.get(guild);
        if (cached != null && cached.version() == version) {
            return cached.state();
        }
        Cached loaded = database.snapshot(action, connection -> {
            long current = GuildRows.version(connection, guild);
            return new Cached(current, GuildRows.load(connection, guild));
        });
        remember(guild, loaded);
        return loaded.state();
    }

    @Override
    public Set<GuildId> guilds() {
        return new LinkedHashSet<>(database.inTransaction("listing guilds", GuildRows::guilds));
    }

    @Override
    public <T> T update(GuildId guild, GuildTransaction<T> transaction) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(transaction, "transaction");
        long started = System.nanoTime();
        boolean[] changed = new boolean[1];
        T result = updateOnce(guild, state -> {
            Update<T> update = transaction.apply(state);
            changed[0] = !update.changes().isEmpty();
            return update;
        });
        metrics.updated(java.time.Duration.ofNanos(System.nanoTime() - started), changed[0]);
        if (changed[0]) {
            metrics.committed(1);
        }
        return result;
    }

    private <T> T updateOnce(GuildId guild, GuildTransaction<T> transaction) {
        String action = "updating guild " + guild;
        boolean committing = false;
        try (Connection connection = database.connection()) {
            boolean committed = false;
            try {
                long version = GuildRows.lockAndBump(connection, guild);
                Cached cached = cache.get(guild);
                GuildState current = cached != null && cached.version() == version - 1
                        ? cached.state() : GuildRows.load(connection, guild);
                remember(guild, new Cached(version - 1, current));
                Update<T> update = transaction.apply(current);
                List<RecordChange> changes = update.changes();
                if (changes.isEmpty()) {
                    return update.result();
                }
                GuildState next = current.apply(changes);
                committing = true;
                // the last statement carries the COMMIT: one round trip for the writes and the commit
                GuildRows.write(connection, current, changes, true);
                connection.commit(); // a no-op for the driver when the server says no transaction is open
                committed = true;
                remember(guild, new Cached(version, next));
                return update.result();
            } finally {
                if (!committed) {
                    Database.rollbackQuietly(connection);
                }
            }
        } catch (SQLException e) {
            if (committing) {
                // the commit may or may not have happened: read the guild afresh next time
                cache.remove(guild);
            }
            throw database.failure(action, e);
        }
    }

    /**
     * Every post in the post log, oldest first, for copying the log elsewhere
     * ({@code campaign-admin migrate --from}).
     *
     * @return the posts
     */
    public List<PostRecord> allPosts() {
        return postLog.all();
    }

    /**
     * Counts what the store holds, on one consistent snapshot.
     *
     * @return the counts
     */
    public Counts counts() {
        return database.snapshot("counting records", PostgresCampaignStore::count);
    }

    private static Counts count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT"
                + " (SELECT count(*) FROM (SELECT guild_id FROM campaigns UNION SELECT guild_id FROM characters"
                + " UNION SELECT guild_id FROM npcs) g), (SELECT count(*) FROM campaigns),"
                + " (SELECT count(*) FROM characters), (SELECT count(*) FROM npcs), (SELECT count(*) FROM posts)");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Counts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
        }
    }

    /**
     * Copies guilds and posts into this store, which must be empty, in one transaction: either
     * everything is stored, with counts checked against the input before the commit, or nothing.
     * This is how a JSON data directory moves into the database ({@code campaign-admin migrate --to}).
     *
     * @param guilds the guilds, each listing its records in the order to keep
     * @param posts the posts, oldest first (the order {@link PostLog#recent} reverses)
     * @return the counts stored
     * @throws StoreException if the store is not empty or the counts do not match
     */
    public Counts copyIntoEmpty(Collection<GuildState> guilds, Collection<PostRecord> posts) {
        Counts expected = Counts.of(guilds, posts);
        Counts stored = database.inTransaction("copying data into " + database.config().describe(), connection -> {
            try (var statement = connection.createStatement()) {
                // no other process writes while the copy runs
                statement.execute("LOCK TABLE guilds, posts IN EXCLUSIVE MODE");
                try (ResultSet rows = statement.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM guilds) OR EXISTS (SELECT 1 FROM posts)")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        throw new StoreException("the schema " + database.config().schema() + " in "
                                + database.config().describe() + " already holds Campaign Keeper data; copy into"
                                + " an empty schema or database (or drop this schema first if it is a failed"
                                + " earlier attempt: DROP SCHEMA " + database.config().schema() + " CASCADE)");
                    }
                }
            }
            for (GuildState guild : guilds) {
                if (guild.isEmpty()) {
                    continue;
                }
                GuildRows.lockAndBump(connection, guild.guild());
                List<RecordChange> records = new ArrayList<>();
                guild.campaigns().forEach(c -> records.add(new RecordChange.PutCampaign(c)));
                guild.charactersByUser().values().forEach(byChannel -> byChannel.values().forEach(
                        c -> records.add(new RecordChange.PutCharacter(c))));
                guild.npcsByChannel().values().forEach(byId -> byId.values().forEach(
                        n -> records.add(new RecordChange.PutNpc(n))));
                GuildRows.insertNew(connection, records);
            }
            for (PostRecord post : posts) {
                postLog.insert(connection, post);
            }
            Counts counted = count(connection);
            if (!counted.equals(expected)) {
                throw new StoreException("the copy into " + database.config().describe() + " stored " + counted
                        + " but the source holds " + expected + "; nothing was stored");
            }
            return counted;
        });
        cache.clear();
        return stored;
    }

    private void remember(GuildId guild, Cached state) {
        cache.merge(guild, state, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    /**
     * Closes the connection pool. Further calls fail with a {@link StoreException}; closing twice
     * is harmless.
     */
    @Override
    public void close() {
        if (!database.isClosed()) {
            database.close();
            cache.clear();
            LOG.info("PostgreSQL store closed ({})", database.config().describe());
        }
    }
}
