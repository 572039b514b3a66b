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
import dev.campaignkeeper.persistence.postgres.RoundTrip.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CampaignStore} on PostgreSQL 15+, safe to share between several processes.
 *
 * <p>{@link #update} runs in a database transaction that holds the guild's row lock in
 * {@code guilds} (so transactions on one guild are serialised across every process using the
 * database, while other guilds' run in parallel), runs the {@link GuildTransaction} on the guild's
 * committed state, writes its changes and commits with {@code synchronous_commit = on}, so the change
 * is durable when the call returns.
 *
 * <p>A guild is <em>owned</em> by the store (each open store has a random token) that last wrote it
 * under its row lock. While this store owns a guild, nobody else writes it: another process first
 * takes the guild over, under the row lock and this store's advisory lock, which waits for every
 * transaction this store is committing without the row lock. So the state this store cached for a
 * guild it owns is the committed one, and it may decide on it and commit without writing the guilds
 * row, checking only, after taking its advisory lock shared, that it still owns the guild at the
 * epoch it cached.
 *
 * <p>Concurrent updates share transactions (group commit): up to {@value #MAX_BATCH} queued updates,
 * of any guilds, run one after another in one transaction that commits once. When this store owns
 * every guild of a batch and holds its committed state, the batch is decided on those states and sent
 * in one round trip with the ownership check; otherwise (or if that check fails because another
 * process took a guild over) the batch runs under its guilds' row locks, taken first in id order, on
 * the states read under them, taking over the guilds it does not own. So a {@link GuildTransaction}
 * may run twice; it decides from the state it is given and nothing else, so this is harmless. If a
 * shared transaction cannot be written, each of its updates runs again alone. When a commit's outcome
 * is unknown (the connection failed), the store takes a new token, so that its next write of each
 * guild takes it over from the old one, waiting for any transaction of the old token still running.
 *
 * <p>Open it with {@link #open(PostgresStoreConfig)}; it creates its schema and migrates it (Flyway)
 * on open. Its {@link #postLog()} lives in the same schema.
 */
public final class PostgresCampaignStore implements CampaignStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCampaignStore.class);
    /** Guild ids in the order the database locks guild rows in (code points: {@code COLLATE "C"}). */
    private static final Comparator<GuildId> BY_ID = Comparator.comparing(GuildId::value);
    /** The most updates one transaction carries. */
    static final int MAX_BATCH = 64;
    /** The most transactions of updates this process has in flight at once. */
    static final int MAX_LEADERS = 2;

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

    /**
     * A guild's committed state, as this store wrote or read it while owning the guild.
     *
     * @param owner the token this store had then; the entry is trusted only while it still has it
     * @param epoch the guild's committed epoch
     */
    private record Cached(long owner, long epoch, GuildState state) {
    }

    private static final SecureRandom TOKENS = new SecureRandom();
    private static final Statement BEGIN = new Statement("BEGIN");

    private final Database database;
    private final StoreMetrics metrics;
    private final PostgresPostLog postLog;
    private final Map<GuildId, Cached> cache = new ConcurrentHashMap<>();
    private final UpdateBatches batches;
    /** This store's owner token (see the class comment); replaced when a commit's outcome is unknown. */
    private volatile long token = newToken();

    private PostgresCampaignStore(Database database, StoreMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
        this.postLog = new PostgresPostLog(database, database.config().postRetentionPerCampaign());
        this.batches = new UpdateBatches(leaders(database.config().maximumPoolSize()), MAX_BATCH, this::run);
    }

    /**
     * How many batches of updates run at once: half the pool (the rest serves reads and the post
     * log), at least one, at most {@value #MAX_LEADERS}. On a 2-core machine 16 writers got the most
     * from two (more leaders make smaller batches, and so more commits, for the same updates).
     */
    static int leaders(int poolSize) {
        return Math.max(1, Math.min(MAX_LEADERS, poolSize / 2));
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
     * Opens the store as {@link #open(PostgresStoreConfig)} does, reporting each update's latency
     * and, for each transaction, how many updates it committed.
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

    private static long newToken() {
        long token;
        do {
            token = TOKENS.nextLong();
        } while (token == 0);
        return token;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The cached state is returned when this store owns the guild at the epoch it cached;
     * otherwise the guild is read from the database (and not cached: only a write under the row lock
     * may tell this store a guild's state is the committed one).
     */
    @Override
    public GuildState guild(GuildId guild) {
        Objects.requireNonNull(guild, "guild");
        String action = "reading guild " + guild;
        long owner = token;
        GuildRows.Row row = database.inTransaction(action, connection -> GuildRows.row(connection, guild));
        if (row.epoch() == 0) {
            return GuildState.empty(guild);
        }
        Cached cached = cache.get(guild);
        if (cached != null && cached.owner() == owner && row.owner() == owner && cached.epoch() == row.epoch()) {
            return cached.state();
        }
        return database.snapshot(action, connection -> GuildRows.load(connection, guild));
    }

    @Override
    public Set<GuildId> guilds() {
        return new LinkedHashSet<>(database.inTransaction("listing guilds", GuildRows::guilds));
    }

    @Override
    public <T> T update(GuildId guild, GuildTransaction<T> transaction) {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(transaction, "transaction");
        database.requireOpen();
        long started = System.nanoTime();
        PendingUpdate<T> update = new PendingUpdate<>(guild, transaction);
        batches.submit(update);
        try {
            metrics.updated(Duration.ofNanos(System.nanoTime() - started), update.changed());
        } catch (RuntimeException e) {
            LOG.warn("the store metrics failed to take an update's latency", e);
        }
        return update.outcome();
    }

    /**
     * Runs a batch of updates and settles every outcome: on the cached states in one round trip if
     * it can, else under the guilds' row locks. A failure outside SQL (the store closed meanwhile)
     * fails the updates not yet settled.
     */
    private void run(List<PendingUpdate<?>> batch) {
        try {
            if (!runOnCachedState(batch)) {
                runLocked(batch);
            }
        } catch (RuntimeException | Error e) {
            settleUnsettled(batch, e);
        }
    }

    private static void settleUnsettled(List<PendingUpdate<?>> batch, Throwable failure) {
        for (PendingUpdate<?> update : batch) {
            if (!update.isSettled()) {
                update.fail(failure);
                update.settle();
            }
        }
    }

    /**
     * The fast path, one round trip: when this store owns every guild and holds its committed state
     * and every update changes something, the updates are decided on those states and sent with the
     * ownership check and the COMMIT. If another process took one of the guilds over since, the
     * check fails, nothing is stored, and this returns false so that the batch runs again under the
     * guilds' locks; so it does when an update refuses or changes nothing, since only the stored state
     * may decide a refusal or a result that is not written.
     *
     * @return whether every update's outcome is settled
     */
    private boolean runOnCachedState(List<PendingUpdate<?>> batch) {
        long owner = token;
        Map<GuildId, Long> epochs = new TreeMap<>(BY_ID);
        Map<GuildId, GuildState> states = new HashMap<>();
        for (PendingUpdate<?> update : batch) {
            Cached cached = cache.get(update.guild());
            if (cached == null || cached.owner() != owner || cached.epoch() < 1) {
                return false;
            }
            if (epochs.putIfAbsent(update.guild(), cached.epoch()) == null) {
                states.put(update.guild(), cached.state());
            }
        }
        List<Statement> statements = new ArrayList<>(GuildRows.checkOwned(epochs, owner));
        for (PendingUpdate<?> update : batch) {
            GuildState current = states.get(update.guild());
            GuildState next;
            try {
                next = decide(update, current, statements);
            } catch (RuntimeException | Error e) {
                return false;
            }
            if (next == current) {
                return false;
            }
            states.put(update.guild(), next);
        }
        Connection connection = connect(batch);
        if (connection == null) {
            return true;
        }
        // readers go to the database while the commit is under way, not to the state it replaces
        states.keySet().forEach(cache::remove);
        try (connection) {
            sendWithBegin(connection, statements);
        } catch (SQLException e) {
            if (statementError(e)) {
                return false; // rolled back: a guild was taken over (the check's error) or a write was refused
            }
            unknownOutcome(batch, e);
            return true;
        }
        states.forEach((guild, state) -> cache.put(guild, new Cached(owner, epochs.get(guild), state)));
        batch.forEach(PendingUpdate::settle);
        reportCommitted(batch.size());
        return true;
    }

    /**
     * Sends {@code BEGIN}, the statements and the {@code COMMIT} in one message. The connection is in
     * autocommit mode meanwhile, so the driver sends no {@code BEGIN} of its own ahead of them, which
     * the server answers at once: a round trip of its own (16 writers gained 9 to 10%, one writer 10
     * to 50%, in three pairs alternating). If a statement fails, the server runs none after it, and
     * the transaction, aborted, is rolled back here before the connection goes back to the pool.
     */
    private static void sendWithBegin(Connection connection, List<Statement> statements) throws SQLException {
        List<Statement> transaction = new ArrayList<>(statements.size() + 1);
        transaction.add(BEGIN);
        transaction.addAll(statements);
        connection.setAutoCommit(true); // no round trip: no transaction is open
        boolean ended = false;
        try {
            RoundTrip.send(connection, transaction, true);
            ended = true;
        } finally {
            try {
                if (!ended) {
                    try (var rollback = connection.createStatement()) {
                        rollback.execute("ROLLBACK");
                    }
                }
                connection.setAutoCommit(false);
            } catch (SQLException broken) {
                // the connection is broken: the pool discards it, and the server rolls back
                LOG.debug("could not end a failed transaction on its connection", broken);
            }
        }
    }

    /**
     * A pooled connection, or null after failing every update of the batch: nothing was sent, so
     * nothing is stored, and running the updates again one by one would only wait again.
     */
    private Connection connect(List<PendingUpdate<?>> batch) {
        try {
            return database.connection();
        } catch (SQLException e) {
            for (PendingUpdate<?> update : batch) {
                update.fail(database.failure("updating guild " + update.guild(), e));
                update.settle();
            }
            return null;
        }
    }

    /**
     * The COMMIT was sent and its outcome is unknown: the updates that had changes get an error that
     * says they may or may not be stored (the others keep their refusal or result, which no commit
     * could change). The store takes a new token: the transaction may still be running on the server,
     * and writes without the row lock, so every guild is taken over from the old token (which waits
     * for it) and read afresh before this store decides on it again.
     */
    private void unknownOutcome(List<PendingUpdate<?>> batch, SQLException e) {
        token = newToken();
        cache.clear();
        for (PendingUpdate<?> update : batch) {
            if (update.changed()) {
                update.fail(database.unknownOutcome("committing an update of guild " + update.guild(), e));
            }
            update.settle();
        }
    }

    private void reportCommitted(int updates) {
        try {
            metrics.committed(updates);
        } catch (RuntimeException e) {
            LOG.warn("the store metrics failed to take a commit", e);
        }
    }

    /**
     * Runs a batch under its guilds' row locks, taken first, on the states read under them. If a
     * statement fails (so the database rolled the batch back), each update runs again alone, so one
     * update's bad data is not every update's failure.
     */
    private void runLocked(List<PendingUpdate<?>> batch) {
        Connection connection = connect(batch);
        if (connection == null) {
            return;
        }
        try {
            attempt(connection, batch);
        } catch (BatchFailure e) {
            if (e.committing) {
                unknownOutcome(batch, e.cause);
                return;
            }
            if (batch.size() > 1 && statementError(e.cause)) {
                for (PendingUpdate<?> update : batch) {
                    try {
                        runLocked(List.of(update));
                    } catch (RuntimeException | Error failure) {
                        settleUnsettled(List.of(update), failure);
                    }
                }
                return;
            }
            for (PendingUpdate<?> update : batch) {
                update.fail(database.failure("updating guild " + update.guild(), e.cause));
                update.settle();
            }
        }
    }

    /** A batch's SQL failure; {@code committing} when the COMMIT was sent and may have happened. */
    private static final class BatchFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;
        private final boolean committing;

        BatchFailure(SQLException cause, boolean committing) {
            super(cause);
            this.cause = cause;
            this.committing = committing;
        }
    }

    /**
     * Runs the batch on the connection (and closes it), taking over the guilds this store does not
     * own; settles every outcome unless it throws.
     */
    private void attempt(Connection connection, List<PendingUpdate<?>> batch) throws BatchFailure {
        boolean committing = false;
        long owner = token;
        try (connection) {
            boolean ended = false;
            try {
                Map<GuildId, GuildRows.Row> locked = lock(connection, batch, owner);
                Map<GuildId, Long> others = new HashMap<>();
                locked.forEach((guild, row) -> {
                    if (row.owner() != owner) {
                        others.put(guild, row.owner());
                    }
                });
                if (!others.isEmpty()) {
                    GuildRows.takeOver(connection, others, owner);
                }
                Map<GuildId, GuildState> states = new HashMap<>();
                for (Map.Entry<GuildId, GuildRows.Row> entry : locked.entrySet()) {
                    GuildId guild = entry.getKey();
                    long committedEpoch = entry.getValue().epoch() - 1;
                    Cached cached = cache.get(guild);
                    boolean current = !others.containsKey(guild) && cached != null && cached.owner() == owner
                            && cached.epoch() == committedEpoch;
                    GuildState state = current ? cached.state() : GuildRows.load(connection, guild);
                    if (!others.containsKey(guild)) {
                        // owned and read under the row lock: the committed state, whatever this transaction does
                        cache.put(guild, new Cached(owner, committedEpoch, state));
                    }
                    states.put(guild, state);
                }
                List<Statement> statements = new ArrayList<>();
                int changed = 0;
                for (PendingUpdate<?> update : batch) {
                    GuildState current = states.get(update.guild());
                    try {
                        GuildState next = decide(update, current, statements);
                        if (next != current) {
                            states.put(update.guild(), next);
                            changed++;
                        }
                    } catch (RuntimeException | Error e) {
                        update.fail(e);
                    }
                }
                if (changed == 0) {
                    batch.forEach(PendingUpdate::settle);
                    return; // nothing to write: the rollback below undoes the bumps and any takeover
                }
                committing = true;
                // the COMMIT goes with the statements: one round trip for the writes and the commit
                RoundTrip.send(connection, statements, true);
                connection.commit(); // a no-op for the driver when the server says no transaction is open
                ended = true;
                states.forEach((guild, state) -> cache.put(guild, new Cached(owner, locked.get(guild).epoch(), state)));
                batch.forEach(PendingUpdate::settle);
                reportCommitted(changed);
            } finally {
                if (!ended) {
                    Database.rollbackQuietly(connection);
                }
            }
        } catch (SQLException e) {
            throw new BatchFailure(e, committing && !statementError(e));
        }
    }

    /** Locks every guild of the batch (one round trip) and returns their rows as locked. */
    private static Map<GuildId, GuildRows.Row> lock(Connection connection, List<PendingUpdate<?>> batch, long owner)
            throws SQLException {
        TreeSet<GuildId> guilds = new TreeSet<>(BY_ID);
        batch.forEach(update -> guilds.add(update.guild()));
        if (guilds.size() == 1) {
            GuildId guild = guilds.first();
            return Map.of(guild, GuildRows.lockAndBump(connection, guild, owner));
        }
        return GuildRows.lockAndBump(connection, guilds, owner);
    }

    /**
     * Runs one update's transaction on its guild's state, sets its outcome and adds its statements;
     * returns the guild's state after it ({@code current} itself when it changes nothing).
     */
    private static <T> GuildState decide(PendingUpdate<T> update, GuildState current,
                                         List<Statement> statements) {
        Update<T> result = update.transaction().apply(current);
        List<RecordChange> changes = result.changes();
        if (changes.isEmpty()) {
            update.succeed(result.result(), false);
            return current;
        }
        GuildState next = current.apply(changes);
        statements.addAll(GuildRows.statements(current, changes, true));
        update.succeed(result.result(), true);
        return next;
    }

    /**
     * Whether the failure is a statement's error, after which the server runs nothing more of the
     * transaction and its COMMIT ends it as a rollback: bad data (class 22, also what the fast path's
     * ownership check raises), a constraint (23), a deadlock or serialisation failure (40, but not 40003,
     * "statement completion unknown"), a bad statement (42) or a PL/pgSQL error (P0). A lost connection
     * or anything else leaves the outcome of a COMMIT sent with it unknown.
     */
    private static boolean statementError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23")
                || (state.startsWith("40") && !state.equals("40003")) || state.startsWith("42")
                || state.startsWith("P0"));
    }

    /** This store's owner token now (for tests). */
    long token() {
        return token;
    }

    /** Updates waiting for a batch to take them (for tests). */
    int queuedUpdates() {
        return batches.queuedCount();
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
                GuildRows.lockAndBump(connection, guild.guild(), token);
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
