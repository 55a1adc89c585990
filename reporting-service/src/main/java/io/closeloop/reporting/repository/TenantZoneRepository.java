package io.closeloop.reporting.repository;

import io.closeloop.reporting.domain.TenantZone;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@ApplicationScoped
public class TenantZoneRepository implements PanacheRepositoryBase<TenantZone, String> {

    /**
     * The last record consumed wins: {@code tenants} is keyed by tenant, so one tenant's settings arrive
     * in the order they were published.
     */
    private static final String UPSERT = "insert into tenant_zone (tenant, time_zone, updated_at, base_currency)"
            + " values (?1, ?2, ?3, ?4)"
            + " on conflict (tenant) do update set time_zone = excluded.time_zone, updated_at = excluded.updated_at,"
            + " base_currency = coalesce(excluded.base_currency, tenant_zone.base_currency), stored_at = now()";

    public Uni<Void> upsert(String tenant, String timeZone, Instant updatedAt, String baseCurrency) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, tenant)
                        .setParameter(2, timeZone)
                        .setParameter(3, updatedAt == null ? null : OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                        .setParameter(4, baseCurrency)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The tenant's zone id, or UTC when its settings have not arrived. */
    public Uni<String> zoneOf(String tenant) {
        return findById(tenant).map(found -> found == null ? TenantZone.DEFAULT_TIME_ZONE : found.timeZone);
    }

    /** The tenant's zone and base currency (null until its settings name one). */
    public Uni<TenantZone> settingsOf(String tenant) {
        return findById(tenant).map(found -> {
            if (found != null) {
                return found;
            }
            TenantZone fallback = new TenantZone();
            fallback.tenant = tenant;
            fallback.timeZone = TenantZone.DEFAULT_TIME_ZONE;
            return fallback;
        });
    }
}
