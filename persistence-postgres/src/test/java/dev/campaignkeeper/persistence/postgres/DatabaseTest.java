package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The settings of the pool's connections, whatever the server's defaults. */
class DatabaseTest {

    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create(DatabaseTest.class);
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    private static String setting(Database pool, String name) {
        return pool.inTransaction("reading " + name, connection -> {
            try (var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    @Test
    void everyConnectionCommitsDurablyReadsCommittedStateAndPlansEachStatementOnce() {
        try (Database pool = Database.open(database.config().withMaximumPoolSize(2))) {
            assertThat(setting(pool, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(pool, "transaction_isolation")).isEqualTo("read committed");
            assertThat(setting(pool, "plan_cache_mode")).isEqualTo("force_generic_plan");
        }
    }
}
