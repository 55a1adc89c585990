package io.closeloop.identity.support;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSignal;
import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Trust;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Raw events into the broker as ingest publishes them, and reading what identity published. */
public final class Flow {

    public static final Duration WAIT = Duration.ofSeconds(40);

    private final String bootstrap;

    public Flow(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static IdentifierRef email(String value) {
        return new IdentifierRef(IdentifierKind.EMAIL, value, Trust.VERIFIED);
    }

    public static IdentifierRef asserted(IdentifierKind kind, String value) {
        return new IdentifierRef(kind, value, Trust.ASSERTED);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public UUID touch(String tenant, Instant at, List<IdentifierRef> ids) {
        return touch(tenant, at, ids, null, null);
    }

    public UUID touch(String tenant, Instant at, List<IdentifierRef> ids, Map<String, String> attributes,
                      Map<String, String> features) {
        UUID eventId = UUID.randomUUID();
        TouchpointRaw touch = new TouchpointRaw(tenant, eventId, "ad_click", at, "UTC", Instant.now(), "paid_search",
                new Utm("google", "cpc", "brand", null, null), Map.of(), null, null, ids, Map.of(), attributes,
                features);
        TopicProbe.publish(bootstrap, Topics.TOUCHPOINTS_RAW, Keys.raw(tenant, ids, eventId), touch, eventId);
        return eventId;
    }

    public UUID conversion(String tenant, String conversionId, String type, Instant at, List<IdentifierRef> ids) {
        UUID eventId = UUID.randomUUID();
        ConversionRaw raw = new ConversionRaw(tenant, eventId, conversionId, type, "completed", at, "UTC",
                Instant.now(), new Money(1000, "EUR"), "crm", ids, Map.of());
        TopicProbe.publish(bootstrap, Topics.CONVERSIONS_RAW, Keys.raw(tenant, ids, eventId), raw, eventId);
        return eventId;
    }

    public UUID signal(String tenant, Instant at, List<IdentifierRef> ids, String region,
                       Map<ConsentPurpose, String> purposes) {
        UUID eventId = UUID.randomUUID();
        ConsentSignal signal = new ConsentSignal(tenant, eventId, at, "UTC", Instant.now(), ids, region,
                "consent_mode", purposes, null);
        TopicProbe.publish(bootstrap, Topics.CONSENTS_RAW, Keys.raw(tenant, ids, eventId), signal, eventId);
        return eventId;
    }

    /** The record identity published for {@code eventId} on {@code topic}. */
    public <V> V resolved(String topic, UUID eventId, Class<V> type) {
        String id = eventId.toString();
        ConsumerRecord<String, String> record = TopicProbe.readUntil(bootstrap, topic, WAIT,
                        records -> records.stream().anyMatch(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))))
                .stream().filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing on " + topic + " for event " + id));
        return read(record.value(), type);
    }

    /** Every record of {@code topic} matching {@code wanted}, once at least {@code count} have arrived. */
    public <V> List<V> await(String topic, Class<V> type, Predicate<V> wanted, int count) {
        return matching(TopicProbe.readUntil(bootstrap, topic, WAIT, records -> records.stream()
                .map(r -> read(r.value(), type)).filter(wanted).count() >= count), type, wanted);
    }

    /** Every record of {@code topic} matching {@code wanted}, reading the whole topic for {@code time}. */
    public <V> List<V> all(String topic, Class<V> type, Predicate<V> wanted, Duration time) {
        return matching(TopicProbe.readUntil(bootstrap, topic, time, records -> false), type, wanted);
    }

    private static <V> List<V> matching(List<ConsumerRecord<String, String>> records, Class<V> type,
                                        Predicate<V> wanted) {
        return records.stream().map(r -> read(r.value(), type)).filter(wanted).toList();
    }

    private static <V> V read(String json, Class<V> type) {
        try {
            return Json.read(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
