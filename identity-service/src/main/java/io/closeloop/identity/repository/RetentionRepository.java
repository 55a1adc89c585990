package io.closeloop.identity.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Per-tenant retention of person-level data. */
@ApplicationScoped
public class RetentionRepository {

    /** The tenant's own setting in days, or null when it uses the default. */
    public Uni<Integer> days(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select person_days from retention_setting where tenant = ?1", Integer.class)
                        .setParameter(1, tenant)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Void> store(String tenant, int days, String by) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into retention_setting"
                                + " (tenant, person_days, updated_by) values (?1, ?2, ?3)"
                                + " on conflict (tenant) do update set person_days = excluded.person_days,"
                                + " updated_by = excluded.updated_by, updated_at = now()")
                        .setParameter(1, tenant)
                        .setParameter(2, days)
                        .setParameter(3, by)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Lets one instance purge a tenant at a time (a transaction-scoped advisory lock); false when another holds it.
     */
    public Uni<Boolean> tryLockPurge(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select pg_try_advisory_xact_lock(hashtext('retention:' || ?1))", Boolean.class)
                        .setParameter(1, tenant)
                        .getSingleResult());
    }
}
