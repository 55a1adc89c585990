package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import org.junit.jupiter.api.Test;

/** Ingest stays ready and keeps accepting while the broker is away: its outbox holds the events. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class ReadinessTest {

    // The management interface already roots its paths at /q.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void readinessDependsOnTheDatabaseButNotOnTheBroker() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        InfraTestResource.kafka().stop();
        try {
            given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
            given().contentType(ContentType.JSON)
                    .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"anonymousId\":\"d-9\"}")
                    .post("/api/v1/touchpoints").then().statusCode(202).body("status", equalTo("accepted"));
        } finally {
            InfraTestResource.kafka().start();
        }
    }
}
