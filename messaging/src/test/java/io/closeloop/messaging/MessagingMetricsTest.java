package io.closeloop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.Headers;
import io.closeloop.infra.DatabaseCoordinates;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The outbox backlog and dead letters as Prometheus reads them on /q/metrics. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
class MessagingMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The relay's advisory lock: while a test holds it, the relay publishes nothing. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theBacklogGaugeCountsTheRowsWaitingForTheRelay() throws Exception {
        await().atMost(WAIT).until(() -> metric("closeloop_outbox_backlog") == 0.0);
        try (Connection relayBlocked = connect()) {
            relayBlocked.setAutoCommit(false);
            execute(relayBlocked, "select pg_advisory_xact_lock(" + RELAY_LOCK + ")");
            try (Connection writer = connect()) {
                for (int i = 0; i < 3; i++) {
                    enqueue(writer, UUID.randomUUID());
                }
            }

            assertThat(metric("closeloop_outbox_backlog")).isEqualTo(3.0);
            relayBlocked.rollback();
        }
        await().atMost(WAIT).until(() -> metric("closeloop_outbox_backlog") == 0.0);
    }

    @Test
    void aRecordSentToTheDeadLetterTopicIsCountedForItsTopic() throws Exception {
        String deadLetters = "closeloop_dead_letters_total{topic=\"conversions.raw\"}";
        double before = metricOrZero(deadLetters);
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>("conversions.raw", "acme:c-1", "{not json");
            record.headers().add(Headers.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.EVENT_TYPE, "conversion.raw".getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.TENANT, "acme".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        await().atMost(WAIT).until(() -> metricOrZero(deadLetters) == before + 1);
    }

    private static double metric(String series) {
        Double value = find(series);
        assertThat(value).as(series + " on /q/metrics").isNotNull();
        return value;
    }

    private static double metricOrZero(String series) {
        Double value = find(series);
        return value == null ? 0.0 : value;
    }

    private static Double find(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String labels = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : "";
        // A value may be followed by an exemplar (OpenMetrics), so the line is matched up to the value only.
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)").matcher(body);
        while (line.find()) {
            if (line.group(1) == null ? labels.isEmpty() : line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return null;
    }

    private static Connection connect() throws SQLException {
        DatabaseCoordinates db = InfraTestResource.database("messaging");
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static void enqueue(Connection connection, UUID event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                + " (event_id, tenant, topic, record_key, payload, headers) values (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, event);
            insert.setString(2, "acme");
            insert.setString(3, "touchpoints.raw");
            insert.setString(4, "acme:metrics");
            insert.setString(5, "{}");
            insert.setString(6, "{\"" + Headers.EVENT_ID + "\":\"" + event + "\",\"" + Headers.TENANT + "\":\"acme\"}");
            insert.executeUpdate();
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
