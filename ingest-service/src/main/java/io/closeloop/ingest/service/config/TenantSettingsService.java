package io.closeloop.ingest.service.config;

import io.closeloop.contracts.TenantSettings;
import io.closeloop.ingest.domain.TenantSettingsEntity;
import io.closeloop.ingest.messaging.TenantSettingsPublisher;
import io.closeloop.ingest.repository.TenantSettingsRepository;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantSettingsFields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** Reads and changes a tenant's settings; each change is announced on {@code tenants}. */
@ApplicationScoped
public class TenantSettingsService {

    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private final TenantSettingsRepository repository;
    private final TenantSettingsPublisher publisher;

    public TenantSettingsService(TenantSettingsRepository repository, TenantSettingsPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    public Uni<TenantSettingsFields> get(String tenant) {
        return Panache.withSession(() -> repository.findOrDefaults(tenant)).map(TenantSettingsService::fields);
    }

    public Uni<TenantSettingsFields> update(String tenant, TenantSettingsFields fields) {
        Violations violations = new Violations();
        violations.text("timeZone", fields.timeZone());
        violations.text("baseCurrency", fields.baseCurrency());
        violations.text("phoneRegion", fields.phoneRegion());
        String zone = violations.required("timeZone", fields.timeZone());
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone) && !"UTC".equals(zone)) {
            violations.add("timeZone", "is not an IANA time zone");
        }
        String currency = violations.required("baseCurrency", fields.baseCurrency());
        if (currency != null && !isCurrency(currency)) {
            violations.add("baseCurrency", "is not an ISO 4217 currency code");
        }
        String region = violations.required("phoneRegion", fields.phoneRegion());
        if (region != null && !REGIONS.contains(region)) {
            violations.add("phoneRegion", "is not an ISO 3166 alpha-2 region");
        }
        violations.throwIfAny();
        return Panache.withTransaction(() -> repository.findById(tenant)
                .chain(found -> {
                    TenantSettingsEntity entity = found == null ? TenantSettingsEntity.defaults(tenant) : found;
                    entity.timeZone = zone;
                    entity.baseCurrency = currency;
                    entity.phoneRegion = region;
                    entity.updatedAt = Instant.now();
                    return repository.persist(entity);
                })
                .call(saved -> publisher.publish(new TenantSettings(saved.tenant, saved.timeZone, saved.baseCurrency,
                        saved.phoneRegion, saved.updatedAt))))
                .map(TenantSettingsService::fields);
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static TenantSettingsFields fields(TenantSettingsEntity entity) {
        return new TenantSettingsFields(entity.timeZone, entity.baseCurrency, entity.phoneRegion);
    }
}
