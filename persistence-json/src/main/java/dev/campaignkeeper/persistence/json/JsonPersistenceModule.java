package dev.campaignkeeper.persistence.json;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.StoreMetrics;
import java.util.Objects;

/**
 * Guice wiring: binds {@link CampaignStore} (and {@link JsonCampaignStore}) to one store opened
 * lazily on first injection with the given configuration, and {@link PostLog} to that store's
 * durable post log. Whoever owns the injector closes the store. {@link StoreMetrics} is an optional
 * binding (no-op by default) that an application may set with {@code OptionalBinder.setBinding()}.
 */
public final class JsonPersistenceModule extends AbstractModule {

    private final JsonStoreConfig config;

    /**
     * Creates the module.
     *
     * @param config the store's settings
     */
    public JsonPersistenceModule(JsonStoreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(JsonStoreConfig.class).toInstance(config);
        OptionalBinder.newOptionalBinder(binder(), StoreMetrics.class).setDefault().toInstance(StoreMetrics.none());
    }

    @Provides
    @Singleton
    JsonCampaignStore jsonCampaignStore(JsonStoreConfig storeConfig, StoreMetrics metrics) {
        return JsonCampaignStore.open(storeConfig, metrics);
    }

    @Provides
    @Singleton
    CampaignStore campaignStore(JsonCampaignStore store) {
        return store;
    }

    @Provides
    @Singleton
    PostLog postLog(JsonCampaignStore store) {
        return store.postLog();
    }
}
