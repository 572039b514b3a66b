package dev.campaignkeeper.persistence.postgres;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import java.util.Objects;

/**
 * Guice wiring: binds {@link CampaignStore} (and {@link PostgresCampaignStore}) to one store opened
 * lazily on first injection with the given configuration, and {@link PostLog} to that store's post
 * log (the {@code posts} table). Whoever owns the injector closes the store.
 */
public final class PostgresPersistenceModule extends AbstractModule {

    private final PostgresStoreConfig config;

    /**
     * Creates the module.
     *
     * @param config where the database is and how to use it
     */
    public PostgresPersistenceModule(PostgresStoreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(PostgresStoreConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    PostgresCampaignStore postgresCampaignStore(PostgresStoreConfig storeConfig) {
        return PostgresCampaignStore.open(storeConfig);
    }

    @Provides
    @Singleton
    CampaignStore campaignStore(PostgresCampaignStore store) {
        return store;
    }

    @Provides
    @Singleton
    PostLog postLog(PostgresCampaignStore store) {
        return store.postLog();
    }
}
