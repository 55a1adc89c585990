package io.closeloop.identity.rest;

import static io.closeloop.identity.support.Flow.email;
import static io.closeloop.identity.support.Flow.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.ExperimentAssignment;
import io.closeloop.contracts.ExperimentAssignmentResolved;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.identity.support.Flow;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Experiments, resolution rate, guard settings, roles and tenant isolation. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class IdentityApiTest {

    private static final Instant T = Instant.parse("2026-10-05T10:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Flow flow;

    @BeforeEach
    void flow() {
        flow = new Flow(bootstrap);
    }

    @Test
    void anExperimentAssignmentIsResolvedToThePersonOfItsIdentifier() {
        String tenant = "exp-a";
        String e1 = unique("e1");
        UUID person = flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), flow.touch(tenant, T, List.of(email(e1))),
                TouchpointResolved.class).personId();
        UUID eventId = UUID.randomUUID();
        List<IdentifierRef> ids = List.of(email(e1));
        ExperimentAssignment assignment = new ExperimentAssignment(tenant, eventId, "holdout-q4", "retargeting_q4",
                "paid_social", ExperimentAssignment.CONTROL, T, "UTC", Instant.now(), ids);
        TopicProbe.publish(bootstrap, Topics.EXPERIMENTS_RAW, Keys.raw(tenant, ids, eventId), assignment, eventId);

        ExperimentAssignmentResolved resolved = flow.resolved(Topics.EXPERIMENTS_RESOLVED.name(), eventId,
                ExperimentAssignmentResolved.class);
        assertThat(resolved.personId()).isEqualTo(person);
        assertThat(resolved.arm()).isEqualTo("control");
        assertThat(resolved.experimentId()).isEqualTo("holdout-q4");
        assertThat(resolved.linkConfidence()).isEqualTo(1.0);
    }

    @Test
    @TestSecurity(user = "rate-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "rate-a"))
    void theResolutionRateCountsEventsResolvedToAKnownPerson() {
        String tenant = "rate-a";
        String touched = unique("e1");
        flow.resolved(Topics.TOUCHPOINTS_RESOLVED.name(), flow.touch(tenant, T, List.of(email(touched))),
                TouchpointResolved.class);
        flow.touch(tenant, T, List.of(Flow.asserted(IdentifierKind.DEVICE, unique("waiting"))));
        String order = unique("order");
        List<UUID> conversions = List.of(
                flow.conversion(tenant, order, "purchase", T.plusSeconds(3600), List.of(email(touched))),
                flow.conversion(tenant, order, "purchase", T.plusSeconds(7200), List.of(email(touched))),
                flow.conversion(tenant, unique("order"), "purchase", T, List.of(email(unique("e2")))),
                flow.conversion(tenant, unique("lead"), "lead", T, List.of(email(unique("e3")))),
                flow.conversion(tenant, unique("anon"), "purchase", T, List.of(new IdentifierRef(
                        IdentifierKind.DEVICE, unique("d"), Trust.VERIFIED))),
                flow.conversion(tenant, unique("old"), "purchase", Instant.parse("2026-09-01T00:00:00Z"),
                        List.of(email(unique("e4")))));
        for (UUID conversion : conversions) {
            flow.resolved(Topics.CONVERSIONS_RESOLVED.name(), conversion, ConversionResolved.class);
        }

        await().atMost(Flow.WAIT).untilAsserted(() -> {
            JsonPath rate = given().get("/api/v1/identity/resolution-rate?from=2026-10-01&to=2026-10-31").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(rate.getList("rows.kind")).containsExactly("conversion", "touch");
            assertThat(rate.getList("rows.events", Integer.class)).containsExactly(5, 2);
            assertThat(rate.getList("rows.resolved", Integer.class)).containsExactly(4, 1);
            assertThat(rate.getList("rows.resolutionRate", Float.class)).containsExactly(0.8f, 0.5f);
            assertThat(rate.getInt("total.events")).isEqualTo(7);
            assertThat(rate.getInt("total.resolved")).isEqualTo(5);
        });
        given().get("/api/v1/identity/match-rate?from=2026-10-01&to=2026-10-31").then().statusCode(200)
                .body("total.events", equalTo(7));
        given().get("/api/v1/identity/resolution-rate?from=2026-10-31&to=2026-10-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().get("/api/v1/identity/settings").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"maxEmailKeysPerPerson\":1,\"maxPersonsPerDevice\":1,"
                + "\"matchThreshold\":0.5}").put("/api/v1/identity/settings").then().statusCode(403);
        given().get("/api/v1/identity/reviews").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "rate-analyst-b", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "rate-b"))
    void anotherTenantSeesNoneOfIt() {
        given().get("/api/v1/identity/resolution-rate?from=2026-01-01&to=2026-12-31").then().statusCode(200)
                .body("rows.size()", equalTo(0)).body("total.events", equalTo(0));
        given().get("/api/v1/consent/suppressed-counts?from=2026-01-01&to=2026-12-31").then().statusCode(200)
                .body("rows.size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "settings-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "settings-a"))
    void anAdminReadsAndChangesTheGuardLimits() {
        given().get("/api/v1/identity/settings").then().statusCode(200)
                .body("maxEmailKeysPerPerson", equalTo(3)).body("maxPersonsPerDevice", equalTo(3))
                .body("matchThreshold", equalTo(0.75f)).body("anonymousJourneyDays", equalTo(90));
        given().contentType(ContentType.JSON).body("{\"maxEmailKeysPerPerson\":5,\"maxPersonsPerDevice\":2,"
                + "\"matchThreshold\":0.8,\"anonymousJourneyDays\":30}").put("/api/v1/identity/settings").then()
                .statusCode(200).body("maxEmailKeysPerPerson", equalTo(5)).body("anonymousJourneyDays", equalTo(30));
        given().get("/api/v1/identity/settings").then().statusCode(200)
                .body("maxPersonsPerDevice", equalTo(2)).body("matchThreshold", equalTo(0.8f));
        given().contentType(ContentType.JSON).body("{\"maxEmailKeysPerPerson\":0,\"maxPersonsPerDevice\":2,"
                + "\"matchThreshold\":1.5}").put("/api/v1/identity/settings").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("maxEmailKeysPerPerson", "matchThreshold"));
        given().contentType(ContentType.JSON).body("{\"tenant\":\"other\"}").put("/api/v1/identity/settings")
                .then().statusCode(400);
        given().get("/api/v1/identity/resolution-rate?from=2026-10-01&to=2026-10-31").then().statusCode(403);
    }
}
