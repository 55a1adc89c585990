package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class EventResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aTouchpointIsStoredHashedAndPublishedOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        String body = """
                {"eventId":"%s","type":"ad_click","occurredAt":"2026-10-01T12:00:00+02:00",
                 "email":"  Jane.Doe@Example.com ","anonymousId":"dev-42",
                 "utm":{"source":"Google","medium":"CPC","campaign":"Brand_Search"},
                 "clickIds":{"gclid":"abc123"},"landingPage":"https://shop.example.com/"}
                """.formatted(eventId);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/touchpoints")
                .then().statusCode(202).body("status", equalTo("accepted")).body("eventId", equalTo(eventId.toString()));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/touchpoints")
                .then().statusCode(202).body("status", equalTo("duplicate"));

        List<ConsumerRecord<String, String>> records = read("touchpoints.raw", eventId, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(TopicProbe.header(record, Headers.TENANT)).isEqualTo("acme");
        assertThat(TopicProbe.header(record, Headers.EVENT_TYPE)).isEqualTo("touchpoint.raw");
        assertThat(record.value()).doesNotContainIgnoringCase("jane.doe@example.com");
        TouchpointRaw touch = Json.read(record.value(), TouchpointRaw.class);
        assertThat(touch.occurredAt()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(touch.sourceZone()).isEqualTo("+02:00");
        assertThat(touch.channel()).isEqualTo("paid_search");
        assertThat(touch.utm().campaign()).isEqualTo("brand_search");
        assertThat(touch.identifiers()).extracting(i -> i.kind())
                .containsExactlyInAnyOrder(IdentifierKind.EMAIL, IdentifierKind.DEVICE, IdentifierKind.CLICK_ID);
        assertThat(record.key()).startsWith("acme:email:");
        // echo -n "jane.doe@example.com" | sha256sum
        assertThat(touch.exportHashes()).containsEntry("google_email",
                "86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d");
        assertThat(storedPayloads()).noneMatch(p -> p.toLowerCase().contains("jane.doe@example.com"));
    }

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aPhoneIsHashedAsE164AndTheLandingPageFillsUtmAndClickIds() throws Exception {
        UUID eventId = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                {"eventId":"%s","type":"ad_click","occurredAt":"2026-10-01T12:00:00Z","phone":"+1 (415) 555-2671",
                 "utm":{"term":"Running Shoes"},
                 "landingPage":"https://shop.example.com/?utm_source=Google&utm_medium=CPC&utm_campaign=Brand%%20Q4&utm_term=x&gclid=Cj0-xyz"}
                """.formatted(eventId)).post("/api/v1/touchpoints").then().statusCode(202);

        ConsumerRecord<String, String> record = read("touchpoints.raw", eventId, Duration.ofSeconds(30)).get(0);
        TouchpointRaw touch = Json.read(record.value(), TouchpointRaw.class);
        assertThat(touch.channel()).isEqualTo("paid_search");
        assertThat(touch.utm().source()).isEqualTo("google");
        assertThat(touch.utm().campaign()).isEqualTo("brand q4");
        assertThat(touch.utm().term()).isEqualTo("Running Shoes");
        assertThat(touch.clickIds()).containsEntry("gclid", "Cj0-xyz");
        assertThat(touch.identifiers()).extracting(i -> i.kind())
                .containsExactlyInAnyOrder(IdentifierKind.PHONE, IdentifierKind.CLICK_ID);
        // printf %s +14155552671 | sha256sum ; printf %s 14155552671 | sha256sum
        assertThat(touch.exportHashes())
                .containsEntry("google_phone", "cb6880e416769253645cb9c6b8989154bf66a56a77fc14c81fb1019663cbb928")
                .containsEntry("meta_phone", "758fbf68945f21c416814c539ab578876c8d98fb69e6da692def92cd52417fe0");
        assertThat(record.value()).doesNotContain("4155552671").doesNotContain("555-2671");
        assertThat(storedPayloads()).noneMatch(p -> p.contains("4155552671") || p.contains("555-2671"));
    }

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aConversionKeepsItsExactValueAndExportHash() throws Exception {
        UUID acmeEvent = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","conversionId":"o-1","type":"purchase","occurredAt":"2026-10-02T10:00:00Z",
                         "email":"pat@example.com","value":{"amountMinor":125000,"currency":"eur"}}
                        """.formatted(acmeEvent))
                .post("/api/v1/conversions").then().statusCode(202);
        ConversionRaw acme = Json.read(read("conversions.raw", acmeEvent, Duration.ofSeconds(30)).get(0).value(),
                ConversionRaw.class);
        assertThat(acme.value().amountMinor()).isEqualTo(125000);
        assertThat(acme.value().currency()).isEqualTo("EUR");
        assertThat(acme.status()).isEqualTo("completed");
        // echo -n "pat@example.com" | sha256sum
        assertThat(acme.exportHashes()).containsEntry("google_email",
                "fe9733fcc96501276776fc927df08a395835461a2c5b12c65ebab3454877e227");
    }

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aTenantInTheBodyIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"tenant\":\"globex\",\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}")
                .post("/api/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("tenant"))
                .body("errors[0].reason", containsString("access token"));
    }

    @Test
    @TestSecurity(user = "acme-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void badInputIsA400NamingTheField() {
        problem("{\"type\":\"page_view\"", "$");
        problem("{\"type\":\"teleport\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}", "type");
        problem("{\"type\":\"page_view\",\"occurredAt\":\"yesterday\"}", "occurredAt");
        problem("{\"type\":\"page_view\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}", "occurredAt");
        // An unusable contact field is dropped with a warning; the touch itself is kept.
        for (String field : List.of("email", "phone")) {
            given().contentType(ContentType.JSON).body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\""
                            + field + "\":\"123\"}")
                    .post("/api/v1/touchpoints").then().statusCode(202).body("warnings.field", hasItem(field));
        }
        problem("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"clickIds\":{\"zzclid\":\"1\"}}",
                "clickIds.zzclid");
        problem("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"colour\":\"red\"}", "colour");
        problem("[1,2]", "$");
        given().contentType(ContentType.JSON)
                .body("{\"conversionId\":\"o-2\",\"type\":\"purchase\",\"occurredAt\":\"2026-10-01T10:00:00Z\","
                        + "\"value\":{\"amountMinor\":\"lots\",\"currency\":\"EUR\"}}")
                .post("/api/v1/conversions").then().statusCode(400).body("errors.field", hasItem("value.amountMinor"));
        given().contentType(ContentType.JSON)
                .body("{\"conversionId\":\"o-2\",\"type\":\"purchase\",\"occurredAt\":\"2026-10-01T10:00:00Z\","
                        + "\"value\":{\"amountMinor\":100,\"currency\":\"XYZ\"}}")
                .post("/api/v1/conversions").then().statusCode(400).body("errors.field", hasItem("value.currency"));
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"purchase\",\"occurredAt\":\"2026-10-01T10:00:00Z\",\"status\":\"maybe\"}")
                .post("/api/v1/conversions").then().statusCode(400)
                .body("errors.field", hasItem("conversionId")).body("errors.field", hasItem("status"));
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/touchpoints").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void anAnalystMayNotSendData() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/touchpoints").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "nobody", roles = "ingest")
    void aTokenWithoutTenantIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}")
                .post("/api/v1/touchpoints").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "acme-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void anAdminSetsTheTenantSettingsAndTheyArePublished() throws Exception {
        given().get("/api/v1/tenant/settings").then().statusCode(200).body("timeZone", equalTo("UTC"));
        given().contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Europe/Berlin\",\"baseCurrency\":\"EUR\",\"phoneRegion\":\"DE\"}")
                .put("/api/v1/tenant/settings").then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
        given().contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Mars/Olympus\",\"baseCurrency\":\"EUR\",\"phoneRegion\":\"DE\"}")
                .put("/api/v1/tenant/settings").then().statusCode(400).body("errors.field", hasItem("timeZone"));
        List<ConsumerRecord<String, String>> settings = TopicProbe.readUntil(bootstrap, "tenants",
                Duration.ofSeconds(30), records -> records.stream().anyMatch(r -> r.value().contains("Europe/Berlin")));
        assertThat(settings).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("acme");
            assertThat(r.value()).contains("\"baseCurrency\":\"EUR\"");
        });
    }

    private static void problem(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/touchpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    private static List<String> storedPayloads() throws Exception {
        List<String> payloads = InfraTestResource.database("ingest").queryStrings("select payload from raw_event");
        assertThat(payloads).isNotEmpty();
        return payloads;
    }

    /** The records of one event, read until it appears and a little longer so that a second copy would show. */
    private List<ConsumerRecord<String, String>> read(String topic, UUID eventId, Duration wait) {
        String id = eventId.toString();
        TopicProbe.readUntil(bootstrap, topic, wait, records -> records.stream().anyMatch(r -> id.equals(
                TopicProbe.header(r, Headers.EVENT_ID))));
        return TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).toList();
    }
}
