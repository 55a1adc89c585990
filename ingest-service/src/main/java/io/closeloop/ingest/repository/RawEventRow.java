package io.closeloop.ingest.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One raw event as it is stored and published: the payload, its topic, key and headers (JSON).
 *
 * @param ingestSequence the sequence number taken for the payload (conversions), or null to take one on insert
 */
public record RawEventRow(UUID eventId, String kind, Instant occurredAt, String topic, String key, String payload,
                          String headers, Long ingestSequence) {
}
