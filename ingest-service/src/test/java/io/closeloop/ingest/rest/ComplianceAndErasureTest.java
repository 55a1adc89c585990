package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.Trust;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.closeloop.ingest.domain.ExportHashes;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.service.config.ConversionTypeFields;
import io.closeloop.ingest.service.config.ConversionTypeService;
import io.closeloop.ingest.service.config.TenantContextLoader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class ComplianceAndErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    TenantContextLoader contexts;
    @Inject
    ConversionTypeService types;

    @Test
    @TestSecurity(user = "acme-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aRequestIsHashedOnArrivalAndForwardedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = """
                {"type":"erasure","email":" Jane.Doe@Example.com","phone":"+1 415 555 2671","crmContactId":"C-1"}""";
        String requestId = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/compliance/requests").then().statusCode(202).extract().path("requestId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/compliance/requests").then().statusCode(202).body("requestId", equalTo(requestId));

        TopicProbe.readUntil(bootstrap, Topics.COMPLIANCE_REQUESTS.name(), Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> requestId.equals(TopicProbe.header(r, Headers.EVENT_ID))));
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(bootstrap,
                        Topics.COMPLIANCE_REQUESTS.name(), Duration.ofSeconds(2), read -> false).stream()
                .filter(r -> requestId.equals(TopicProbe.header(r, Headers.EVENT_ID))).toList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("acme:" + requestId);
        assertThat(records.get(0).value()).doesNotContainIgnoringCase("jane.doe").doesNotContain("5552671");
        ComplianceRequest request = Json.read(records.get(0).value(), ComplianceRequest.class);
        IdentifierHasher hasher = contexts.load("acme").hasher();
        String phoneKey = hasher.matchKey("phone", "+14155552671");
        assertThat(request.type()).isEqualTo("erasure");
        assertThat(request.requestedBy()).isEqualTo("acme-compliance");
        assertThat(request.identifiers()).containsExactlyInAnyOrder(
                new IdentifierRef(IdentifierKind.EMAIL, hasher.matchKey("email", "jane.doe@example.com"), Trust.VERIFIED),
                new IdentifierRef(IdentifierKind.PHONE, phoneKey, Trust.VERIFIED),
                new IdentifierRef(IdentifierKind.CALLER, phoneKey, Trust.VERIFIED),
                new IdentifierRef(IdentifierKind.CRM_CONTACT, "C-1", Trust.VERIFIED));
        LinkedHashMap<String, String> hashes = new LinkedHashMap<>(ExportHashes.ofEmail("jane.doe@example.com"));
        hashes.putAll(ExportHashes.ofPhone("+14155552671"));
        assertThat(request.exportHashes()).isEqualTo(hashes);
    }

    @Test
    @TestSecurity(user = "acme-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aRequestNeedsATypeAndAPerson() {
        given().contentType(ContentType.JSON).body("{\"type\":\"forget\",\"email\":\"a@b.co\"}")
                .post("/api/v1/compliance/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
        given().contentType(ContentType.JSON).body("{\"type\":\"access\"}")
                .post("/api/v1/compliance/requests").then().statusCode(400).body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON).body("{\"type\":\"access\",\"phone\":\"12\"}")
                .post("/api/v1/compliance/requests").then().statusCode(400).body("errors.field", hasItem("phone"));
    }

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void onlyComplianceOfficersSubmitRequests() {
        given().contentType(ContentType.JSON).body("{\"type\":\"access\",\"email\":\"a@b.co\"}")
                .post("/api/v1/compliance/requests").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "umbrella-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "umbrella"))
    void anErasureDeletesTheRawEventsOfEveryIdentifierAndConfirmsOnce() throws Exception {
        touch("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"email\":\"e1@example.com\"}");
        touch("{\"type\":\"form\",\"occurredAt\":\"2026-10-01T11:00:00Z\",\"email\":\"e1@example.com\","
                + "\"anonymousId\":\"dev-1\"}");
        touch("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"email\":\"e2@example.com\"}");
        types.put("umbrella", "deal", new ConversionTypeFields(null, null, null, null, null));
        given().contentType(ContentType.JSON).body("""
                {"dealId":"D-1","contactIds":["C-7","C-8"],"stage":"new","conversionType":"deal",
                 "occurredAt":"2026-10-01T13:00:00Z"}""").post("/api/v1/crm-stages").then().statusCode(202);
        touch("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T14:00:00Z\",\"anonymousId\":\"someone-else\"}");
        IdentifierHasher hasher = contexts.load("umbrella").hasher();
        String e2Hash = ExportHashes.ofEmail("e2@example.com").get("google_email");
        // e1 by its match key, e2 by its export hash, C-8 only as an account identifier of the deal.
        ErasureRequested request = new ErasureRequested("umbrella", UUID.randomUUID(), List.of(UUID.randomUUID()),
                List.of(new IdentifierRef(IdentifierKind.EMAIL, hasher.matchKey("email", "e1@example.com"),
                                Trust.VERIFIED),
                        new IdentifierRef(IdentifierKind.CRM_CONTACT, "C-8", Trust.VERIFIED),
                        new IdentifierRef(IdentifierKind.DEVICE, "C-8", Trust.VERIFIED)),
                List.of(e2Hash), Instant.now());
        UUID eventId = UUID.randomUUID();
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, Keys.request("umbrella", request.requestId()),
                request, eventId);
        String confirmedKey = "umbrella:" + request.requestId();
        List<ConsumerRecord<String, String>> confirmed = TopicProbe.readUntil(bootstrap,
                Topics.ERASURE_CONFIRMED.name(), Duration.ofSeconds(60),
                read -> read.stream().anyMatch(r -> confirmedKey.equals(r.key())));
        ErasureConfirmed confirmation = Json.read(confirmed.stream().filter(r -> confirmedKey.equals(r.key()))
                .findFirst().orElseThrow().value(), ErasureConfirmed.class);
        assertThat(confirmation.service()).isEqualTo("ingest");
        assertThat(confirmation.erasedRows()).isEqualTo(4);
        assertThat(InfraTestResource.database("ingest").queryStrings(
                "select payload from raw_event where tenant = 'umbrella'"))
                .singleElement().asString().contains("someone-else");

        // Redelivered: no second effect, no second confirmation.
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, Keys.request("umbrella", request.requestId()),
                request, eventId);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(TopicProbe.readUntil(bootstrap, Topics.ERASURE_CONFIRMED.name(), Duration.ofSeconds(3),
                read -> false).stream().filter(r -> confirmedKey.equals(r.key()))).hasSize(1);
    }

    private static void touch(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/touchpoints").then().statusCode(202);
    }
}
