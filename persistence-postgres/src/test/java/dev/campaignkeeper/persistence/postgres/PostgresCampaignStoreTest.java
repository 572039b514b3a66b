package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.CampaignStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL store keeps the store contract; reopening closes it and opens a new store on the same schema. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create(PostgresCampaignStoreTest.class);
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @Override
    protected CampaignStore newStore() {
        database.truncate();
        return PostgresCampaignStore.open(database.config());
    }

    @Override
    protected CampaignStore reopen(CampaignStore store) {
        store.close();
        return PostgresCampaignStore.open(database.config());
    }

    @Override
    protected boolean durable() {
        return true;
    }
}
