package io.closeloop.ingest.service.kinds;

import io.closeloop.common.FieldError;
import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TopicSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One validated event, ready to be stored as a raw event and published once.
 *
 * @param rawKind  the {@code raw_event.kind} value, e.g. {@code touchpoint}
 * @param topic    where {@code value} is published, keyed by {@code key}
 * @param warnings what was left out of the event (an unusable email or phone), for the answer
 */
public record Prepared(UUID eventId, String rawKind, Instant occurredAt, TopicSpec<?> topic, String key,
                       TenantScoped value, List<FieldError> warnings) {

    public Prepared(UUID eventId, String rawKind, Instant occurredAt, TopicSpec<?> topic, String key,
                    TenantScoped value) {
        this(eventId, rawKind, occurredAt, topic, key, value, List.of());
    }

    Prepared withWarnings(List<FieldError> more) {
        return more.isEmpty() ? this : new Prepared(eventId, rawKind, occurredAt, topic, key, value, more);
    }

    public Prepared withValue(TenantScoped replaced) {
        return new Prepared(eventId, rawKind, occurredAt, topic, key, replaced, warnings);
    }
}
