package io.closeloop.attribution.service;

import io.closeloop.attribution.config.AttributionConfig;
import io.closeloop.attribution.domain.TenantModelSettings;
import io.closeloop.contracts.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * A tenant's model options. A PUT replaces them (absent fields take their defaults), raises the
 * model-config version by one and restates the conversions of the fit period under the new options.
 */
@ApplicationScoped
public class SettingsService {

    private final ModelCatalog catalog;
    private final JourneyService journeys;
    private final AttributionConfig config;

    public SettingsService(ModelCatalog catalog, JourneyService journeys, AttributionConfig config) {
        this.catalog = catalog;
        this.journeys = journeys;
        this.config = config;
    }

    public Uni<ModelSettings> get(String tenant) {
        return Panache.withSession(() -> catalog.settings(tenant));
    }

    public Uni<ModelSettings> put(String tenant, ModelSettings given) {
        given.validate();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> catalog.settings(tenant).chain(current -> {
            ModelSettings next = given.withDefaults(current.configVersion() + 1);
            return TenantModelSettings.<TenantModelSettings>findById(tenant).chain(row -> {
                TenantModelSettings stored = row != null ? row : new TenantModelSettings();
                stored.tenant = tenant;
                stored.configVersion = next.configVersion();
                stored.settings = Json.write(next);
                stored.updatedAt = now;
                return stored.persist();
            }).chain(() -> journeys.restateTenant(tenant, now.minus(config.fitPeriod()))).replaceWith(next);
        }));
    }
}
