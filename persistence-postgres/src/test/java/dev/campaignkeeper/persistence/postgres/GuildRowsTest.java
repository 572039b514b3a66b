package dev.campaignkeeper.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.persistence.postgres.RoundTrip.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guild rows' SQL as the server runs it: the ownership check of the fast path. */
class GuildRowsTest {

    private static final long OWNER = 7;
    private static final long EPOCH = 3;
    private static TestDatabase database;

    @BeforeAll
    static void createTables() {
        database = TestDatabase.create(GuildRowsTest.class);
        PostgresCampaignStore.open(database.config()).close();
        // 1,000 guilds: few enough that the server estimates reading them all as cheaper than eight
        // lookups (as a join, the check took 0.3 ms that way; eight lookups take 0.02 ms)
        database.sql("INSERT INTO guilds (guild_id, epoch, owner) SELECT (100000 + n)::text, " + EPOCH + ", "
                + OWNER + " FROM generate_series(1, 1000) AS n");
        database.sql("ANALYZE guilds");
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    private static Map<GuildId, Long> guilds(int count, long epoch) {
        Map<GuildId, Long> guilds = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (int n = 1; n <= count; n++) {
            guilds.put(GuildId.of(String.valueOf(100000 + n)), epoch);
        }
        return guilds;
    }

    @Test
    void theOwnershipCheckOfSeveralGuildsLooksEachUpByItsKeyInTheServersGenericPlan() throws SQLException {
        Statement check = GuildRows.checkOwned(guilds(8, EPOCH), OWNER).get(1);

        String plan = genericPlan(check);

        assertThat(plan).contains("Index Scan using guilds_pkey on guilds").doesNotContain("Seq Scan on guilds");
    }

    @Test
    void theOwnershipCheckPassesForGuildsOwnedAtTheirEpochAndFailsTheTransactionOtherwise() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            RoundTrip.send(connection, GuildRows.checkOwned(guilds(8, EPOCH), OWNER), false);
            connection.rollback();

            Map<GuildId, Long> oneStale = guilds(8, EPOCH);
            oneStale.put(GuildId.of("100005"), EPOCH - 1);
            assertThatThrownBy(() -> RoundTrip.send(connection, GuildRows.checkOwned(oneStale, OWNER), false))
                    .isInstanceOf(SQLException.class).hasMessageContaining("changed owner")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
            connection.rollback();

            assertThatThrownBy(() -> RoundTrip.send(connection, GuildRows.checkOwned(guilds(8, EPOCH), OWNER + 1),
                    false)).isInstanceOf(SQLException.class).hasMessageContaining("changed owner");
            connection.rollback();
        }
    }

    /** The plan the server makes for the statement without looking at its parameters' values. */
    private static String genericPlan(Statement statement) throws SQLException {
        StringBuilder sql = new StringBuilder();
        int parameter = 0;
        for (char c : statement.sql().toCharArray()) {
            if (c == '?') {
                sql.append('$').append(++parameter);
            } else {
                sql.append(c);
            }
        }
        List<String> values = new ArrayList<>();
        for (Object value : statement.parameters()) {
            values.add(literal(value));
        }
        try (Connection connection = database.connect(); var sqlStatement = connection.createStatement()) {
            sqlStatement.execute("SET plan_cache_mode = force_generic_plan");
            sqlStatement.execute("PREPARE checked AS " + sql);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = sqlStatement.executeQuery("EXPLAIN EXECUTE checked(" + String.join(", ", values)
                    + ")")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static String literal(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(",", "'{", "}'"));
        }
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
