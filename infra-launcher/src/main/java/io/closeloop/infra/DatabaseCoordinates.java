package io.closeloop.infra;

/**
 * Where one service finds its own database, in the two URL forms a Quarkus service needs (JDBC for
 * Flyway, reactive for Hibernate Reactive), and the role it logs in as.
 */
public record DatabaseCoordinates(String jdbcUrl, String reactiveUrl, String username, String password) {

    @Override
    public String toString() {
        // Keep the password out of logs and assertion messages.
        return "DatabaseCoordinates[" + jdbcUrl + ", user=" + username + "]";
    }
}
