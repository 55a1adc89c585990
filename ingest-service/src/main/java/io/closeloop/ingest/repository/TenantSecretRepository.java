package io.closeloop.ingest.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/** Per-tenant HMAC secrets, created on a tenant's first event and never leaving this database. */
@ApplicationScoped
public class TenantSecretRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Uni<byte[]> findOrCreate(String tenant) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "insert into tenant_secret (tenant, hmac_key) values (?1, ?2) on conflict (tenant) do nothing")
                        .setParameter(1, tenant)
                        .setParameter(2, candidate)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("select hmac_key from tenant_secret where tenant = ?1",
                                        byte[].class)
                                .setParameter(1, tenant)
                                .getSingleResult()));
    }
}
