package io.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.Topics;
import io.closeloop.infra.TopicProbe;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace follows a conversion from the ingest request through every service: the caller starts it with a W3C
 * {@code traceparent}, each hop's outbox publishes inside it (ingest → identity → attribution → reporting, over
 * Kafka headers), and every service exports its spans of it over OTLP. The conversion is dated where no other test
 * reads acme's reports.
 */
class TraceAcrossServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static Platform4Services platform;

    @BeforeAll
    static void platform() throws IOException {
        platform = Platform4Services.get();
    }

    @Test
    void aConversionIsOneTraceFromTheIngestRequestToTheReport() {
        String traceId = hex(32);
        String order = "traced-" + hex(8);
        String email = "traced." + hex(8) + "@example.org";
        platform.traces.watch(traceId);
        String token = platform.tokens.clientCredentialsToken("acme-service", "acme-service-secret");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "ad_click", "occurredAt", "2026-03-02T09:00:00Z", "email", email,
                        "utm", Map.of("source", "google", "medium", "cpc", "campaign", "traced")))
                .post(platform.url("ingest") + "/api/v1/touchpoints").then().statusCode(202);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + hex(16) + "-01")
                .body(Map.of("conversionId", order, "type", "purchase", "occurredAt", "2026-03-03T12:00:00Z",
                        "email", email, "value", Map.of("amountMinor", 4_200, "currency", "EUR")))
                .post(platform.url("ingest") + "/api/v1/conversions").then().statusCode(202);

        String bootstrap = platform.infra.kafka().bootstrapServers();
        for (String topic : List.of(Topics.CONVERSIONS_RAW.name(), Topics.CONVERSIONS_RESOLVED.name(),
                Topics.CREDITS.name())) {
            List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(bootstrap, topic, WAIT,
                    read -> read.stream().anyMatch(r -> r.value() != null && r.value().contains(order)));
            ConsumerRecord<String, String> record = records.stream()
                    .filter(r -> r.value() != null && r.value().contains(order)).findFirst()
                    .orElseThrow(() -> new AssertionError("no record of " + order + " on " + topic));
            assertThat(TopicProbe.header(record, "traceparent")).as("traceparent on " + topic)
                    .startsWith("00-" + traceId + "-").endsWith("-01");
        }
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(platform.traces.servicesIn(traceId)).as("services that exported spans of the trace")
                        .containsExactlyInAnyOrder("ingest-service", "identity-service", "attribution-service",
                                "reporting-service"));
    }

    private static String hex(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }
}
