package io.closeloop.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one service finds its own database, in the two URL forms a Quarkus service needs (JDBC for
 * Flyway, reactive for Hibernate Reactive), and the role it logs in as.
 */
public record DatabaseCoordinates(String jdbcUrl, String reactiveUrl, String username, String password) {

    /** The first column of every row, as text: for tests that look at what a service stored. */
    public List<String> queryStrings(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** The first column of the first row as a number (0 without rows), e.g. a {@code count(*)}. */
    public long queryLong(String sql) throws SQLException {
        List<String> values = queryStrings(sql);
        return values.isEmpty() || values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    @Override
    public String toString() {
        // Keep the password out of logs and assertion messages.
        return "DatabaseCoordinates[" + jdbcUrl + ", user=" + username + "]";
    }
}
