package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.ConversionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConversionRepository implements PanacheRepositoryBase<ConversionState, ConversionState.Key> {

    /**
     * The version with the latest occurred_at wins; equal times are decided by the greater event id so
     * that the outcome does not depend on arrival order.
     */
    private static final String UPSERT_IF_NEWER = "insert into conversion (tenant, conversion_id, event_id,"
            + " person_id, conversion_type, status, occurred_at, source_zone, value_minor, currency,"
            + " account_person_ids, base_value_minor, base_currency)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            + " on conflict (tenant, conversion_id) do update set event_id = excluded.event_id,"
            + " person_id = excluded.person_id, conversion_type = excluded.conversion_type,"
            + " status = excluded.status, occurred_at = excluded.occurred_at, source_zone = excluded.source_zone,"
            + " value_minor = excluded.value_minor, currency = excluded.currency,"
            + " account_person_ids = excluded.account_person_ids, base_value_minor = excluded.base_value_minor,"
            + " base_currency = excluded.base_currency, stored_at = now()"
            + " where (excluded.occurred_at, excluded.event_id) > (conversion.occurred_at, conversion.event_id)";

    /** Stores {@code conversion} unless a newer version is known; true when it is now the stored one. */
    public Uni<Boolean> upsertIfNewer(ConversionState conversion) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_IF_NEWER)
                        .setParameter(1, conversion.tenant)
                        .setParameter(2, conversion.conversionId)
                        .setParameter(3, conversion.eventId)
                        .setParameter(4, conversion.personId)
                        .setParameter(5, conversion.conversionType)
                        .setParameter(6, conversion.status)
                        .setParameter(7, OffsetDateTime.ofInstant(conversion.occurredAt, ZoneOffset.UTC))
                        .setParameter(8, conversion.sourceZone)
                        .setParameter(9, conversion.valueMinor)
                        .setParameter(10, conversion.currency)
                        .setParameter(11, conversion.accountPersonIds)
                        .setParameter(12, conversion.baseValueMinor)
                        .setParameter(13, conversion.baseCurrency)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<ConversionState> find(String tenant, String conversionId) {
        return find("tenant = ?1 and conversionId = ?2", tenant, conversionId).firstResult();
    }

    /**
     * The conversions in ({@code after}, {@code until}] a touch of the person at {@code after} may count for:
     * the person's own, and deals that name the person as one of their contacts (account mode).
     */
    public Uni<List<ConversionState>> affectedBy(String tenant, UUID personId, Instant after, Instant until) {
        return list("tenant = ?1 and (personId = ?2 or accountPersonIds like ?5) and occurredAt > ?3"
                + " and occurredAt <= ?4 order by occurredAt", tenant, personId, after, until, "%" + personId + "%");
    }

    /** Every conversion of the person, oldest first. */
    public Uni<List<ConversionState>> ofPerson(String tenant, UUID personId) {
        return list("tenant = ?1 and personId = ?2 order by occurredAt, conversionId", tenant, personId);
    }

    /** The tenant's conversions in [{@code from}, {@code to}), oldest first. */
    public Uni<List<ConversionState>> inPeriod(String tenant, Instant from, Instant to) {
        return list("tenant = ?1 and occurredAt >= ?2 and occurredAt < ?3 order by occurredAt, conversionId",
                tenant, from, to);
    }

    /** The tenant's conversions at or after {@code from}, oldest first. */
    public Uni<List<ConversionState>> since(String tenant, Instant from) {
        return list("tenant = ?1 and occurredAt >= ?2 order by occurredAt, conversionId", tenant, from);
    }

    /** Moves conversions to another person: all of {@code from}'s, or only those with the listed event ids. */
    public Uni<Integer> move(String tenant, UUID from, UUID to, List<UUID> eventIds) {
        return eventIds == null || eventIds.isEmpty()
                ? update("personId = ?1 where tenant = ?2 and personId = ?3", to, tenant, from)
                : update("personId = ?1 where tenant = ?2 and personId = ?3 and eventId in ?4", to, tenant, from,
                        eventIds);
    }
}
