package io.closeloop.ingest.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The raw-event store: every accepted event once, hashed, as published (the replay source). */
@ApplicationScoped
public class RawEventRepository {

    private static final String INSERT = "insert into raw_event (tenant, event_id, kind, occurred_at, payload)"
            + " values (?1, ?2, ?3, ?4, ?5) on conflict (tenant, event_id) do nothing";

    /** Stores the event unless its id is already known; true when it was new. */
    public Uni<Boolean> insertIfAbsent(String tenant, UUID eventId, String kind, Instant occurredAt, String payload) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, tenant)
                        .setParameter(2, eventId)
                        .setParameter(3, kind)
                        .setParameter(4, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                        .setParameter(5, payload)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
