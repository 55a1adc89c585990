package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.ConversionState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConversionRepository implements PanacheRepositoryBase<ConversionState, ConversionState.Key> {

    /** The stored conversion, locked until the transaction ends (versions of it are combined one at a time). */
    public Uni<ConversionState> findForUpdate(String tenant, String conversionId) {
        return find("tenant = ?1 and conversionId = ?2", tenant, conversionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<ConversionState> find(String tenant, String conversionId) {
        return find("tenant = ?1 and conversionId = ?2", tenant, conversionId).firstResult();
    }

    /**
     * The conversions in ({@code after}, {@code until}] a touch of the person at {@code after} may count for
     * (each conversion's own lookback still decides):
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
