package io.closeloop.identity.compliance;

import static io.closeloop.identity.compliance.ComplianceFixture.awaitRow;
import static io.closeloop.identity.compliance.ComplianceFixture.id;
import static io.closeloop.identity.compliance.ComplianceFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.identity.domain.AccessExport;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access exports and who may read the compliance API. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class AccessExportTest {

    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private ComplianceFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ComplianceFixture(bootstrap);
    }

    @Test
    @TestSecurity(user = "access-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "access"))
    void theExportListsIdentifiersByKindHashesConsentAndTheJourneysEventIds() throws Exception {
        String tenant = "access";
        IdentifierRef email = id(IdentifierKind.EMAIL, unique("mk-email"), Trust.VERIFIED);
        IdentifierRef device = id(IdentifierKind.DEVICE, unique("device"), Trust.ASSERTED);
        UUID touch = fixture.touch(tenant, AT, List.of(email, device), Map.of("google_email", "g-hash"));
        UUID person = fixture.resolvedTouch(touch).personId();
        UUID conversion = fixture.conversion(tenant, "o-access", AT.plusSeconds(3600), List.of(email),
                Map.of("google_email", "g-hash", "google_phone", "p-hash"));
        fixture.resolvedConversion(conversion);
        UUID requestId = fixture.request(tenant, ComplianceRequest.ACCESS, List.of(email), Map.of(), List.of());
        awaitRow("select 1 from subject_request where request_id = '" + requestId + "'");

        JsonPath export = given().get("/api/v1/compliance/requests/" + requestId + "/export")
                .then().statusCode(200).extract().jsonPath();

        assertThat(export.getString("requestId")).isEqualTo(requestId.toString());
        assertThat(export.getString("tenant")).isEqualTo(tenant);
        assertThat(export.getList("notes")).containsExactly(AccessExport.IDENTIFIER_NOTE, AccessExport.HASH_NOTE,
                AccessExport.CONSENT_NOTE);
        assertThat(export.getList("persons.personId")).containsExactly(person.toString());
        assertThat(export.getMap("persons[0].identifiers").keySet()).containsExactly("device", "email");
        assertThat(export.getList("persons[0].identifiers.device.value")).containsExactly(device.value());
        assertThat(export.getList("persons[0].identifiers.device.trust")).containsExactly("asserted");
        assertThat(export.getList("persons[0].identifiers.email.value")).containsExactly(email.value());
        assertThat(export.getList("persons[0].identifiers.email.trust")).containsExactly("verified");
        assertThat(export.getString("persons[0].identifiers.email[0].firstSeenAt")).isNotNull();
        assertThat(export.getMap("persons[0].exportHashes")).isEqualTo(Map.of("google_email", List.of("g-hash"),
                "google_phone", List.of("p-hash")));
        assertThat(export.getList("persons[0].consentHistory")).isEmpty();
        assertThat(export.getList("persons[0].events")).isEqualTo(List.of(
                event(touch, "touch", "2026-10-01T10:00:00Z", "paid_search", null),
                event(conversion, "conversion", "2026-10-01T11:00:00Z", null, "o-access")));

        JsonPath status = given().get("/api/v1/compliance/requests/" + requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("type")).isEqualTo("access");
        assertThat(status.getString("status")).isEqualTo("complete");
        assertThat(status.getList("services")).isEmpty();
        assertThat(ComplianceFixture.rows("select action from audit_entry where tenant = 'access'"
                + " and action <> 'consent_decision'"))
                .containsExactly("access_requested");
    }

    @Test
    @TestSecurity(user = "access-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "access-bad"))
    void badIdsAreNamedAndAnErasureHasNoExport() throws Exception {
        given().get("/api/v1/compliance/requests/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.is("id"));
        given().get("/api/v1/compliance/requests/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/compliance/requests?limit=0").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("limit"));
        UUID erasure = fixture.request("access-bad", ComplianceRequest.ERASURE,
                List.of(id(IdentifierKind.EMAIL, unique("mk"), Trust.VERIFIED)), Map.of(), List.of());
        awaitRow("select 1 from subject_request where request_id = '" + erasure + "'");
        given().get("/api/v1/compliance/requests/" + erasure).then().statusCode(200);
        given().get("/api/v1/compliance/requests/" + erasure + "/export").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void anAnalystCannotReadRequestsOrExports() {
        given().get("/api/v1/compliance/requests").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/compliance/requests/" + UUID.randomUUID()).then().statusCode(403);
        given().get("/api/v1/compliance/requests/" + UUID.randomUUID() + "/export").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "globex-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "globex"))
    void anotherTenantsComplianceOfficerSeesNoneOfAcmesRequests() throws Exception {
        UUID acme = fixture.request("acme", ComplianceRequest.ACCESS,
                List.of(id(IdentifierKind.EMAIL, unique("mk"), Trust.VERIFIED)), Map.of(), List.of());
        UUID globex = fixture.request("globex", ComplianceRequest.ACCESS,
                List.of(id(IdentifierKind.EMAIL, unique("mk"), Trust.VERIFIED)), Map.of(), List.of());
        awaitRow("select 1 from subject_request where request_id = '" + acme + "'");
        awaitRow("select 1 from subject_request where request_id = '" + globex + "'");

        given().get("/api/v1/compliance/requests/" + acme).then().statusCode(404);
        given().get("/api/v1/compliance/requests/" + acme + "/export").then().statusCode(404);
        List<String> listed = given().get("/api/v1/compliance/requests").then().statusCode(200)
                .extract().jsonPath().getList("requestId");
        assertThat(listed).contains(globex.toString()).doesNotContain(acme.toString());
        assertThat(ComplianceFixture.rows("select count(*) from subject_request where tenant = 'globex'"))
                .containsExactly(Integer.toString(listed.size()));
    }

    private static Map<String, Object> event(UUID id, String kind, String at, String channel, String conversionId) {
        Map<String, Object> event = new java.util.HashMap<>();
        event.put("eventId", id.toString());
        event.put("kind", kind);
        event.put("occurredAt", at);
        event.put("channel", channel);
        event.put("conversionId", conversionId);
        return event;
    }
}
