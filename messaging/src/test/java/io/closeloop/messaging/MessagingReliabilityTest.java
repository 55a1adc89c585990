package io.closeloop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.Headers;
import io.closeloop.infra.DatabaseCoordinates;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The messaging guarantees, proven once against the real broker and database: publish-after-commit,
 * acceptance while the broker is away with exactly one record per event afterwards, one effect per
 * redelivered record, dead letters with their reason and original headers, and an outbox that never
 * stalls on a record the broker refuses.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
class MessagingReliabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRolledBackWritePublishesNothing() throws SQLException {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        given().queryParam("eventId", rolledBack).queryParam("fail", true).post("/test/notes").then().statusCode(409);
        given().queryParam("eventId", committed).post("/test/notes").then().statusCode(202);

        List<ConsumerRecord<String, String>> read = TopicProbe.readUntil(bootstrap, "touchpoints.raw", WAIT,
                records -> eventIds(records).contains(committed.toString()));

        assertThat(eventIds(read)).contains(committed.toString()).doesNotContain(rolledBack.toString());
        assertThat(count("select count(*) from note where event_id = '" + rolledBack + "'")).isZero();
    }

    @Test
    void whileTheBrokerIsDownWritesAreAcceptedAndPublishedExactlyOnceAfterwards() throws Exception {
        List<UUID> events = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        InfraTestResource.kafka().stop();
        try {
            for (UUID event : events) {
                given().queryParam("eventId", event).post("/test/notes").then().statusCode(202);
            }
            assertThat(count("select count(*) from outbox_event where event_id in ("
                    + events.stream().map(e -> "'" + e + "'").collect(Collectors.joining(",")) + ")"))
                    .isEqualTo(events.size());
        } finally {
            InfraTestResource.kafka().start();
        }
        Set<String> expected = events.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event") == 0);

        List<ConsumerRecord<String, String>> read = TopicProbe.readUntil(bootstrap, "touchpoints.raw",
                Duration.ofSeconds(10), records -> false);

        Map<String, Long> copies = eventIds(read).stream().filter(expected::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(copies).hasSize(events.size());
        assertThat(copies.values()).allMatch(n -> n == 1L);
    }

    @Test
    void aRedeliveredRecordHasOneEffect() throws Exception {
        UUID event = UUID.randomUUID();
        String value = conversionJson("acme");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record("conversions.raw", event, "acme", value)).get();
            producer.send(record("conversions.raw", event, "acme", value)).get();
            producer.send(record("conversions.raw", event, "acme", value)).get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from processed_message where event_id = '" + event
                + "'") == 1);
        UUID marker = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record("conversions.raw", marker, "acme", value)).get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from effect where event_id = '" + marker + "'") == 1);

        assertThat(count("select runs from effect where event_id = '" + event + "'")).isEqualTo(1);
    }

    @Test
    void theSameEventIdFromTwoTenantsHasAnEffectForEachAndRedeliveryPerTenantStillHasOne() throws Exception {
        UUID event = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record("conversions.raw", event, "acme", conversionJson("acme"))).get();
            producer.send(record("conversions.raw", event, "globex", conversionJson("globex"))).get();
            producer.send(record("conversions.raw", event, "acme", conversionJson("acme"))).get();
            producer.send(record("conversions.raw", event, "globex", conversionJson("globex"))).get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from effect where event_id = '" + event + "'") == 2);
        // A later record of each tenant's key has its effect only after the redeliveries before it were handled.
        UUID marker = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record("conversions.raw", marker, "acme", conversionJson("acme"))).get();
            producer.send(record("conversions.raw", marker, "globex", conversionJson("globex"))).get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from effect where event_id = '" + marker + "'") == 2);

        assertThat(count("select runs from effect where event_id = '" + event + "' and tenant = 'acme'")).isEqualTo(1);
        assertThat(count("select runs from effect where event_id = '" + event + "' and tenant = 'globex'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from processed_message where event_id = '" + event + "'")).isEqualTo(2);
    }

    @Test
    void aPoisonRecordLandsOnItsDeadLetterTopicWithReasonAndOriginalHeaders() throws Exception {
        UUID poison = UUID.randomUUID();
        UUID wrongTenant = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> bad = record("conversions.raw", poison, "acme", "{not json");
            bad.headers().add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(bad).get();
            producer.send(record("conversions.raw", wrongTenant, "globex", conversionJson("acme"))).get();
        }

        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil(bootstrap, "conversions.raw.dlq", WAIT,
                records -> eventIds(records).containsAll(List.of(poison.toString(), wrongTenant.toString())));

        ConsumerRecord<String, String> letter = find(dead, poison);
        assertThat(letter.value()).isEqualTo("{not json");
        assertThat(TopicProbe.header(letter, "dead-letter-reason")).contains("not a valid ConversionRaw");
        assertThat(TopicProbe.header(letter, Headers.TENANT)).isEqualTo("acme");
        assertThat(TopicProbe.header(letter, Headers.EVENT_TYPE)).isEqualTo("conversion.raw");
        assertThat(TopicProbe.header(letter, "traceparent")).startsWith("00-4bf92f35");
        assertThat(TopicProbe.header(find(dead, wrongTenant), "dead-letter-reason"))
                .contains("does not match the value's tenant");
        assertThat(count("select count(*) from processed_message where event_id in ('" + poison + "','"
                + wrongTenant + "')")).isZero();
    }

    @Test
    void aRecordTheBrokerRefusesIsDeadLetteredAndTheRecordsAfterItArriveInOrder() throws Exception {
        UUID before = UUID.randomUUID();
        UUID overBroker = UUID.randomUUID();
        UUID overRequest = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        UUID otherKey = UUID.randomUUID();
        String key = "acme:big-" + UUID.randomUUID();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            enqueue(connection, before, key, "{\"n\":1}");
            // Under the relay's 4 MiB request limit (test configuration) but over the broker's 1 MiB default.
            enqueue(connection, overBroker, key, "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            // Over the relay's own limit: never sent.
            enqueue(connection, overRequest, key, "{\"pad\":\"" + "y".repeat(5 * 1024 * 1024) + "\"}");
            enqueue(connection, after, key, "{\"n\":2}");
            enqueue(connection, otherKey, "globex:small", "{\"n\":3}");
            connection.commit();
        }

        List<ConsumerRecord<String, String>> read = TopicProbe.readUntil(bootstrap, "touchpoints.raw", WAIT,
                records -> eventIds(records).containsAll(List.of(before.toString(), after.toString(),
                        otherKey.toString())));

        assertThat(read.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value))
                .containsExactly("{\"n\":1}", "{\"n\":2}");
        await().atMost(WAIT).until(() -> count("select count(*) from outbox_dead_letter where event_id in ('"
                + overBroker + "','" + overRequest + "')") == 2);
        assertThat(InfraTestResource.database("messaging").queryStrings("select tenant || '|' || topic || '|'"
                + " || record_key || '|' || (headers like '%" + overBroker + "%') || '|' || reason"
                + " from outbox_dead_letter where event_id = '" + overBroker + "'"))
                .singleElement().asString().startsWith("acme|touchpoints.raw|" + key + "|true|RecordTooLargeException");
        assertThat(InfraTestResource.database("messaging").queryStrings("select reason || '|' || record_bytes"
                + " from outbox_dead_letter where event_id = '" + overRequest + "'"))
                .singleElement().asString().contains("exceeds max.request.size of 4194304 bytes");
        assertThat(count("select count(*) from outbox_event where event_id in ('" + before + "','" + overBroker
                + "','" + overRequest + "','" + after + "')")).isZero();
    }

    private static Connection connect() throws SQLException {
        DatabaseCoordinates db = InfraTestResource.database("messaging");
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static void enqueue(Connection connection, UUID event, String key, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                + " (event_id, tenant, topic, record_key, payload, headers) values (?, ?, ?, ?, ?, ?)")) {
            String tenant = key.substring(0, key.indexOf(':'));
            insert.setObject(1, event);
            insert.setString(2, tenant);
            insert.setString(3, "touchpoints.raw");
            insert.setString(4, key);
            insert.setString(5, payload);
            insert.setString(6, "{\"" + Headers.EVENT_ID + "\":\"" + event + "\",\"" + Headers.TENANT + "\":\""
                    + tenant + "\"}");
            insert.executeUpdate();
        }
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, UUID event) {
        return records.stream().filter(r -> event.toString().equals(TopicProbe.header(r, Headers.EVENT_ID)))
                .findFirst().orElseThrow();
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicProbe.header(r, Headers.EVENT_ID)).toList();
    }

    private static String conversionJson(String tenant) {
        return "{\"tenant\":\"" + tenant + "\",\"conversionId\":\"c-1\",\"conversionType\":\"purchase\","
                + "\"status\":\"completed\",\"occurredAt\":\"2026-11-01T10:00:00Z\","
                + "\"value\":{\"amountMinor\":1000,\"currency\":\"EUR\"}}";
    }

    private static ProducerRecord<String, String> record(String topic, UUID event, String tenant, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, tenant + ":c-1", value);
        record.headers().add(Headers.EVENT_ID, event.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.EVENT_TYPE, "conversion.raw".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static long count(String sql) throws SQLException {
        return InfraTestResource.database("messaging").queryLong(sql);
    }
}
