package io.closeloop.attribution.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Serializes the work on one person's journey until the surrounding transaction ends. Touches and
 * conversions of a person arrive on two topics, consumed concurrently; without the lock a touch and a
 * conversion update could each recompute from a snapshot missing the other and the later commit would
 * publish a stale credit set. A hash collision only makes two persons wait for each other.
 */
@ApplicationScoped
public class PersonLock {

    private static final String LOCK = "select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))";

    public Uni<Void> lock(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, Integer.class)
                        .setParameter(1, "journey:" + tenant + ":" + personId)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
