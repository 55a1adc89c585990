package io.closeloop.messaging;

import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TopicSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs a consumer's effect at most once per event id: the processed-message row and the effect commit
 * in one transaction. Poison records fail at once (the channel's dead-letter strategy sends them to
 * {@code <topic>.dlq} with the reason); other failures are retried with backoff first. Every record that fails
 * for good counts in {@code closeloop.dead.letters{topic}}. While a record is handled, the log context (MDC)
 * names its tenant, event id and type, never its payload.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String MARK = "insert into processed_message (consumer, event_id, tenant)"
            + " values (?1, ?2, ?3) on conflict do nothing";

    private final ConsumerConfig config;

    public IdempotentConsumer(ConsumerConfig config) {
        this.config = config;
    }

    public <V extends TenantScoped> Uni<Void> consume(String consumer, TopicSpec<V> topic,
                                                      ConsumerRecord<String, String> record,
                                                      Function<Inbound<V>, Uni<Void>> effect) {
        Inbound<V> inbound;
        try {
            inbound = read(topic, record);
        } catch (PoisonMessageException e) {
            // The reason may quote a value of the record, so the log names the record, never the reason.
            LOG.warnf("%s sends record %d of %s partition %d to the dead-letter topic", consumer, record.offset(),
                    topic.name(), record.partition());
            deadLetters(topic).increment();
            return Uni.createFrom().failure(e);
        }
        MDC.put("tenant", inbound.tenant());
        MDC.put("eventId", inbound.eventId().toString());
        MDC.put("eventType", inbound.eventType());
        return Panache.withTransaction(() -> markProcessed(consumer, inbound)
                        .chain(first -> {
                            if (!first) {
                                LOG.debugf("%s already processed %s", consumer, inbound.eventId());
                                return Uni.createFrom().voidItem();
                            }
                            return effect.apply(inbound);
                        }))
                .onFailure(failure -> !(failure instanceof PoisonMessageException))
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries())
                .onFailure().invoke(failure -> deadLetters(topic).increment());
    }

    private static Counter deadLetters(TopicSpec<?> topic) {
        return Counter.builder("closeloop.dead.letters")
                .description("Consumed records that failed for good and went to the topic's dead-letter topic")
                .tag("topic", topic.name())
                .register(Metrics.globalRegistry);
    }

    private static Uni<Boolean> markProcessed(String consumer, Inbound<?> inbound) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK)
                        .setParameter(1, consumer)
                        .setParameter(2, inbound.eventId())
                        .setParameter(3, inbound.tenant())
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    static <V extends TenantScoped> Inbound<V> read(TopicSpec<V> topic, ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        UUID eventId = uuid(required(headers, Headers.EVENT_ID));
        String tenant = required(headers, Headers.TENANT);
        String eventType = required(headers, Headers.EVENT_TYPE);
        int schemaVersion = schemaVersion(headers.get(Headers.SCHEMA_VERSION));
        if (record.value() == null) {
            throw new PoisonMessageException("record has no value");
        }
        V value;
        try {
            value = Json.read(record.value(), topic.valueType());
        } catch (Exception e) {
            throw new PoisonMessageException("value is not a valid " + topic.valueType().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
        if (!tenant.equals(value.tenant())) {
            throw new PoisonMessageException("tenant header '" + tenant + "' does not match the value's tenant '"
                    + value.tenant() + "'");
        }
        return new Inbound<>(eventId, tenant, eventType, schemaVersion, record.key(), value, headers);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("missing header " + name);
        }
        return value;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("header " + Headers.EVENT_ID + " is not a UUID: " + value);
        }
    }

    private static int schemaVersion(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PoisonMessageException("header " + Headers.SCHEMA_VERSION + " is not a number: " + value);
        }
    }
}
