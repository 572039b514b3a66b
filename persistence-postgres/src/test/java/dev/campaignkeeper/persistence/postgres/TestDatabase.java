package dev.campaignkeeper.persistence.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server the tests use: {@code CAMPAIGN_TEST_DATABASE_URL} if set, else this
 * project's machines' server on 127.0.0.1:5432. Each test class gets a schema of its own, dropped
 * afterwards. With no server reachable, the tests fail saying how to point them at one.
 */
final class TestDatabase implements AutoCloseable {

    static final String VARIABLE = "CAMPAIGN_TEST_DATABASE_URL";
    static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private final PostgresStoreConfig config;

    private TestDatabase(PostgresStoreConfig config) {
        this.config = config;
    }

    /** The database URL the tests use. */
    static String url() {
        String url = System.getenv(VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : url;
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
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new AssertionError("No PostgreSQL reachable at " + config.describe() + " (" + e.getMessage()
                        + "): start one or set " + VARIABLE + "=postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE"
                        + " to a server where the tests may create schemas.", e);
            }
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
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
