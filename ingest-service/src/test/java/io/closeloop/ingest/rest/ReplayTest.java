package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.contracts.Headers;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Replay: a consumer whose store was reset rebuilds exactly the state it had from the republished events:
 * same event ids, keys, payloads and headers, each key's events in time order.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class ReplayTest {

    static final String TENANT = "replay";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "replay-admin", roles = {"ingest", "admin"})
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void aResetConsumerRebuildsTheSameStateFromTheReplay() {
        // 20 October touches over 5 devices (sent newest first), and 3 in November that stay out of the replay.
        String october = IntStream.range(0, 20).mapToObj(i -> """
                {"type":"page_view","occurredAt":"2026-10-%02dT12:00:00Z","anonymousId":"dev-%d"}"""
                .formatted(20 - i, i % 5)).collect(Collectors.joining("\n"));
        String november = IntStream.range(0, 3).mapToObj(i -> """
                {"type":"page_view","occurredAt":"2026-11-0%dT12:00:00Z","anonymousId":"dev-%d"}"""
                .formatted(i + 1, i)).collect(Collectors.joining("\n"));
        given().contentType("application/x-ndjson").body((october + "\n" + november).getBytes())
                .post("/api/v1/touchpoints/batch").then().statusCode(200).body("accepted", equalTo(23));
        given().contentType(ContentType.JSON).body("""
                {"conversionId":"o-1","type":"purchase","occurredAt":"2026-10-21T10:00:00Z","anonymousId":"dev-1"}""")
                .post("/api/v1/conversions").then().statusCode(202);
        Map<String, ConsumerRecord<String, String>> original = state(read("touchpoints.raw", 23));

        given().contentType(ContentType.JSON).body("""
                {"from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","kinds":["touchpoint"]}""")
                .post("/api/v1/admin/replay").then().statusCode(200).body("queued", equalTo(20));

        List<ConsumerRecord<String, String>> all = read("touchpoints.raw", 43);
        assertThat(all).hasSize(43);
        // The reset consumer: only what came after the originals, i.e. the replay.
        List<ConsumerRecord<String, String>> replayed = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : all) {
            if (seen.merge(TopicProbe.header(record, Headers.EVENT_ID), 1, Integer::sum) == 2) {
                replayed.add(record);
            }
        }
        Map<String, ConsumerRecord<String, String>> rebuilt = state(replayed);
        assertThat(rebuilt).hasSize(20);
        rebuilt.forEach((eventId, record) -> {
            ConsumerRecord<String, String> before = original.get(eventId);
            assertThat(record.key()).isEqualTo(before.key());
            assertThat(record.value()).isEqualTo(before.value());
            assertThat(record.headers().toArray()).containsExactlyInAnyOrder(before.headers().toArray());
        });
        assertThat(original.values().stream().filter(r -> r.value().contains("\"occurredAt\":\"2026-11-"))).hasSize(3);
        assertThat(rebuilt.values()).noneMatch(r -> r.value().contains("\"occurredAt\":\"2026-11-"));
        // Per key (and partition) the replay is in time order, although the events were sent newest first.
        replayed.stream().collect(Collectors.groupingBy(ConsumerRecord::key)).values().forEach(stream ->
                assertThat(stream.stream().map(r -> r.value().replaceAll(".*\"occurredAt\":\"([^\"]+)\".*", "$1"))
                        .toList()).isSorted());
        assertThat(read("conversions.raw", 1)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "replay-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void aReplayNeedsAValidRange() {
        given().contentType(ContentType.JSON).body("{\"from\":\"2026-10-02T00:00:00Z\",\"to\":\"2026-10-01T00:00:00Z\"}")
                .post("/api/v1/admin/replay").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        given().contentType(ContentType.JSON).body("{\"from\":\"yesterday\",\"kinds\":[\"Touch Point\"]}")
                .post("/api/v1/admin/replay").then().statusCode(400)
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("to"))
                .body("errors.field", hasItem("kinds[0]"));
    }

    @Test
    @TestSecurity(user = "replay-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void onlyAnAdminReplays() {
        given().contentType(ContentType.JSON).body("{\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}")
                .post("/api/v1/admin/replay").then().statusCode(403);
    }

    private List<ConsumerRecord<String, String>> read(String topic, int expected) {
        TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(60),
                records -> BatchIngestTest.ofTenant(records, TENANT).size() >= expected);
        return BatchIngestTest.ofTenant(TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(2), r -> false),
                TENANT);
    }

    /** What a consumer keeps: the latest record per event id. */
    private static Map<String, ConsumerRecord<String, String>> state(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> state = new LinkedHashMap<>();
        records.forEach(r -> state.put(TopicProbe.header(r, Headers.EVENT_ID), r));
        return state;
    }
}
