package io.closeloop.identity.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.DatabaseCoordinates;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code closeloop_erasure_overdue} counts erasures still in progress after the 72 h deadline, and nothing else. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class ErasureOverdueMetricTest {

    // The management interface already roots its paths at /q.
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void onlyErasuresInProgressPastTheDeadlineAreOverdue() throws SQLException {
        double before = overdue();
        String tenant = "overdue-" + UUID.randomUUID().toString().substring(0, 8);
        insert(tenant, "erasure", "in_progress", "now() - interval '73 hours'");
        insert(tenant, "erasure", "in_progress", "now() - interval '73 hours'");
        insert(tenant, "erasure", "in_progress", "now() - interval '71 hours'");
        insert(tenant, "erasure", "complete", "now() - interval '10 days'");
        insert(tenant, "access", "in_progress", "now() - interval '10 days'");

        assertThat(overdue() - before).isEqualTo(2.0);
    }

    private static void insert(String tenant, String type, String status, String requestedAt) throws SQLException {
        DatabaseCoordinates db = InfraTestResource.database("identity");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into subject_request (tenant, request_id, type, status, requested_at)"
                    + " values ('" + tenant + "', '" + UUID.randomUUID() + "', '" + type + "', '" + status + "', "
                    + requestedAt + ")");
        }
    }

    private double overdue() {
        String body = given().get(metrics.toString()).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^closeloop_erasure_overdue(\\{[^}]*})? (\\S+)").matcher(body);
        assertThat(line.find()).as("closeloop_erasure_overdue on /q/metrics").isTrue();
        return Double.parseDouble(line.group(2));
    }
}
