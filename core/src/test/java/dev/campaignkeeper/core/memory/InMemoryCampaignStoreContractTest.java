package dev.campaignkeeper.core.memory;

import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.CampaignStoreContract;

/** The store contract on the in-memory store. */
class InMemoryCampaignStoreContractTest extends CampaignStoreContract {

    @Override
    protected CampaignStore newStore() {
        return new InMemoryCampaignStore();
    }
}
