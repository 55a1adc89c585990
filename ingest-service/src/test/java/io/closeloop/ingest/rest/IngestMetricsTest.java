package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Ingest rate and rejects as Prometheus reads them: {@code closeloop_ingest_rows_total{kind,outcome}}. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class IngestMetricsTest {

    // The management interface already roots its paths at /q.
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    @TestSecurity(user = "metrics-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "metrics"))
    void everyRowCountsOnceAsAcceptedDuplicateOrRejected() {
        Map<String, Double> before = Map.of("accepted", rows("accepted"), "duplicate", rows("duplicate"),
                "rejected", rows("rejected"));
        String event = "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"m-1\"}";
        given().contentType(ContentType.JSON).body(event).post("/api/v1/touchpoints").then().statusCode(202);
        given().contentType(ContentType.JSON).body(event).post("/api/v1/touchpoints").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"type\":\"teleport\",\"occurredAt\":\"2026-10-01T12:00:00Z\"}")
                .post("/api/v1/touchpoints").then().statusCode(400);
        UUID first = UUID.randomUUID();
        String batch = """
                [{"eventId":"%s","type":"ad_click","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"m-2"},
                 {"type":"teleport","occurredAt":"2026-10-01T12:00:00Z"},
                 {"type":"page_view","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"m-3"},
                 {"eventId":"%s","type":"ad_click","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"m-2"},
                 42]
                """.formatted(first, first);
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/touchpoints/batch").then().statusCode(200);

        assertThat(rows("accepted") - before.get("accepted")).isEqualTo(3.0);
        assertThat(rows("duplicate") - before.get("duplicate")).isEqualTo(2.0);
        assertThat(rows("rejected") - before.get("rejected")).isEqualTo(3.0);
    }

    private double rows(String outcome) {
        String body = given().get(metrics.toString()).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^closeloop_ingest_rows_total\\{([^}]*)} (\\S+)").matcher(body);
        while (line.find()) {
            if (line.group(1).contains("kind=\"touchpoints\"") && line.group(1).contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0.0;
    }
}
