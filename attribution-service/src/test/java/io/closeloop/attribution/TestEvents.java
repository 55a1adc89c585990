package io.closeloop.attribution;

import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TopicSpec;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends resolved events and other service input as identity would, and reads what attribution made of them. */
public final class TestEvents {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private final String bootstrap;
    private final String tenant;

    public TestEvents(String bootstrap, String tenant) {
        this.bootstrap = bootstrap;
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }

    /** One record to send: topic, key, value and event id. */
    public record Event(TopicSpec<? extends TenantScoped> topic, String key, TenantScoped value, UUID eventId) {
    }

    public Event touch(UUID person, Instant at, String channel) {
        UUID eventId = UUID.randomUUID();
        ConsentSnapshot consent = new ConsentSnapshot(Map.of(ConsentPurpose.MEASUREMENT, ConsentSnapshot.GRANTED),
                "signal", at);
        return new Event(Topics.TOUCHPOINTS_RESOLVED, Keys.person(tenant, person), new TouchpointResolved(tenant,
                eventId, person, 1.0, consent, "ad_click", at, "UTC", channel,
                new Utm(channel + "-source", channel, channel + "-campaign", null, null), Map.of(), null, null),
                eventId);
    }

    public Event conversion(UUID person, String conversionId, Instant at, long valueMinor) {
        UUID eventId = UUID.randomUUID();
        return new Event(Topics.CONVERSIONS_RESOLVED, Keys.person(tenant, person), new ConversionResolved(tenant,
                eventId, person, 1.0, null, true, conversionId, "purchase", "completed", at, "UTC",
                new Money(valueMinor, "EUR"), Map.of()), eventId);
    }

    /** A won CRM deal of {@code person} that also names the persons of its other contacts (account mode). */
    public Event deal(UUID person, List<UUID> contacts, String conversionId, Instant at, long valueMinor) {
        UUID eventId = UUID.randomUUID();
        return new Event(Topics.CONVERSIONS_RESOLVED, Keys.person(tenant, person), new ConversionResolved(tenant,
                eventId, person, 1.0, null, true, conversionId, "deal", "won", at, "UTC", new Money(valueMinor, "EUR"),
                Map.of(), new Money(valueMinor, "EUR"), contacts, Map.of()), eventId);
    }

    public <V extends TenantScoped> Event event(TopicSpec<V> topic, String key, V value) {
        return new Event(topic, key, value, UUID.randomUUID());
    }

    /** Sends the events and waits until attribution processed each and its outbox is empty. */
    public void settle(List<Event> events) {
        send(events);
        String ids = events.stream().map(e -> "'" + e.eventId() + "'").collect(Collectors.joining(","));
        await().atMost(WAIT).until(() -> count("select count(*) from processed_message where consumer = 'attribution'"
                + " and event_id in (" + ids + ")") == events.size());
        await().atMost(WAIT).until(() -> count("select count(*) from outbox_event") == 0);
    }

    public void send(List<Event> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (Event event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic().name(), event.key(),
                        Json.write(event.value()));
                record.headers().add(Headers.EVENT_ID, bytes(event.eventId().toString()));
                record.headers().add(Headers.EVENT_TYPE, bytes(event.topic().eventType()));
                record.headers().add(Headers.TENANT, bytes(tenant));
                record.headers().add(Headers.SCHEMA_VERSION, bytes(Integer.toString(event.topic().schemaVersion())));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Every credit set of the conversion on {@code credits}, once {@code done} holds for them. */
    public List<CreditSet> creditSets(String conversionId, Predicate<List<CreditSet>> done) {
        String key = Keys.conversion(tenant, conversionId);
        return TopicProbe.readUntil(bootstrap, Topics.CREDITS.name(), WAIT,
                        read -> done.test(read.stream().filter(r -> key.equals(r.key())).map(TestEvents::creditSet)
                                .toList()))
                .stream().filter(r -> key.equals(r.key())).map(TestEvents::creditSet).toList();
    }

    /** The newest set of the conversion under the model, once its version reaches {@code minVersion}. */
    public CreditSet latest(String conversionId, String modelId, long minVersion) {
        List<CreditSet> sets = new ArrayList<>(creditSets(conversionId, read -> read.stream()
                .anyMatch(s -> s.modelId().equals(modelId) && s.setVersion() >= minVersion)))
                .stream().filter(s -> s.modelId().equals(modelId)).toList();
        return sets.stream().max((a, b) -> Long.compare(a.setVersion(), b.setVersion())).orElseThrow();
    }

    /** The first set of the conversion under the model that satisfies {@code wanted}, once it is on the topic. */
    public CreditSet first(String conversionId, String modelId, Predicate<CreditSet> wanted) {
        return creditSets(conversionId, read -> read.stream().anyMatch(s -> s.modelId().equals(modelId)
                && wanted.test(s))).stream().filter(s -> s.modelId().equals(modelId) && wanted.test(s))
                .findFirst().orElseThrow();
    }

    public static CreditSet creditSet(ConsumerRecord<String, String> record) {
        try {
            return Json.read(record.value(), CreditSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long count(String sql) throws SQLException {
        return InfraTestResource.database("attribution").queryLong(sql);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
