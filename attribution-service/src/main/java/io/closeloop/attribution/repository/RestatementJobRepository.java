package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.RestatementJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RestatementJobRepository implements PanacheRepositoryBase<RestatementJob, UUID> {

    /** The oldest job nobody works on: queued, or running with a heartbeat older than {@code staleBefore}. */
    private static final String CLAIMABLE = "select cast(id as text) from restatement_job"
            + " where state = 'queued' or (state = 'running' and heartbeat_at < ?1)"
            + " order by created_at limit 1 for update skip locked";

    public Uni<RestatementJob> ofTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The tenant's job of {@code kind} that has not started yet, or null. */
    public Uni<RestatementJob> queued(String tenant, String kind) {
        return find("tenant = ?1 and kind = ?2 and state = ?3 order by createdAt", tenant, kind,
                RestatementJob.QUEUED).firstResult();
    }

    /** Locks and returns a job to work on, or null; the lock holds until the transaction ends. */
    public Uni<RestatementJob> claim(Instant staleBefore) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIMABLE, String.class)
                        .setParameter(1, OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC))
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().nullItem()
                        : findById(UUID.fromString(ids.get(0))));
    }

    public Uni<RestatementJob> locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Up to {@code limit} of the tenant's conversions after the cursor, in (occurred at, conversion id) order. */
    public Uni<List<ConversionState>> conversionsAfter(String tenant, Instant at, String conversionId, int limit) {
        String query = at == null
                ? "from ConversionState where tenant = ?1 order by occurredAt, conversionId"
                : "from ConversionState where tenant = ?1 and (occurredAt > ?2 or (occurredAt = ?2"
                        + " and conversionId > ?3)) order by occurredAt, conversionId";
        return Panache.getSession().chain(session -> {
            var q = session.createQuery(query, ConversionState.class).setParameter(1, tenant);
            if (at != null) {
                q.setParameter(2, at).setParameter(3, conversionId);
            }
            return q.setMaxResults(limit).getResultList();
        });
    }

    public Uni<Long> conversionCount(String tenant) {
        return Panache.getSession().chain(session -> session
                .createQuery("select count(*) from ConversionState where tenant = ?1", Long.class)
                .setParameter(1, tenant).getSingleResult());
    }

    /** When the tenant's newest conversion happened; null without any. */
    public Uni<Instant> newestConversion(String tenant) {
        return Panache.getSession().chain(session -> session
                .createQuery("select max(occurredAt) from ConversionState where tenant = ?1", Instant.class)
                .setParameter(1, tenant).getSingleResult());
    }
}
