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

    private final PersonAliases aliases;

    public PersonLock(PersonAliases aliases) {
        this.aliases = aliases;
    }

    /**
     * Locks the person an event names and returns the person it belongs to now (the survivor when a merge
     * absorbed it), locked too. The alias is read after the first lock, which a merge of that person also
     * takes, so a merge committed before it is always seen.
     */
    public Uni<UUID> lockCurrent(String tenant, UUID personId) {
        return lock(tenant, personId).chain(() -> aliases.current(tenant, personId))
                .chain(current -> current.equals(personId) ? Uni.createFrom().item(current)
                        : lock(tenant, current).replaceWith(current));
    }

    public Uni<Void> lock(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, Integer.class)
                        .setParameter(1, "journey:" + tenant + ":" + personId)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
