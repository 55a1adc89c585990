package io.closeloop.identity.repository;

import io.closeloop.contracts.IdentifierRef;
import io.closeloop.identity.domain.IdentifierKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Persons and the identifiers pointing to them. Every statement is scoped to one tenant. */
@ApplicationScoped
public class IdentityRepository {

    /** The persons the given identifiers already point to. */
    public Uni<Map<IdentifierKey, UUID>> owners(String tenant, List<IdentifierRef> identifiers) {
        Map<IdentifierKey, UUID> owners = new HashMap<>();
        return Multi.createFrom().iterable(identifiers)
                .onItem().transformToUniAndConcatenate(identifier -> owner(tenant, identifier)
                        .invoke(person -> {
                            if (person != null) {
                                owners.put(IdentifierKey.of(identifier), person);
                            }
                        }))
                .collect().last()
                .replaceWith(owners);
    }

    public Uni<UUID> owner(String tenant, IdentifierRef identifier) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select person_id from identifier where tenant = ?1 and kind = ?2 and value = ?3", UUID.class)
                .setParameter(1, tenant)
                .setParameter(2, identifier.kind().code())
                .setParameter(3, identifier.value())
                .getSingleResultOrNull());
    }

    public Uni<Void> createPerson(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into person (tenant, person_id) values (?1, ?2)")
                .setParameter(1, tenant)
                .setParameter(2, personId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Points the identifiers to the person; an identifier another writer claimed first is left alone. */
    public Uni<Void> attach(String tenant, UUID personId, List<IdentifierRef> identifiers) {
        return Multi.createFrom().iterable(identifiers)
                .onItem().transformToUniAndConcatenate(identifier -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("insert into identifier"
                                        + " (tenant, kind, value, person_id, trust) values (?1, ?2, ?3, ?4, ?5)"
                                        + " on conflict (tenant, kind, value) do nothing")
                                .setParameter(1, tenant)
                                .setParameter(2, identifier.kind().code())
                                .setParameter(3, identifier.value())
                                .setParameter(4, personId)
                                .setParameter(5, identifier.trust().code())
                                .executeUpdate()))
                .collect().last()
                .replaceWithVoid();
    }

    /** Counts a touch for the person. */
    public Uni<Void> countTouch(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update person set touch_count = touch_count + 1 where tenant = ?1 and person_id = ?2")
                .setParameter(1, tenant)
                .setParameter(2, personId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Long> touchCount(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select touch_count from person where tenant = ?1 and person_id = ?2", Long.class)
                .setParameter(1, tenant)
                .setParameter(2, personId)
                .getSingleResult());
    }
}
