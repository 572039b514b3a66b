package dev.campaignkeeper.bot.e2e;

import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A schema of its own on the tests' PostgreSQL server ({@code CAMPAIGN_TEST_DATABASE_URL}, else
 * 127.0.0.1:5432, database {@code test}, user {@code postgres}), dropped on close. With no server
 * reachable the test fails with one line saying how to point it at one.
 */
final class TestSchema implements AutoCloseable {

    static final String VARIABLE = "CAMPAIGN_TEST_DATABASE_URL";
    static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test";

    private final PostgresStoreConfig config;

    private TestSchema(PostgresStoreConfig config) {
        this.config = config;
    }

    static TestSchema create(Class<?> owner) {
        String url = System.getenv(VARIABLE);
        PostgresStoreConfig base = PostgresStoreConfig.fromDatabaseUrl(url == null || url.isBlank() ? DEFAULT_URL : url,
                System.getenv());
        String schema = ("t_" + owner.getSimpleName() + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .toLowerCase(Locale.ROOT);
        TestSchema created = new TestSchema(base.withSchema(schema.length() > 63 ? schema.substring(0, 63) : schema));
        created.sql("CREATE SCHEMA " + created.config.schema());
        return created;
    }

    PostgresStoreConfig config() {
        return config;
    }

    private void sql(String sql) {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("No PostgreSQL reachable at " + config.describe() + " (" + e.getMessage()
                    + "): start one or set " + VARIABLE + "=postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE", e);
        }
    }

    @Override
    public void close() {
        sql("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    }
}
