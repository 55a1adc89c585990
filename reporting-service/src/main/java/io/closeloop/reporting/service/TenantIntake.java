package io.closeloop.reporting.service;

import io.closeloop.contracts.TenantSettings;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.repository.TenantZoneRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Keeps each tenant's time zone and base currency: the settings reports need. */
@ApplicationScoped
public class TenantIntake {

    private final TenantZoneRepository zones;

    public TenantIntake(TenantZoneRepository zones) {
        this.zones = zones;
    }

    public Uni<Void> apply(TenantSettings settings) {
        String zone = settings.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new PoisonMessageException("tenant settings have no valid time zone: " + zone);
        }
        String base = settings.baseCurrency() == null || settings.baseCurrency().isBlank() ? null
                : settings.baseCurrency().trim().toUpperCase(java.util.Locale.ROOT);
        return zones.upsert(settings.tenant(), zone, settings.updatedAt(), base);
    }
}
