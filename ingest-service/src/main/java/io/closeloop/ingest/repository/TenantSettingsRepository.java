package io.closeloop.ingest.repository;

import io.closeloop.ingest.domain.TenantSettingsEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TenantSettingsRepository implements PanacheRepositoryBase<TenantSettingsEntity, String> {

    /** The tenant's settings, or the defaults when none were saved. */
    public Uni<TenantSettingsEntity> findOrDefaults(String tenant) {
        return findById(tenant).map(found -> found == null ? TenantSettingsEntity.defaults(tenant) : found);
    }
}
