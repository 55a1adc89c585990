package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;

import io.closeloop.contracts.IdentifierRef;
import io.closeloop.identity.domain.IdentifierKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Touches of anonymous journeys waiting for a link, keyed by their weak identifiers. Tenant-scoped. */
@ApplicationScoped
public class PendingTouchRepository {

    private static final String LOCK = "select 1 as locked from pg_advisory_xact_lock(hashtextextended(?1, 0))";

    public record Pending(UUID eventId, Instant occurredAt, String touchJson) {
    }

    /**
     * Serializes work on these identifiers until the transaction ends: the touch that finds nobody and the event
     * that links the identifier to a person never miss each other. Taken in one order, so two events never wait
     * for each other.
     */
    public Uni<Void> lock(String tenant, Collection<IdentifierRef> weak) {
        List<String> keys = weak.stream().map(i -> "pending:" + tenant + ":" + i.kind().code() + ":" + i.value())
                .distinct().sorted().toList();
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(key -> Sql.tuples(LOCK, key))
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> store(String tenant, UUID eventId, Instant occurredAt, String touchJson,
                           Collection<IdentifierRef> weak) {
        return Sql.update("insert into pending_touch (tenant, event_id, occurred_at, touch) values (?1, ?2, ?3,"
                        + " cast(cast(?4 as text) as jsonb)) on conflict do nothing",
                        tenant, eventId, Sql.utc(occurredAt), touchJson)
                .chain(() -> Multi.createFrom().iterable(weak.stream().map(IdentifierKey::of).distinct().toList())
                        .onItem().transformToUniAndConcatenate(k -> Sql.update("insert into pending_touch_key"
                                        + " (tenant, kind, value, event_id) values (?1, ?2, ?3, ?4) on conflict do nothing",
                                tenant, k.kind().code(), k.value(), eventId))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Removes and returns the touches waiting for any of the identifiers, oldest first. */
    public Uni<List<Pending>> take(String tenant, Collection<IdentifierRef> weak) {
        java.util.Map<UUID, Pending> found = new java.util.HashMap<>();
        return Multi.createFrom().iterable(weak.stream().map(IdentifierKey::of).distinct().toList())
                .onItem().transformToUniAndConcatenate(k -> Sql.tuples("select p.event_id::text, "
                                + Sql.micros("p.occurred_at") + ", p.touch::text from pending_touch p"
                                + " join pending_touch_key k on k.tenant = p.tenant and k.event_id = p.event_id"
                                + " where k.tenant = ?1 and k.kind = ?2 and k.value = ?3",
                        tenant, k.kind().code(), k.value())
                        .invoke(rows -> rows.forEach(r -> found.putIfAbsent(uuid(r, "event_id"),
                                new Pending(uuid(r, "event_id"), Sql.ofMicros(r, "occurred_at"), text(r, "touch"))))))
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(List.copyOf(found.keySet()))
                        .onItem().transformToUniAndConcatenate(id -> Sql.update(
                                "delete from pending_touch where tenant = ?1 and event_id = ?2", tenant, id))
                        .collect().last())
                .map(ignored -> found.values().stream().sorted(Comparator.comparing(Pending::occurredAt)
                        .thenComparing(p -> p.eventId().toString())).toList());
    }

    /** Deletes the tenant's pending touches that occurred before the cutoff; returns how many. */
    public Uni<Integer> expire(String tenant, Instant cutoff) {
        return Sql.update("delete from pending_touch where tenant = ?1 and occurred_at < ?2", tenant,
                Sql.utc(cutoff));
    }

    public Uni<List<String>> tenants() {
        return Sql.column("select distinct tenant from pending_touch order by tenant", String.class);
    }

    /** Pending touches of the tenant that occurred in [from, to). */
    public Uni<Long> count(String tenant, Instant from, Instant to) {
        return Sql.tuples("select count(*) as touches from pending_touch where tenant = ?1 and occurred_at >= ?2"
                        + " and occurred_at < ?3", tenant, Sql.utc(from), Sql.utc(to))
                .map(rows -> longValue(rows.get(0), "touches"));
    }
}
