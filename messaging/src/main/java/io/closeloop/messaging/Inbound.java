package io.closeloop.messaging;

import java.util.Map;
import java.util.UUID;

/** A consumed record whose headers and value have been checked. */
public record Inbound<V>(UUID eventId, String tenant, String eventType, int schemaVersion, String key, V value,
                         Map<String, String> headers) {
}
