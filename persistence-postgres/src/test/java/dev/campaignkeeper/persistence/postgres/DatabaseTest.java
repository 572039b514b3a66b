package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
        return pool.inTransaction("reading " + name, connection -> setting(connection, name));
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * The settings outlive the first transaction of each connection, rolled back: the pool's
     * settings statement must be committed, not left in the open transaction the first borrower
     * gets. Each session here starts with {@code synchronous_commit = off}, as a server or role
     * configured so would, and {@code plan_cache_mode = auto}.
     */
    @Test
    void theSettingsSurviveARolledBackFirstTransactionOnEveryConnection() throws SQLException {
        PostgresStoreConfig base = database.config().withMaximumPoolSize(4);
        String url = base.jdbcUrl() + (base.jdbcUrl().contains("?") ? "&" : "?")
                + "options=-c%20synchronous_commit%3Doff%20-c%20plan_cache_mode%3Dauto";
        PostgresStoreConfig asyncByDefault = new PostgresStoreConfig(url, base.user(), base.password(), base.schema(),
                base.maximumPoolSize(), base.connectTimeout(), base.postRetentionPerCampaign());
        try (Database pool = Database.open(asyncByDefault)) {
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) { // some made after the migration, which used and committed others
                    Connection connection = pool.connection();
                    connections.add(connection);
                    connection.rollback();
                }
                for (Connection connection : connections) {
                    assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                    assertThat(setting(connection, "plan_cache_mode")).isEqualTo("force_generic_plan");
                    connection.rollback();
                }
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
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
