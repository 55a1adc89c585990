package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Reclassification as a job: touches whose channel the current rules change are published again as a new version
 * of the same touch (same payload eventId, key and topic; a new, deterministic event-id header), the others not;
 * the same reclassification run again changes nothing. A touch stored before source derivation existed (organic
 * search stored as direct) is corrected too.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class ReclassifyTest {

    static final String TENANT = "reclassify";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "reclassify-admin", roles = {"ingest", "admin"})
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void changedTouchesArePublishedAgainUnderTheirOwnIdAndANewMessageId() throws Exception {
        UUID organic = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-09-01T10:00:00Z","anonymousId":"d-1",
                 "referrer":"https://www.google.de/","landingPage":"https://acme.example/"}""");
        UUID facebook = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-09-02T10:00:00Z","anonymousId":"d-2",
                 "referrer":"https://l.facebook.com/","landingPage":"https://acme.example/?fbclid=IwAR1"}""");
        UUID badge = accept("badge-scans", """
                {"eventId":"%s","occurredAt":"2026-09-03T10:00:00Z","event":"Expo","attendeeId":"a-1"}""");
        UUID requested = accept("touchpoints", """
                {"eventId":"%s","type":"ad_click","occurredAt":"2026-09-04T10:00:00Z","anonymousId":"d-3",
                 "channel":"partner_ads","clickIds":{"fbclid":"IwAR2"}}""");
        UUID outside = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-10-05T10:00:00Z","anonymousId":"d-4",
                 "clickIds":{"fbclid":"IwAR3"},"referrer":"https://l.facebook.com/"}""");
        UUID gclid = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-10-06T10:00:00Z","anonymousId":"d-5",
                 "landingPage":"https://acme.example/?gclid=Cj0-1"}""");
        UUID legacy = storeLegacyOrganicVisit();
        Map<UUID, TouchpointRaw> first = latest(read(6));
        assertThat(first.get(gclid).channel()).isEqualTo("paid_search");
        assertThat(first.get(gclid).utm()).isEqualTo(new Utm("google", "cpc", null, null, null));
        assertThat(first.get(gclid).attributes()).containsEntry("source_origin", "click_id")
                .containsEntry("channel_origin", "default");
        assertThat(first.get(organic).channel()).isEqualTo("organic_search");
        assertThat(first.get(organic).utm()).isEqualTo(new Utm("google", "organic", null, null, null));
        assertThat(first.get(facebook).channel()).isEqualTo("organic_social");
        assertThat(first.get(badge).channel()).isEqualTo("events");

        given().contentType(ContentType.JSON).body("""
                {"rules":[{"clickId":"fbclid","channel":"paid_social"},
                          {"kind":"badge_scan","channel":"trade_shows"}]}""")
                .put("/api/v1/channel-rules").then().statusCode(200)
                .body("rules[0].clickId", equalTo("fbclid")).body("rules[1].kind", equalTo("badge_scan"));

        Map<String, Object> job = reclassify("2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z");
        assertThat(job).containsEntry("state", "completed").containsEntry("progress", 1.0f)
                .containsEntry("touchesTotal", 5).containsEntry("touchesRead", 5)
                .containsEntry("changed", 3).containsEntry("published", 3);

        List<ConsumerRecord<String, String>> all = read(6 + 3);
        assertThat(all).hasSize(9);
        List<ConsumerRecord<String, String>> versions = all.stream().filter(r -> !r.value().contains(
                "\"eventId\":\"" + TopicProbe.header(r, Headers.EVENT_ID) + "\"")).toList();
        assertThat(versions).hasSize(3);
        String revision = (String) job.get("revision");
        Map<UUID, TouchpointRaw> now = latest(all);
        assertThat(now.get(facebook).channel()).isEqualTo("paid_social");
        assertThat(now.get(facebook).utm().source()).isEqualTo("l.facebook.com");
        assertThat(now.get(badge).channel()).isEqualTo("trade_shows");
        assertThat(now.get(legacy).channel()).isEqualTo("organic_search");
        assertThat(now.get(legacy).utm()).isEqualTo(new Utm("bing", "organic", null, null, null));
        assertThat(now.get(requested).channel()).isEqualTo("partner_ads");
        assertThat(now.get(organic).channel()).isEqualTo("organic_search");
        assertThat(now.get(outside).channel()).isEqualTo("organic_social");
        for (ConsumerRecord<String, String> version : versions) {
            UUID touchId = Json.read(version.value(), TouchpointRaw.class).eventId();
            UUID messageId = UUID.fromString(TopicProbe.header(version, Headers.EVENT_ID));
            assertThat(List.of(facebook, badge, legacy)).contains(touchId);
            assertThat(messageId).isNotEqualTo(touchId).isEqualTo(UUID.nameUUIDFromBytes(
                    ("reclassify:" + touchId + ":" + revision).getBytes(StandardCharsets.UTF_8)));
            all.stream().filter(r -> r != version && r.value().contains(touchId.toString())).findFirst()
                    .ifPresent(original -> assertThat(version.key()).isEqualTo(original.key()));
        }

        Map<String, Object> again = reclassify("2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z");
        assertThat(again).containsEntry("state", "completed").containsEntry("revision", revision)
                .containsEntry("touchesRead", 5).containsEntry("changed", 0).containsEntry("published", 0);
        assertThat(read(9)).hasSize(9);
    }

    @Test
    @TestSecurity(user = "reclassify-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void aReclassificationNeedsAValidRangeAndAnotherTenantsJobIsNotFound() {
        given().contentType(ContentType.JSON).body("{\"from\":\"2026-10-02T00:00:00Z\",\"to\":\"2026-10-01T00:00:00Z\"}")
                .post("/api/v1/admin/reclassify").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        given().contentType(ContentType.JSON).body("{\"from\":\"yesterday\"}")
                .post("/api/v1/admin/reclassify").then().statusCode(400)
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("to"));
        given().get("/api/v1/admin/reclassify/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "reclassify-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void onlyAnAdminReclassifies() {
        given().contentType(ContentType.JSON).body("{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}")
                .post("/api/v1/admin/reclassify").then().statusCode(403);
    }

    private Map<String, Object> reclassify(String from, String to) {
        String location = given().contentType(ContentType.JSON).body("""
                {"from":"%s","to":"%s"}""".formatted(from, to))
                .post("/api/v1/admin/reclassify").then().statusCode(202)
                .header("Location", containsString("/api/v1/admin/reclassify/")).extract().header("Location");
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get(location).then().statusCode(200).extract().jsonPath()
                                .<String, Object>getMap(""),
                        job -> !"queued".equals(job.get("state")) && !"running".equals(job.get("state")));
    }

    /** A page view from Bing as the foundation stored it: no UTM fields, so channel direct, and no origins. */
    private UUID storeLegacyOrganicVisit() throws Exception {
        UUID id = UUID.randomUUID();
        TouchpointRaw touch = new TouchpointRaw(TENANT, id, "page_view", Instant.parse("2026-09-05T10:00:00Z"), "UTC",
                Instant.parse("2026-09-05T10:00:01Z"), "direct", new Utm(null, null, null, null, null), Map.of(),
                "https://acme.example/", "https://www.bing.com/search?q=acme", List.of(), Map.of());
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into raw_event (tenant, event_id, kind, occurred_at, topic, record_key, payload, headers)"
                        + " values (?, ?, 'touchpoint', ?, 'touchpoints.raw', ?, ?, ?)")) {
            insert.setString(1, TENANT);
            insert.setObject(2, id);
            insert.setObject(3, OffsetDateTime.ofInstant(touch.occurredAt(), ZoneOffset.UTC));
            insert.setString(4, TENANT + ":" + id);
            insert.setString(5, Json.write(touch));
            insert.setString(6, Json.write(Map.of("event-id", id.toString(), "event-type", "touchpoint.raw",
                    "tenant", TENANT, "schema-version", "2")));
            insert.executeUpdate();
        }
        return id;
    }

    private static UUID accept(String kind, String body) {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(body.formatted(id)).post("/api/v1/" + kind)
                .then().statusCode(202).body("status", equalTo("accepted"));
        return id;
    }

    private List<ConsumerRecord<String, String>> read(int expected) {
        TopicProbe.readUntil(bootstrap, "touchpoints.raw", Duration.ofSeconds(60),
                records -> BatchIngestTest.ofTenant(records, TENANT).size() >= expected);
        return BatchIngestTest.ofTenant(TopicProbe.readUntil(bootstrap, "touchpoints.raw", Duration.ofSeconds(2),
                r -> false), TENANT);
    }

    /** What a consumer keyed by touch id keeps: the latest version of each touch. */
    private static Map<UUID, TouchpointRaw> latest(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<UUID, TouchpointRaw> touches = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            TouchpointRaw touch = Json.read(record.value(), TouchpointRaw.class);
            touches.put(touch.eventId(), touch);
        }
        return touches;
    }
}
