package io.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.infra.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A compliance officer erases a person by email. The request crosses every service through the real broker:
 * ingest hashes it and deletes the raw events, identity finds the person, tells everyone and deletes its
 * rows, attribution re-issues the credits anonymized, reporting keeps the totals, and the request completes
 * at four confirmations. An event about the person that arrives later does not bring them back.
 * The journey lies in August so that the October figures of {@link ClosedLoopSliceIT} stay untouched.
 */
class ErasureAcrossServicesIT {

    private static final String EMAIL = "erase.me@example.com";
    private static final String CONVERSION = "order-erase-0801";

    @Test
    void anErasedPersonIsGoneFromEveryServiceWhileRevenueTotalsStay() throws Exception {
        Platform4Services platform = Platform4Services.get();
        String ingest = platform.token("acme-ingest");
        UUID touch = send(platform, ingest, "/api/v1/touchpoints", Map.of("type", "ad_click",
                "occurredAt", "2026-08-01T09:00:00Z", "email", EMAIL,
                "utm", Map.of("source", "google", "medium", "cpc", "campaign", "august_brand")));
        UUID conversion = send(platform, ingest, "/api/v1/conversions", Map.of("conversionId", CONVERSION,
                "type", "purchase", "occurredAt", "2026-08-02T12:00:00Z", "email", EMAIL,
                "value", Map.of("amountMinor", 40_000, "currency", "EUR")));
        String bootstrap = platform.infra.kafka().bootstrapServers();
        UUID person = resolvedTouch(bootstrap, touch).personId();
        assertAugustRevenue(platform, 40_000L);

        String requestId = given().auth().oauth2(platform.token("acme-compliance")).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "email", "  Erase.Me@Example.com"))
                .post(platform.url("ingest") + "/api/v1/compliance/requests")
                .then().statusCode(202).extract().jsonPath().getString("requestId");

        JsonPath status = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> requestStatus(platform, requestId), s -> "complete".equals(s.getString("status")));
        assertThat(status.getList("personIds")).containsExactly(person.toString());
        assertThat(status.getList("services.service"))
                .containsExactlyInAnyOrder("ingest", "identity", "attribution", "reporting");
        assertThat(status.getList("services.status")).containsOnly("confirmed");

        // ingest: the raw events (the replay source) are gone.
        assertThat(platform.infra.database("ingest").queryLong("select count(*) from raw_event where event_id in ('"
                + touch + "', '" + conversion + "')")).isZero();
        // identity: no identifier or person row points to the person any more.
        assertThat(platform.infra.database("identity").queryLong(
                "select count(*) from identifier where person_id = '" + person + "'")).isZero();
        assertThat(platform.infra.database("identity").queryLong(
                "select count(*) from person where person_id = '" + person + "'")).isZero();
        // attribution: the newest credit set of every model is anonymized and names neither person nor touch.
        List<CreditSet> latest = latestCreditSets(bootstrap);
        assertThat(latest).isNotEmpty().allSatisfy(set -> {
            assertThat(set.status()).isEqualTo(CreditSet.Status.ANONYMIZED);
            assertThat(set.personId()).isNull();
            assertThat(set.lines()).allSatisfy(line -> assertThat(line.touchId()).isNull());
            assertThat(set.lines().stream().mapToLong(l -> l.creditMinor()).sum()).isEqualTo(40_000L);
        });
        // reporting: the revenue stays in the totals.
        assertAugustRevenue(platform, 40_000L);

        // A late event about the erased person is accepted by ingest but never stitched again.
        UUID late = send(platform, ingest, "/api/v1/touchpoints", Map.of("type", "ad_click",
                "occurredAt", "2026-08-03T09:00:00Z", "email", EMAIL,
                "utm", Map.of("source", "google", "medium", "cpc", "campaign", "august_brand")));
        List<TouchpointResolved> resolved = TopicProbe.readUntil(bootstrap, Topics.TOUCHPOINTS_RESOLVED.name(),
                        Duration.ofSeconds(8), records -> false).stream()
                .map(r -> read(r.value(), TouchpointResolved.class)).toList();
        assertThat(resolved).noneMatch(t -> t.eventId().equals(late));
    }

    private static UUID send(Platform4Services platform, String token, String path, Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(platform.url("ingest") + path).then().statusCode(202).extract().jsonPath()
                .getString("eventId"));
    }

    private static TouchpointResolved resolvedTouch(String bootstrap, UUID eventId) {
        return TopicProbe.readUntil(bootstrap, Topics.TOUCHPOINTS_RESOLVED.name(), Duration.ofSeconds(60),
                        records -> records.stream().anyMatch(r -> r.value().contains(eventId.toString()))).stream()
                .map(r -> read(r.value(), TouchpointResolved.class))
                .filter(t -> t.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("touch " + eventId + " was not resolved"));
    }

    private static List<CreditSet> latestCreditSets(String bootstrap) {
        Map<String, CreditSet> newest = new java.util.HashMap<>();
        TopicProbe.readUntil(bootstrap, Topics.CREDITS.name(), Duration.ofSeconds(3), records -> false).stream()
                .map(r -> read(r.value(), CreditSet.class))
                .filter(set -> set.conversionId().equals(CONVERSION))
                .forEach(set -> newest.merge(set.modelId(), set,
                        (a, b) -> a.setVersion() >= b.setVersion() ? a : b));
        return List.copyOf(newest.values());
    }

    private static JsonPath requestStatus(Platform4Services platform, String requestId) {
        return given().auth().oauth2(platform.token("acme-compliance"))
                .get(platform.url("identity") + "/api/v1/compliance/requests/" + requestId)
                .then().extract().jsonPath();
    }

    private static void assertAugustRevenue(Platform4Services platform, long expected) {
        String url = platform.url("reporting")
                + "/api/v1/reports/attributed-revenue?model=last_touch&from=2026-08-01&to=2026-08-31";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(given().auth().oauth2(platform.token("acme-analyst")).get(url).then().statusCode(200)
                        .extract().jsonPath().getList("totals.revenueMinor", Long.class)).containsExactly(expected));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.read(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
