package dev.campaignkeeper.persistence.postgres;

import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.PostLogContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The post log on PostgreSQL keeps the post-log contract; reopening opens a new store on the same schema. */
class PostgresPostLogTest extends PostLogContract {

    private static TestDatabase database;
    private final List<PostgresCampaignStore> stores = new ArrayList<>();
    private int retention;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create(PostgresPostLogTest.class);
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(PostgresCampaignStore::close);
    }

    private PostLog openLog() {
        PostgresCampaignStore store = PostgresCampaignStore.open(
                database.config().withPostRetentionPerCampaign(retention).withMaximumPoolSize(8));
        stores.add(store);
        return store.postLog();
    }

    @Override
    protected PostLog newLog(int retentionPerCampaign) {
        database.truncate();
        retention = retentionPerCampaign;
        return openLog();
    }

    @Override
    protected PostLog reopen(PostLog log) {
        stores.get(stores.size() - 1).close();
        return openLog();
    }
}
