package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.uuid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.contracts.Json;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.AuditFilter;
import io.closeloop.identity.domain.AuditHash;
import io.closeloop.identity.domain.ChainHead;
import io.closeloop.identity.domain.ChainedEntry;
import io.closeloop.messaging.NativeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The audit chain's tables. Every statement is scoped to one tenant. */
@ApplicationScoped
public class AuditRepository {

    private static final String CREATE_HEAD = "insert into audit_head (tenant, seq, hash) values (?1, 0, ?2)"
            + " on conflict (tenant) do nothing";
    private static final String LOCK_HEAD = "select seq, hash from audit_head where tenant = ?1 for update";
    private static final String READ_HEAD = "select seq, hash from audit_head where tenant = ?1";
    private static final String MOVE_HEAD = "update audit_head set seq = ?2, hash = ?3, updated_at = now()"
            + " where tenant = ?1";
    private static final String INSERT = "insert into audit_entry (tenant, seq, occurred_at, recorded_at, action,"
            + " person_id, related_person_ids, event_id, related_event_ids, purpose, outcome, reason, details,"
            + " prev_hash, hash) values (?1, ?2, ?3, ?4, ?5, cast(?6 as uuid), cast(string_to_array(?7, ',') as uuid[]),"
            + " cast(?8 as uuid), cast(string_to_array(?9, ',') as uuid[]), ?10, ?11, ?12,"
            + " cast(cast(?13 as text) as jsonb), ?14, ?15)";
    /** Instants as exact microseconds (extract gives numeric), the unit the hash uses. */
    private static final String COLUMNS = "select seq,"
            + " (extract(epoch from occurred_at) * 1000000)::bigint as occurred_at,"
            + " (extract(epoch from recorded_at) * 1000000)::bigint as recorded_at, action, person_id::text,"
            + " array_to_string(related_person_ids, ',') as related_person_ids, event_id::text,"
            + " array_to_string(related_event_ids, ',') as related_event_ids,"
            + " purpose, outcome, reason, details::text, prev_hash, hash from audit_entry";
    private static final String REPEATABLE_READ = "set transaction isolation level repeatable read, read only";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    /**
     * Locks the tenant's head until the caller's transaction ends, creating it for a tenant's first entry.
     * Concurrent appends of the tenant wait here, so each sees the head the previous one left.
     */
    public Uni<ChainHead> lockHead(String tenant) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CREATE_HEAD)
                        .setParameter(1, tenant)
                        .setParameter(2, AuditHash.GENESIS)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(LOCK_HEAD, Tuple.class)
                                .setParameter(1, tenant)
                                .getSingleResult()))
                .map(AuditRepository::head);
    }

    /** The tenant's head; {@link ChainHead#EMPTY} before its first entry. */
    public Uni<ChainHead> head(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery(READ_HEAD, Tuple.class)
                        .setParameter(1, tenant)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? ChainHead.EMPTY : head(rows.get(0)));
    }

    /** Stores the entry and makes it the head; the head must be locked by {@link #lockHead}. */
    public Uni<Void> append(ChainedEntry chained) {
        AuditEntry entry = chained.entry();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, chained.tenant())
                        .setParameter(2, chained.seq())
                        .setParameter(3, utc(entry.occurredAt()))
                        .setParameter(4, utc(chained.recordedAt()))
                        .setParameter(5, entry.action())
                        .setParameter(6, text(entry.personId()))
                        .setParameter(7, array(entry.relatedPersonIds()))
                        .setParameter(8, text(entry.eventId()))
                        .setParameter(9, array(entry.relatedEventIds()))
                        .setParameter(10, entry.purpose())
                        .setParameter(11, entry.outcome())
                        .setParameter(12, entry.reason())
                        .setParameter(13, Json.write(entry.details()))
                        .setParameter(14, chained.prevHash())
                        .setParameter(15, chained.hash())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(MOVE_HEAD)
                                .setParameter(1, chained.tenant())
                                .setParameter(2, chained.seq())
                                .setParameter(3, chained.hash())
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** Up to {@code limit} entries after seq {@code afterSeq} and up to {@code untilSeq}, in seq order. */
    public Uni<List<ChainedEntry>> entries(String tenant, AuditFilter filter, long afterSeq, long untilSeq,
                                           int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant, afterSeq, untilSeq));
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where tenant = ?1 and seq > ?2 and seq <= ?3");
        if (filter.personId() != null) {
            params.add(filter.personId().toString());
            int p = params.size();
            sql.append(" and (person_id = cast(?").append(p).append(" as uuid) or related_person_ids @> array[cast(?")
                    .append(p).append(" as uuid)])");
        }
        condition(sql, params, " and purpose = ?", filter.purpose());
        condition(sql, params, " and action = ?", filter.action());
        condition(sql, params, " and occurred_at >= ?", filter.from() == null ? null : utc(filter.from()));
        condition(sql, params, " and occurred_at < ?", filter.to() == null ? null : utc(filter.to()));
        sql.append(" order by seq limit ").append(limit);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Tuple.class);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> entry(tenant, row)).toList());
    }

    /**
     * Makes the caller's transaction read one snapshot, so that a chain read in several batches and its head
     * agree even while appends go on. Must be the transaction's first statement.
     */
    public Uni<Void> readOneSnapshot() {
        return Panache.getSession().chain(session -> session.createNativeQuery(REPEATABLE_READ).executeUpdate())
                .replaceWithVoid();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(clause).append(params.size());
        }
    }

    private static ChainHead head(Tuple row) {
        return new ChainHead(longValue(row, "seq"), NativeRows.text(row, "hash"));
    }

    private static ChainedEntry entry(String tenant, Tuple row) {
        AuditEntry entry = new AuditEntry(NativeRows.text(row, "action"), Sql.ofMicros(row, "occurred_at"),
                uuid(row, "person_id"), Sql.uuids(row.get("related_person_ids")), uuid(row, "event_id"),
                Sql.uuids(row.get("related_event_ids")), NativeRows.text(row, "purpose"),
                NativeRows.text(row, "outcome"), NativeRows.text(row, "reason"), details(row.get("details")));
        return new ChainedEntry(tenant, longValue(row, "seq"), Sql.ofMicros(row, "recorded_at"), entry,
                NativeRows.text(row, "prev_hash"), NativeRows.text(row, "hash"));
    }

    private static Map<String, String> details(Object value) {
        try {
            return Json.mapper().readValue(value.toString(), DETAILS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** Bound as comma-separated text: the driver would want a UUID[] for a uuid[] parameter. */
    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
