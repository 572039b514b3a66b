package dev.campaignkeeper.persistence.postgres;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.StoreMetrics;
import java.util.Objects;

/**
 * Guice wiring: binds {@link CampaignStore} (and {@link PostgresCampaignStore}) to one store opened
 * lazily on first injection with the given configuration, and {@link PostLog} to that store's post
 * log (the {@code posts} table). Whoever owns the injector closes the store. {@link StoreMetrics} is an
 * optional binding (no-op by default) that an application may set with {@code OptionalBinder.setBinding()}.
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
        OptionalBinder.newOptionalBinder(binder(), StoreMetrics.class).setDefault().toInstance(StoreMetrics.none());
    }

    @Provides
    @Singleton
    PostgresCampaignStore postgresCampaignStore(PostgresStoreConfig storeConfig, StoreMetrics metrics) {
        return PostgresCampaignStore.open(storeConfig, metrics);
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
