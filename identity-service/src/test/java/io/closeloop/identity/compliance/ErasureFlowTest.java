package io.closeloop.identity.compliance;

import static io.closeloop.identity.compliance.ComplianceFixture.awaitRow;
import static io.closeloop.identity.compliance.ComplianceFixture.id;
import static io.closeloop.identity.compliance.ComplianceFixture.rows;
import static io.closeloop.identity.compliance.ComplianceFixture.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.Trust;
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

/** The erasure protocol through the real broker and database, with the other services played by the test. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class ErasureFlowTest {

    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private ComplianceFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ComplianceFixture(bootstrap);
    }

    @Test
    @TestSecurity(user = "erase-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "erase"))
    void anErasedPersonIsGoneEverywhereStaysGoneAndTheRequestCompletesAtFourConfirmations() throws Exception {
        String tenant = "erase";
        IdentifierRef email = id(IdentifierKind.EMAIL, unique("mk-email"), Trust.VERIFIED);
        IdentifierRef device = id(IdentifierKind.DEVICE, unique("device"), Trust.ASSERTED);
        IdentifierRef click = id(IdentifierKind.CLICK_ID, unique("gclid"), Trust.ASSERTED);
        IdentifierRef crm = id(IdentifierKind.CRM_CONTACT, unique("crm"), Trust.VERIFIED);
        IdentifierRef caller = id(IdentifierKind.CALLER, unique("mk-caller"), Trust.VERIFIED);
        String googleEmail = unique("google-email-hash");
        String metaPhone = unique("meta-phone-hash");
        UUID touch = fixture.touch(tenant, AT, List.of(email, device, click), Map.of("google_email", googleEmail));
        UUID conversion = fixture.conversion(tenant, "o-erase", AT.plusSeconds(3600), List.of(email, crm, caller),
                Map.of("meta_phone", metaPhone));
        UUID person = fixture.resolvedTouch(touch).personId();
        assertThat(fixture.resolvedConversion(conversion).personId()).isEqualTo(person);

        // Ingest forwards the officer's request with the email as its match key and its export hash.
        UUID requestId = fixture.request(tenant, ComplianceRequest.ERASURE, List.of(email),
                Map.of("google_email", googleEmail), List.of());

        ErasureRequested erasure = Json.read(fixture.forRequest(Topics.ERASURE_REQUESTED.name(), requestId).value(),
                ErasureRequested.class);
        assertThat(erasure.tenant()).isEqualTo(tenant);
        assertThat(erasure.personIds()).containsExactly(person);
        IdentifierRef phone = id(IdentifierKind.PHONE, caller.value(), Trust.VERIFIED);
        assertThat(erasure.identifiers()).containsExactly(crm, email, phone, caller, click, device);
        assertThat(erasure.exportHashes()).containsExactlyElementsOf(
                List.of(googleEmail, metaPhone).stream().sorted().toList());
        ErasureConfirmed own = Json.read(fixture.forRequest(Topics.ERASURE_CONFIRMED.name(), requestId).value(),
                ErasureConfirmed.class);
        assertThat(own.service()).isEqualTo("identity");
        // 5 identifiers, 2 export hashes, 2 events and the person.
        assertThat(own.erasedRows()).isEqualTo(10);

        String who = "'" + person + "'";
        for (String table : List.of("identifier", "person_export_hash", "person_event", "person")) {
            assertThat(rows("select count(*) from " + table + " where tenant = 'erase' and person_id = " + who))
                    .as(table).containsExactly("0");
        }
        assertThat(rows("select count(*) from erasure_tombstone where tenant = 'erase' and request_id = '"
                + requestId + "'")).containsExactly("5");
        for (IdentifierRef erased : erasure.identifiers()) {
            assertThat(rows("select count(*) from erasure_tombstone where digest like '%" + erased.value() + "%'"))
                    .as("a tombstone is not the identifier").containsExactly("0");
        }

        JsonPath pending = given().get("/api/v1/compliance/requests/" + requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(pending.getString("status")).isEqualTo("in_progress");
        assertThat(pending.getList("personIds")).containsExactly(person.toString());
        assertThat(pending.getList("services.service")).containsExactly("ingest", "identity", "attribution",
                "reporting");
        assertThat(pending.getList("services.status")).containsExactly("pending", "confirmed", "pending", "pending");
        assertThat(pending.getLong("services[1].erasedRows")).isEqualTo(10);

        // A redelivered raw event (same id) and late ones carrying an erased identifier re-create nobody.
        fixture.touch(tenant, touch, AT, List.of(email, device, click), Map.of("google_email", googleEmail));
        UUID lateTouch = fixture.touch(tenant, AT.plusSeconds(60), List.of(device), Map.of());
        IdentifierRef newPhone = id(IdentifierKind.PHONE, unique("mk-phone"), Trust.VERIFIED);
        UUID lateConversion = fixture.conversion(tenant, "o-late", AT.plusSeconds(7200), List.of(crm, newPhone),
                Map.of());
        UUID touchMarker = fixture.touch(tenant, AT, List.of(id(IdentifierKind.EMAIL, unique("mk-other"),
                Trust.VERIFIED)), Map.of());
        UUID conversionMarker = fixture.conversion(tenant, "o-other", AT, List.of(id(IdentifierKind.EMAIL,
                unique("mk-other"), Trust.VERIFIED)), Map.of());
        fixture.resolvedTouch(touchMarker);
        fixture.resolvedConversion(conversionMarker);
        assertThat(fixture.withEventIds(Topics.TOUCHPOINTS_RESOLVED.name(), List.of(touch, lateTouch)))
                .as("resolved once, before the erasure").hasSize(1);
        assertThat(fixture.withEventIds(Topics.CONVERSIONS_RESOLVED.name(), List.of(lateConversion))).isEmpty();
        assertThat(rows("select sum(events) from erasure_dropped where tenant = 'erase'")).containsExactly("2");
        assertThat(rows("select count(*) from identifier where tenant = 'erase' and value in ('" + device.value()
                + "', '" + crm.value() + "', '" + newPhone.value() + "')")).containsExactly("0");

        fixture.confirm(tenant, requestId, "ingest", 3);
        fixture.confirm(tenant, requestId, "attribution", 7);
        fixture.confirm(tenant, requestId, "reporting", 0);
        awaitRow("select 1 from subject_request where tenant = 'erase' and request_id = '" + requestId
                + "' and status = 'complete'");

        JsonPath done = given().get("/api/v1/compliance/requests/" + requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("complete");
        assertThat(done.getString("completedAt")).isNotNull();
        assertThat(done.getList("services.status")).containsOnly("confirmed");
        assertThat(done.getList("services.erasedRows", Long.class)).containsExactly(3L, 10L, 7L, 0L);
        assertThat(rows("select action || coalesce(':' || (details->>'service'), '') from audit_entry"
                + " where tenant = 'erase' and action <> 'consent_decision' order by seq"))
                .as("consent decisions of the stitched events interleave; the erasure's own entries are in order")
                .containsExactly("erasure_requested",
                "erasure_confirmed:identity", "erasure_confirmed:ingest", "erasure_confirmed:attribution",
                "erasure_confirmed:reporting", "erasure_completed");
        assertThat(rows("select person_id from audit_entry where tenant = 'erase' and action = 'erasure_completed'"))
                .containsExactly(person.toString());
    }

    @Test
    @TestSecurity(user = "nobody-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "erase-nobody"))
    void aRequestThatFindsNobodyStillAsksEveryServiceAndCompletesWithZeroPersons() throws Exception {
        String tenant = "erase-nobody";
        IdentifierRef email = id(IdentifierKind.EMAIL, unique("mk-unknown"), Trust.VERIFIED);
        UUID requestId = fixture.request(tenant, ComplianceRequest.ERASURE, List.of(email),
                Map.of("google_email", "h-unknown"), List.of(UUID.randomUUID()));

        ErasureRequested erasure = Json.read(fixture.forRequest(Topics.ERASURE_REQUESTED.name(), requestId).value(),
                ErasureRequested.class);
        assertThat(erasure.personIds()).isEmpty();
        assertThat(erasure.identifiers()).containsExactly(email);
        assertThat(erasure.exportHashes()).containsExactly("h-unknown");
        for (String service : List.of("ingest", "attribution", "reporting")) {
            fixture.confirm(tenant, requestId, service, 0);
        }
        awaitRow("select 1 from subject_request where tenant = 'erase-nobody' and status = 'complete'");

        JsonPath done = given().get("/api/v1/compliance/requests/" + requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(done.getList("personIds")).isEmpty();
        assertThat(done.getList("services.erasedRows", Long.class)).containsExactly(0L, 0L, 0L, 0L);

        // A later event with the requested identifier does not create the person either.
        UUID late = fixture.touch(tenant, AT, List.of(email), Map.of());
        UUID marker = fixture.touch(tenant, AT, List.of(id(IdentifierKind.EMAIL, unique("mk"), Trust.VERIFIED)),
                Map.of());
        fixture.resolvedTouch(marker);
        assertThat(fixture.withEventIds(Topics.TOUCHPOINTS_RESOLVED.name(), List.of(late))).isEmpty();
    }

    @Test
    @TestSecurity(user = "erase-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "erase-dup"))
    void aResentRequestAndARepeatedConfirmationCountOnce() throws Exception {
        String tenant = "erase-dup";
        IdentifierRef email = id(IdentifierKind.EMAIL, unique("mk-dup"), Trust.VERIFIED);
        UUID touch = fixture.touch(tenant, AT, List.of(email), Map.of());
        fixture.resolvedTouch(touch);
        UUID requestId = fixture.request(tenant, ComplianceRequest.ERASURE, List.of(email), Map.of(), List.of());
        fixture.forRequest(Topics.ERASURE_REQUESTED.name(), requestId);
        fixture.request(tenant, requestId, ComplianceRequest.ERASURE, List.of(email), Map.of(), List.of());
        fixture.confirm(tenant, requestId, "ingest", 1);
        fixture.confirm(tenant, requestId, "ingest", 1);
        awaitRow("select 1 from erasure_confirmation where tenant = 'erase-dup' and service = 'ingest'");

        JsonPath status = given().get("/api/v1/compliance/requests/" + requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("status")).isEqualTo("in_progress");
        assertThat(status.getList("services.status")).containsExactly("confirmed", "confirmed", "pending", "pending");
        await().during(java.time.Duration.ofSeconds(1)).atMost(java.time.Duration.ofSeconds(3)).until(() ->
                rows("select count(*) from audit_entry where tenant = 'erase-dup' and action = 'erasure_confirmed'")
                        .equals(List.of("2")));
        assertThat(rows("select count(*) from erasure_tombstone where tenant = 'erase-dup'")).containsExactly("1");
        assertThat(fixture.allForRequest(Topics.ERASURE_REQUESTED.name(), requestId)).hasSize(1);
        assertThat(rows("select count(*) from subject_request where tenant = 'erase-dup'")).containsExactly("1");
    }
}
