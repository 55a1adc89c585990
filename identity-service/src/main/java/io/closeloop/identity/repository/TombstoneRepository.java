package io.closeloop.identity.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/** Tombstones of erased identifiers and the count of events they stopped. */
@ApplicationScoped
public class TombstoneRepository {

    public Uni<Void> add(String tenant, UUID requestId, Collection<String> digests) {
        return Multi.createFrom().iterable(digests)
                .onItem().transformToUniAndConcatenate(digest -> Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into erasure_tombstone (tenant, digest, request_id)"
                                + " values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, tenant)
                        .setParameter(2, digest)
                        .setParameter(3, requestId)
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    public Uni<Boolean> anyOf(String tenant, Collection<String> digests) {
        if (digests.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("select count(*)"
                                + " from erasure_tombstone where tenant = ?1"
                                + " and digest = any(string_to_array(cast(?2 as text), ','))", Long.class)
                        .setParameter(1, tenant)
                        .setParameter(2, String.join(",", digests))
                        .getSingleResult())
                .map(count -> count > 0);
    }

    public Uni<Void> countDropped(String tenant, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into erasure_dropped"
                                + " (tenant, day, events) values (?1, ?2, 1)"
                                + " on conflict (tenant, day) do update set events = erasure_dropped.events + 1")
                        .setParameter(1, tenant)
                        .setParameter(2, day)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Long> dropped(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select coalesce(sum(events), 0)"
                                + " from erasure_dropped where tenant = ?1", Long.class)
                        .setParameter(1, tenant)
                        .getSingleResult());
    }
}
