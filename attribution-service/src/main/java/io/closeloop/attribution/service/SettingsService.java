package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.RestatementJob;
import io.closeloop.attribution.domain.TenantModelSettings;
import io.closeloop.attribution.repository.ModelSettingsRepository;
import io.closeloop.contracts.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * A tenant's model options. A PUT replaces them (absent fields take their defaults), raises the
 * model-config version by one and queues a job restating all of the tenant's conversions under the new
 * options; the settings and the job commit together.
 */
@ApplicationScoped
public class SettingsService {

    private final ModelCatalog catalog;
    private final RestatementJobs jobs;
    private final ModelSettingsRepository settingsRows;

    public SettingsService(ModelCatalog catalog, RestatementJobs jobs, ModelSettingsRepository settingsRows) {
        this.settingsRows = settingsRows;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    /** The settings as stored and the job restating the conversions under them. */
    public record Change(ModelSettings settings, RestatementJob restatement) {
    }

    public Uni<ModelSettings> get(String tenant) {
        return Panache.withSession(() -> catalog.settings(tenant));
    }

    public Uni<Change> put(String tenant, ModelSettings given) {
        given.validate();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> catalog.settings(tenant).chain(current -> {
            ModelSettings next = given.withDefaults(current.configVersion() + 1);
            return settingsRows.findById(tenant).chain(row -> {
                TenantModelSettings stored = row != null ? row : new TenantModelSettings();
                stored.tenant = tenant;
                stored.configVersion = next.configVersion();
                stored.settings = Json.write(next);
                stored.updatedAt = now;
                return settingsRows.persist(stored);
            }).chain(() -> jobs.submit(tenant, RestatementJobs.SETTINGS, null, now))
                    .map(job -> new Change(next, job));
        }));
    }
}
