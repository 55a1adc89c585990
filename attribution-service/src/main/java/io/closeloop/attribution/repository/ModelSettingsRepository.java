package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.TenantModelSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's stored model options and their config version. */
@ApplicationScoped
public class ModelSettingsRepository implements PanacheRepositoryBase<TenantModelSettings, String> {
}
