package io.closeloop.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The touches in the raw-event store, read in pages and replaced by a new version (reclassification). */
@ApplicationScoped
public class StoredTouchRepository {

    /** One stored touch: its id, time and payload as published. */
    public record StoredTouch(UUID eventId, Instant occurredAt, String payload) {
    }

    public long count(Connection connection, String tenant, Instant from, Instant to) throws SQLException {
        return Sql.query(connection, "select count(*) from raw_event where tenant = ? and kind = 'touchpoint'"
                        + " and occurred_at >= ? and occurred_at < ?", row -> row.getLong(1), tenant,
                ReclassifyJobRepository.utc(from), ReclassifyJobRepository.utc(to)).get(0);
    }

    /** Up to {@code limit} touches in [from, to) after ({@code afterTime}, {@code afterId}), in time order. */
    public List<StoredTouch> page(Connection connection, String tenant, Instant from, Instant to, Instant afterTime,
                                  UUID afterId, int limit) throws SQLException {
        return Sql.query(connection, "select event_id, occurred_at, payload from raw_event where tenant = ?"
                        + " and kind = 'touchpoint' and occurred_at >= ? and occurred_at < ?"
                        + " and (occurred_at, event_id) > (?, ?) order by occurred_at, event_id limit ?",
                row -> new StoredTouch(row.getObject("event_id", UUID.class),
                        row.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                        row.getString("payload")),
                tenant, ReclassifyJobRepository.utc(from), ReclassifyJobRepository.utc(to),
                ReclassifyJobRepository.utc(afterTime), afterId, limit);
    }

    /**
     * Stores a touch's new version in place of the old one (so replay and the next reclassification start from
     * it) and queues it for publishing under {@code messageId}, on the touch's topic and key.
     */
    public void replace(Connection connection, String tenant, UUID eventId, UUID messageId, String payload,
                        String headers) throws SQLException {
        Sql.update(connection, "update raw_event set payload = ?, headers = ? where tenant = ? and event_id = ?",
                payload, headers, tenant, eventId);
        Sql.update(connection, "insert into outbox_event (event_id, tenant, topic, record_key, payload, headers)"
                + " select ?, tenant, topic, record_key, payload, headers from raw_event"
                + " where tenant = ? and event_id = ?", messageId, tenant, eventId);
    }
}
