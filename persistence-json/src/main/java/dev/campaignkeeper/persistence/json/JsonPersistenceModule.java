package dev.campaignkeeper.persistence.json;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import java.util.Objects;

/**
 * Guice wiring: binds {@link CampaignStore} (and {@link JsonCampaignStore}) to one store opened
 * lazily on first injection with the given configuration, and {@link PostLog} to that store's
 * durable post log. Whoever owns the injector closes the store.
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
    }

    @Provides
    @Singleton
    JsonCampaignStore jsonCampaignStore(JsonStoreConfig storeConfig) {
        return JsonCampaignStore.open(storeConfig);
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
