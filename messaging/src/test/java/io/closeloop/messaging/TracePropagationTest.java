package io.closeloop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.Headers;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One trace follows an event across the outbox: the record the relay publishes carries the traceparent of the
 * request that wrote its outbox row, and a consumer continues the trace of the record it reads.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRelayedRecordCarriesTheTraceOfTheRequestThatWroteItsOutboxRow() throws Exception {
        String traceId = randomHex(32);
        UUID eventId = UUID.randomUUID();
        given().header("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01")
                .queryParam("eventId", eventId).post("/test/notes").then().statusCode(202);

        ConsumerRecord<String, String> record = TopicProbe.readUntil(bootstrap, "touchpoints.raw", WAIT,
                        records -> find(records, eventId).isPresent()).stream()
                .filter(r -> eventId.toString().equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
        SpanData request = await().atMost(WAIT).until(() -> span(traceId, SpanKind.SERVER), Optional::isPresent).get();

        assertThat(request.getName()).contains("/test/notes");
        assertThat(TopicProbe.header(record, "traceparent"))
                .isEqualTo("00-" + traceId + "-" + request.getSpanId() + "-01");
        assertThat(record.headers().headers("traceparent")).hasSize(1);
    }

    @Test
    void aConsumerContinuesTheTraceOfTheRecordItReads() throws Exception {
        String traceId = randomHex(32);
        String parent = randomHex(16);
        UUID eventId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>("conversions.raw", "acme:c-1",
                    "{\"tenant\":\"acme\",\"conversionId\":\"c-1\",\"conversionType\":\"purchase\","
                            + "\"status\":\"completed\",\"occurredAt\":\"2026-11-01T10:00:00Z\","
                            + "\"value\":{\"amountMinor\":1000,\"currency\":\"EUR\"}}");
            header(record, Headers.EVENT_ID, eventId.toString());
            header(record, Headers.EVENT_TYPE, "conversion.raw");
            header(record, Headers.TENANT, "acme");
            header(record, Headers.SCHEMA_VERSION, "1");
            header(record, "traceparent", "00-" + traceId + "-" + parent + "-01");
            producer.send(record).get();
        }

        SpanData consumed = await().atMost(WAIT).until(() -> span(traceId, SpanKind.CONSUMER), Optional::isPresent)
                .get();

        assertThat(consumed.getParentSpanId()).isEqualTo(parent);
        await().atMost(WAIT).until(() -> InfraTestResource.database("messaging").queryLong(
                "select count(*) from effect where event_id = '" + eventId + "'") == 1);
    }

    private Optional<SpanData> span(String traceId, SpanKind kind) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
    }

    private static Optional<ConsumerRecord<String, String>> find(List<ConsumerRecord<String, String>> records,
                                                                 UUID eventId) {
        return records.stream().filter(r -> eventId.toString().equals(TopicProbe.header(r, Headers.EVENT_ID)))
                .findFirst();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomHex(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
