package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.longValue;
import static io.closeloop.messaging.NativeRows.text;
import static io.closeloop.messaging.NativeRows.uuid;
import static io.closeloop.identity.repository.Sql.TREE;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.identity.domain.StoredSignal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Consent signals per person and purpose, and the anonymous counts of suppressed events. Tenant-scoped. */
@ApplicationScoped
public class ConsentRepository {

    public record SuppressedCount(LocalDate day, String channel, long events) {
    }

    public Uni<Void> store(String tenant, UUID signalId, UUID person, ConsentPurpose purpose, String state,
                           String source, String region, Instant occurredAt) {
        return Sql.update("insert into consent_signal (tenant, signal_id, person_id, purpose, state, source, region,"
                        + " occurred_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing",
                tenant, signalId, person, purpose.code(), state, source, region, Sql.utc(occurredAt)).replaceWithVoid();
    }

    /** Every signal of the person and of everyone merged into it. */
    public Uni<List<StoredSignal>> signals(String tenant, UUID root) {
        return Sql.tuples(TREE + "select person_id::text, purpose, state, source, region, " + Sql.micros("occurred_at")
                        + " from consent_signal where tenant = ?1 and person_id in (select person_id from tree)"
                        + " order by occurred_at, received_at", tenant, root)
                .map(rows -> rows.stream().map(r -> new StoredSignal(uuid(r, "person_id"),
                        ConsentPurpose.valueOf(text(r, "purpose").toUpperCase(Locale.ROOT)), text(r, "state"),
                        text(r, "source"), text(r, "region"), Sql.ofMicros(r, "occurred_at"))).toList());
    }

    public Uni<Void> countSuppressed(String tenant, LocalDate day, String channel) {
        return Sql.update("insert into consent_suppressed (tenant, day, channel, events) values (?1, ?2, ?3, 1)"
                        + " on conflict (tenant, day, channel) do update set events = consent_suppressed.events + 1",
                tenant, day, channel).replaceWithVoid();
    }

    public Uni<List<SuppressedCount>> suppressed(String tenant, LocalDate from, LocalDate to) {
        return Sql.tuples("select to_char(day, 'YYYY-MM-DD') as day, channel, events from consent_suppressed"
                        + " where tenant = ?1 and day >= ?2 and day <= ?3 order by day, channel", tenant, from, to)
                .map(rows -> rows.stream().map(r -> new SuppressedCount(LocalDate.parse(text(r, "day")),
                        text(r, "channel"), longValue(r, "events"))).toList());
    }
}
