package io.closeloop.reporting.service;

import io.closeloop.contracts.TenantSettings;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.repository.TenantZoneRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Keeps each tenant's time zone: the only setting reports need so far. */
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
        return zones.upsert(settings.tenant(), zone, settings.updatedAt());
    }
}
