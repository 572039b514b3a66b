package dev.campaignkeeper.persistence.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Statements sent to the server together, in one round trip, on the caller's connection and
 * transaction, optionally with the transaction's COMMIT.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    /**
     * One SQL statement and its parameters, one per {@code ?}: text (a String, or null), a boolean,
     * a {@code bigint} (a Long), or an array of text or of {@code bigint} (a String[] or a Long[]).
     *
     * @param sql the statement, without a trailing semicolon
     * @param parameters its parameters in order
     */
    record Statement(String sql, Object... parameters) {
    }

    /**
     * Sends the statements, in order, in one round trip; with {@code commit} the transaction's
     * COMMIT goes with them (and alone when there are none). If a statement fails, the server runs
     * none after it and the COMMIT ends the transaction as a rollback; the failure is thrown.
     */
    static void send(Connection connection, List<Statement> statements, boolean commit) throws SQLException {
        if (statements.isEmpty()) {
            if (commit) {
                connection.commit();
            }
            return;
        }
        StringBuilder sql = new StringBuilder();
        for (Statement statement : statements) {
            if (sql.length() > 0) {
                sql.append(";\n");
            }
            sql.append(statement.sql());
        }
        if (commit) {
            sql.append(";\nCOMMIT");
        }
        try (PreparedStatement prepared = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Statement statement : statements) {
                for (Object parameter : statement.parameters()) {
                    if (parameter instanceof String[] array) {
                        prepared.setArray(index, connection.createArrayOf("text", array));
                    } else if (parameter instanceof Long[] array) {
                        prepared.setArray(index, connection.createArrayOf("bigint", array));
                    } else if (parameter instanceof Long number) {
                        prepared.setLong(index, number);
                    } else if (parameter instanceof Boolean flag) {
                        prepared.setBoolean(index, flag);
                    } else {
                        prepared.setString(index, (String) parameter);
                    }
                    index++;
                }
            }
            prepared.execute();
        }
    }
}
