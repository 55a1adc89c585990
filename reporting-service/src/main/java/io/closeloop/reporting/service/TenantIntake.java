package io.closeloop.reporting.service;

import io.closeloop.contracts.TenantSettings;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.repository.CreditConversionRepository;
import io.closeloop.reporting.repository.CreditDayRepository;
import io.closeloop.reporting.repository.TenantZoneRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Keeps each tenant's time zone and base currency: the settings reports need. */
@ApplicationScoped
public class TenantIntake {

    private final TenantZoneRepository zones;
    private final CreditDayRepository days;
    private final CreditConversionRepository conversions;

    public TenantIntake(TenantZoneRepository zones, CreditDayRepository days,
                        CreditConversionRepository conversions) {
        this.zones = zones;
        this.days = days;
        this.conversions = conversions;
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
        // Daily credit sums and conversion rows are filed by the tenant's day: a new zone files them again.
        String tenant = settings.tenant();
        return days.lockTenant(tenant).chain(() -> zones.zoneOf(tenant)).chain(before -> zones.upsert(tenant, zone,
                        settings.updatedAt(), base)
                .chain(() -> zone.equals(before) ? Uni.createFrom().voidItem()
                        : days.rebuild(tenant).chain(() -> conversions.rebuild(tenant))));
    }
}
