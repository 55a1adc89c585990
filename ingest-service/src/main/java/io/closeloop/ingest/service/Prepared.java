package io.closeloop.ingest.service;

import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TopicSpec;
import java.time.Instant;
import java.util.UUID;

/**
 * One validated event, ready to be stored as a raw event and published once.
 *
 * @param rawKind the {@code raw_event.kind} value, e.g. {@code touchpoint}
 * @param topic   where {@code value} is published, keyed by {@code key}
 */
public record Prepared(UUID eventId, String rawKind, Instant occurredAt, TopicSpec<?> topic, String key,
                       TenantScoped value) {
}
