package io.closeloop.identity.compliance;

import static io.closeloop.identity.compliance.ComplianceFixture.id;
import static io.closeloop.identity.compliance.ComplianceFixture.rows;
import static io.closeloop.identity.compliance.ComplianceFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.identity.service.RetentionPurge;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Per-tenant retention and the purge, run directly at a fixed instant. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class RetentionPurgeTest {

    /** Far enough ahead that every person the tests create was created before any cutoff used here. */
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RetentionPurge purge;

    @Test
    @TestSecurity(user = "retain-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "retain"))
    void personsWithoutAnEventInsideTheRetentionArePurgedAndAudited() throws Throwable {
        ComplianceFixture fixture = new ComplianceFixture(bootstrap);
        given().get("/api/v1/compliance/retention").then().statusCode(200).body("personDays", is(400));
        given().contentType("application/json").body("{\"personDays\":100}").put("/api/v1/compliance/retention")
                .then().statusCode(200).body("personDays", is(100));
        given().get("/api/v1/compliance/retention").then().statusCode(200).body("personDays", is(100));

        IdentifierRef stale = id(IdentifierKind.EMAIL, unique("mk-stale"), Trust.VERIFIED);
        IdentifierRef recent = id(IdentifierKind.EMAIL, unique("mk-recent"), Trust.VERIFIED);
        UUID stalePerson = fixture.resolvedTouch(fixture.touch("retain", Instant.parse("2026-01-01T00:00:00Z"),
                List.of(stale), Map.of())).personId();
        // The stale person's last event lies before the cutoff, the recent person's one day after it.
        UUID staleAgain = fixture.touch("retain", Instant.parse("2029-09-22T23:59:59Z"), List.of(stale), Map.of());
        fixture.resolvedTouch(staleAgain);
        UUID recentPerson = fixture.resolvedTouch(fixture.touch("retain", Instant.parse("2029-09-24T00:00:00Z"),
                List.of(recent), Map.of())).personId();

        Map<String, Long> purged = VertxContextSupport.subscribeAndAwait(() -> purge.purge(NOW));

        assertThat(purged.get("retain")).isEqualTo(1L);
        assertThat(rows("select person_id from person where tenant = 'retain' order by person_id"))
                .containsExactly(recentPerson.toString());
        assertThat(rows("select count(*) from identifier where tenant = 'retain' and person_id = '" + stalePerson
                + "'")).containsExactly("0");
        assertThat(rows("select count(*) from person_event where tenant = 'retain' and person_id = '" + stalePerson
                + "'")).containsExactly("0");
        assertThat(rows("select count(*) from person_event where tenant = 'retain' and person_id = '" + recentPerson
                + "'")).containsExactly("1");
        assertThat(rows("select action || ' ' || details::text from audit_entry where tenant = 'retain'"
                + " and action <> 'consent_decision' order by seq"))
                .containsExactly(
                        "configuration_changed {\"to\": \"100\", \"from\": \"400\","
                                + " \"setting\": \"retention.person_days\", \"changed_by\": \"retain-admin\"}",
                        "retention_purge {\"cutoff\": \"2029-09-23T00:00:00Z\", \"purged_persons\": \"1\"}");

        Map<String, Long> again = VertxContextSupport.subscribeAndAwait(() -> purge.purge(NOW));
        assertThat(again.get("retain")).isZero();
        assertThat(rows("select count(*) from audit_entry where tenant = 'retain'"
                + " and action <> 'consent_decision'")).containsExactly("2");

        // Retention leaves no tombstone: the person may come back, as a new person.
        UUID back = fixture.resolvedTouch(fixture.touch("retain", Instant.parse("2029-12-01T00:00:00Z"),
                List.of(stale), Map.of())).personId();
        assertThat(back).isNotEqualTo(stalePerson);
    }

    @Test
    @TestSecurity(user = "retain-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "retain-bad"))
    void anOutOfRangeOrForeignFieldIsNamed() {
        given().contentType("application/json").body("{\"personDays\":0}").put("/api/v1/compliance/retention")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("personDays"));
        given().contentType("application/json").body("{\"personDays\":3651}").put("/api/v1/compliance/retention")
                .then().statusCode(400).body("errors[0].field", is("personDays"));
        given().contentType("application/json").body("{}").put("/api/v1/compliance/retention")
                .then().statusCode(400).body("errors[0].field", is("personDays"));
        given().contentType("application/json").body("{\"personDays\":30,\"tenant\":\"acme\"}")
                .put("/api/v1/compliance/retention").then().statusCode(400).body("errors[0].field", is("tenant"));
        given().get("/api/v1/compliance/retention").then().statusCode(200).body("personDays", is(400));
    }

    @Test
    @TestSecurity(user = "acme-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void onlyAnAdminSetsRetention() {
        given().get("/api/v1/compliance/retention").then().statusCode(403);
        given().contentType("application/json").body("{\"personDays\":30}").put("/api/v1/compliance/retention")
                .then().statusCode(403);
    }
}
