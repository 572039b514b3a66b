package dev.campaignkeeper.persistence.json;

import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.CampaignStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the JSON store; reopening closes the store and opens its directory again. */
class JsonCampaignStoreContractTest extends CampaignStoreContract {

    @TempDir
    Path dir;

    @Override
    protected CampaignStore newStore() {
        return JsonCampaignStore.open(Fixtures.config(dir));
    }

    @Override
    protected CampaignStore reopen(CampaignStore store) {
        store.close();
        return JsonCampaignStore.open(Fixtures.config(dir));
    }

    @Override
    protected boolean durable() {
        return true;
    }
}
