package io.closeloop.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of {@code outbox_event}, as the relay reads it; {@code traceparent} and {@code tracestate} are null when
 * the row was written outside a trace.
 */
record OutboxRow(long seq, UUID eventId, String tenant, String topic, String key, String payload, String headers,
                 OffsetDateTime createdAt, String traceparent, String tracestate) {

    OutboxRow(long seq, UUID eventId, String tenant, String topic, String key, String payload, String headers,
              OffsetDateTime createdAt) {
        this(seq, eventId, tenant, topic, key, payload, headers, createdAt, null, null);
    }
}
