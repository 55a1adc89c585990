package io.closeloop.messaging;

import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TopicSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes after commit: a record is written to {@code outbox_event} inside the caller's transaction,
 * and {@link OutboxRelay} sends it once that transaction has committed. A rolled-back write therefore
 * publishes nothing, and an accepted write survives a broker outage.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox_event"
            + " (event_id, tenant, topic, record_key, payload, headers, traceparent, tracestate)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    /**
     * Enqueues {@code value} for {@code topic}. Must run inside {@code Panache.withTransaction}.
     *
     * @param eventId the event's id: new for a new fact, the original one when republishing
     */
    public <V extends TenantScoped> Uni<Void> publish(TopicSpec<V> topic, String key, V value, UUID eventId) {
        String headers = Json.write(eventHeaders(topic, value.tenant(), eventId));
        Map<String, String> trace = TraceContext.current();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, eventId)
                        .setParameter(2, value.tenant())
                        .setParameter(3, topic.name())
                        .setParameter(4, key)
                        .setParameter(5, Json.write(value))
                        .setParameter(6, headers)
                        .setParameter(7, trace.get(TraceContext.TRACEPARENT))
                        .setParameter(8, trace.get(TraceContext.TRACESTATE))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The headers every record carries, with the current trace context when there is one; also stored with a raw
     * event so that replay sends them unchanged (a replayed event stays in the trace of its original request).
     */
    public static Map<String, String> headers(TopicSpec<?> topic, String tenant, UUID eventId) {
        Map<String, String> headers = eventHeaders(topic, tenant, eventId);
        headers.putAll(TraceContext.current());
        return headers;
    }

    private static Map<String, String> eventHeaders(TopicSpec<?> topic, String tenant, UUID eventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.EVENT_ID, eventId.toString());
        headers.put(Headers.EVENT_TYPE, topic.eventType());
        headers.put(Headers.TENANT, tenant);
        headers.put(Headers.SCHEMA_VERSION, Integer.toString(topic.schemaVersion()));
        return headers;
    }
}
