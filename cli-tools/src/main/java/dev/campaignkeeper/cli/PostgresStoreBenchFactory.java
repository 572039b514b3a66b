package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.postgres.PostgresCampaignStore;
import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens the PostgreSQL store for the benchmark, on a schema of its own ({@code bench_...}, dropped
 * by {@link #close()}). The first open copies the generated data directory into the schema (as
 * {@code migrate --to} does); later opens find it there. The measured "checkpoint" is PostgreSQL's
 * own {@code CHECKPOINT} (it needs a superuser or the {@code pg_checkpoint} role; without it, none).
 */
final class PostgresStoreBenchFactory implements BenchRunner.StoreFactory, AutoCloseable {

    private final PostgresStoreConfig config;

    PostgresStoreBenchFactory(PostgresStoreConfig base, int poolSize) {
        this.config = base.withSchema("bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                .toLowerCase(Locale.ROOT)).withMaximumPoolSize(poolSize);
    }

    /** Connections in the measured store's pool. */
    int poolSize() {
        return config.maximumPoolSize();
    }

    @Override
    public CampaignStore open(Path dir, boolean autoCheckpoint) {
        PostgresCampaignStore store = PostgresCampaignStore.open(config);
        try {
            if (store.counts().guilds() == 0) {
                List<GuildState> guilds = new ArrayList<>();
                try (JsonCampaignStore json = JsonCampaignStore.open(JsonStoreConfig.defaults(dir)
                        .withCheckpointOnClose(false))) {
                    for (GuildId guild : json.guilds()) {
                        guilds.add(json.guild(guild));
                    }
                }
                store.copyIntoEmpty(guilds, List.of());
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void checkpoint(CampaignStore store) {
        try {
            sql("CHECKPOINT");
        } catch (StoreException e) {
            // not allowed for this user: nothing to measure
        }
    }

    @Override
    public PostLog postLog(CampaignStore store) {
        return ((PostgresCampaignStore) store).postLog();
    }

    private void sql(String sql) {
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        config.password().ifPresent(password -> properties.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("PostgreSQL at " + config.describe() + " refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Drops the benchmark's schema. */
    @Override
    public void close() {
        sql("DROP SCHEMA IF EXISTS " + config.schema() + " CASCADE");
    }
}
