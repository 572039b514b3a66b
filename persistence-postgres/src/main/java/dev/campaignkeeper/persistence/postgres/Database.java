package dev.campaignkeeper.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.campaignkeeper.core.error.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The connection pool on one schema, migrated on open, and the translation of JDBC failures into
 * {@link StoreException}s an admin can act on (never showing the password).
 */
final class Database implements AutoCloseable {

    /** Work on a connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final PostgresStoreConfig config;
    private final HikariDataSource pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(PostgresStoreConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
    }

    /**
     * Connects, creates the schema if missing and migrates it to the current version.
     *
     * @throws StoreException if the database cannot be reached or migrated
     */
    static Database open(PostgresStoreConfig config) {
        Objects.requireNonNull(config, "config");
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("campaign-keeper");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        config.password().ifPresent(hikari::setPassword);
        hikari.addDataSourceProperty("currentSchema", config.schema());
        hikari.addDataSourceProperty("ApplicationName", "campaign-keeper");
        hikari.setAutoCommit(false);
        // the ownership check must see every takeover committed before it took the owner's lock:
        // each statement its own snapshot, whatever default_transaction_isolation says
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        // durable when update returns, whatever the server's or the role's default says; and every
        // statement planned once per connection, not at each run: each of the store's statements
        // finds its rows by key whatever the values, and planning them again at each run (the
        // server's default for some) held 16 writers to 7,200-7,600 updates/s against 9,100-10,700
        hikari.setConnectionInitSql("SET synchronous_commit = on; SET plan_cache_mode = force_generic_plan");
        // committed by the pool: else the settings stay in an open transaction that the connection's
        // first borrower gets, and if that transaction rolls back, so do they, for the connection's life
        hikari.setIsolateInternalQueries(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw unreachable(config, e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .schemas(config.schema())
                    .createSchemas(true)
                    .locations("classpath:db/campaignkeeper")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot create or migrate the Campaign Keeper tables in " + config.describe()
                    + ": " + rootMessage(e) + ". The user needs the right to create a schema and tables in that"
                    + " database (or an existing schema it owns); a schema used by a newer Campaign Keeper"
                    + " needs that version", e);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the Campaign Keeper tables in " + config.describe()
                    + ": " + rootMessage(e), e);
        }
        return new Database(config, pool);
    }

    PostgresStoreConfig config() {
        return config;
    }

    /** Fails if the store was closed. */
    void requireOpen() {
        if (closed.get()) {
            throw new StoreException("the PostgreSQL store (" + config.describe() + ") is closed");
        }
    }

    /** A connection from the pool, in a new transaction (auto-commit is off). */
    Connection connection() throws SQLException {
        requireOpen();
        return pool.getConnection();
    }

    /**
     * Runs work in one transaction and commits it (durably: synchronous_commit is on).
     *
     * @param action what the work does, for the error message ("reading guild 123")
     */
    <T> T inTransaction(String action, Work<T> work) {
        try (Connection connection = connection()) {
            boolean committed = false;
            try {
                T result = work.run(connection);
                connection.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /**
     * Runs read-only work on one consistent snapshot (repeatable read), then ends the transaction.
     *
     * @param action what the work does, for the error message
     */
    <T> T snapshot(String action, Work<T> work) {
        try (Connection connection = connection()) {
            try {
                try (var statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                return work.run(connection);
            } finally {
                rollbackQuietly(connection);
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the server rolls back
        }
    }

    /** A StoreException saying what failed and what to do, for a failure while doing {@code action}. */
    StoreException failure(String action, SQLException e) {
        if (closed.get()) {
            return new StoreException("the PostgreSQL store (" + config.describe() + ") is closed", e);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
            return new StoreException("lost the connection to PostgreSQL at " + config.describe() + " while "
                    + action + ": " + rootMessage(e) + ". Nothing was changed by this call unless the database says"
                    + " otherwise; check that the server runs and is reachable", e);
        }
        if (state.startsWith("28")) {
            return authentication(config, e);
        }
        if (state.equals("53300")) {
            return new StoreException("PostgreSQL at " + config.describe() + " has no free connection slot ("
                    + rootMessage(e) + "): raise max_connections or lower the pool size", e);
        }
        return new StoreException("PostgreSQL at " + config.describe() + " failed while " + action + " (SQLSTATE "
                + state + "): " + rootMessage(e) + "; nothing was changed by this call", e);
    }

    /**
     * A StoreException for a COMMIT sent whose outcome is unknown (the connection failed before the
     * server answered): the change may or may not be stored.
     *
     * @param action what was being committed, for the message
     */
    StoreException unknownOutcome(String action, SQLException e) {
        return new StoreException("PostgreSQL at " + config.describe() + " did not confirm " + action + ": "
                + rootMessage(e) + ". The change may or may not be stored: look at it again before repeating it", e);
    }

    private static StoreException unreachable(PostgresStoreConfig config, RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
            return authentication(config, sql);
        }
        if (cause instanceof SQLException sql && "3D000".equals(sql.getSQLState())) {
            return new StoreException("the database in " + config.describe() + " does not exist: create it"
                    + " (createdb) or fix the database name in --database-url / " + PostgresStoreConfig.DATABASE_URL_VARIABLE, e);
        }
        return new StoreException("cannot connect to PostgreSQL at " + config.describe() + ": " + rootMessage(e)
                + ". Check that the server runs and that --database-url / " + PostgresStoreConfig.DATABASE_URL_VARIABLE
                + " point at it", e);
    }

    private static StoreException authentication(PostgresStoreConfig config, SQLException e) {
        return new StoreException("PostgreSQL refused user \"" + config.user() + "\" at " + config.describe() + ": "
                + rootMessage(e) + ". Put the password in the URL (postgresql://user:password@host/db), in PGPASSWORD"
                + " or in ~/.pgpass, or allow the user in pg_hba.conf", e);
    }

    /** The innermost message, which names the real problem (connection refused, unknown host...). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }
}
