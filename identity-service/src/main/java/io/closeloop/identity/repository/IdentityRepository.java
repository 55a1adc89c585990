package io.closeloop.identity.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Person rows; identifiers live in {@link GraphRepository}. Every statement is scoped to one tenant. */
@ApplicationScoped
public class IdentityRepository {

    public Uni<Void> createPerson(String tenant, UUID personId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into person (tenant, person_id) values (?1, ?2)")
                .setParameter(1, tenant)
                .setParameter(2, personId)
                .executeUpdate()).replaceWithVoid();
    }
}
