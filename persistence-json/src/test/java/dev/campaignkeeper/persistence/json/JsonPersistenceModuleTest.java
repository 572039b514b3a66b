package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.PostLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonPersistenceModuleTest {

    @TempDir
    Path dir;

    @Test
    void bindsOneJsonStoreAsTheCampaignStore() {
        Injector injector = Guice.createInjector(new JsonPersistenceModule(Fixtures.config(dir)));
        CampaignStore store = injector.getInstance(CampaignStore.class);
        try {
            assertThat(store).isInstanceOf(JsonCampaignStore.class)
                    .isSameAs(injector.getInstance(JsonCampaignStore.class))
                    .isSameAs(injector.getInstance(CampaignStore.class));
            assertThat(((JsonCampaignStore) store).dataDir()).isEqualTo(dir);
        } finally {
            store.close();
        }
    }

    @Test
    void bindsTheStoresDurablePostLog() {
        Injector injector = Guice.createInjector(new JsonPersistenceModule(Fixtures.config(dir)));
        JsonCampaignStore store = injector.getInstance(JsonCampaignStore.class);
        try {
            assertThat(injector.getInstance(PostLog.class)).isSameAs(store.postLog())
                    .isSameAs(injector.getInstance(PostLog.class));
        } finally {
            store.close();
        }
    }
}
