package io.closeloop.attribution.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Persons who withdrew measurement, and since when. */
@ApplicationScoped
public class ConsentRepository {

    /** The earliest withdrawal counts: a later state repeating it must not move it forward. */
    private static final String WITHDRAW = "insert into consent_withdrawal (tenant, person_id, withdrawn_at)"
            + " values (?1, ?2, ?3) on conflict (tenant, person_id) do update"
            + " set withdrawn_at = least(consent_withdrawal.withdrawn_at, excluded.withdrawn_at)";

    public Uni<Void> withdraw(String tenant, UUID personId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(WITHDRAW)
                        .setParameter(1, tenant)
                        .setParameter(2, personId)
                        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Consent granted again (later events count again), or the person erased. */
    public Uni<Void> restore(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from consent_withdrawal where tenant = ?1 and person_id = ?2")
                        .setParameter(1, tenant)
                        .setParameter(2, personId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** When the person withdrew measurement, or null. */
    public Uni<Instant> withdrawnAt(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select withdrawn_at from consent_withdrawal where tenant = ?1 and person_id = ?2",
                                OffsetDateTime.class)
                        .setParameter(1, tenant)
                        .setParameter(2, personId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0).toInstant());
    }

}
