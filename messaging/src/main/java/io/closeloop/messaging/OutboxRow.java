package io.closeloop.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code outbox_event}, as the relay reads it. */
record OutboxRow(long seq, UUID eventId, String tenant, String topic, String key, String payload, String headers,
                 OffsetDateTime createdAt) {
}
