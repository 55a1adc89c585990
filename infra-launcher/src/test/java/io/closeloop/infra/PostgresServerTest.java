package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    static Path dir;
    static PostgresServer postgres;
    static DatabaseCoordinates ingest;
    static DatabaseCoordinates identity;

    @BeforeAll
    static void start() {
        postgres = new PostgresServer(dir.resolve("postgres"), Ports.freePort(), false);
        postgres.start();
        ingest = postgres.createServiceDatabase("ingest");
        identity = postgres.createServiceDatabase("identity");
    }

    @AfterAll
    static void stop() {
        postgres.stop();
    }

    @Test
    void describesTheDatabaseInBothUrlForms() {
        int port = postgres.port();
        assertThat(ingest.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/ingest");
        assertThat(ingest.reactiveUrl()).isEqualTo("postgresql://127.0.0.1:" + port + "/ingest");
        assertThat(ingest.username()).isEqualTo("ingest");
        assertThat(ingest.toString()).doesNotContain(ingest.password());
    }

    @Test
    void aServiceRoleReachesItsOwnDatabaseOnly() throws SQLException {
        try (Connection c = postgres.connect("ingest", ingest.username(), ingest.password());
             Statement s = c.createStatement()) {
            s.execute("create table if not exists probe (id int)");
        }
        assertThatThrownBy(() -> postgres.connect("identity", ingest.username(), ingest.password()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> postgres.connect("ingest", identity.username(), identity.password()).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aServiceRoleNeedsItsPassword() {
        assertThatThrownBy(() -> postgres.connect("ingest", "ingest", "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> postgres.connect("ingest", "ingest", null).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void keepsDataAcrossARestartAndCreatingDatabasesAgainIsHarmless() throws SQLException {
        try (Connection c = postgres.connect("ingest", ingest.username(), ingest.password());
             Statement s = c.createStatement()) {
            s.execute("create table if not exists survivor (name text)");
            s.execute("insert into survivor values ('before restart')");
        }

        postgres.stop();
        postgres.start();
        DatabaseCoordinates again = postgres.createServiceDatabase("ingest");

        assertThat(again).isEqualTo(ingest);
        try (Connection c = postgres.connect("ingest", again.username(), again.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("before restart");
        }
    }

    @Test
    void isDurableUnlessToldOtherwise() throws SQLException {
        try (Connection c = postgres.superuserConnection("postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show fsync")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("off"); // this test server was asked for speed
        }
        PostgresServer durable = new PostgresServer(dir.resolve("durable"), Ports.freePort());
        durable.start();
        try (Connection c = durable.superuserConnection("postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
        } finally {
            durable.stop();
        }
    }
}
