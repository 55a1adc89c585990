package io.closeloop.ingest.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's settings; ingest owns them and announces every change on {@code tenants}. */
@Entity
@Table(name = "tenant_settings")
public class TenantSettingsEntity extends PanacheEntityBase {

    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final String DEFAULT_CURRENCY = "USD";
    public static final String DEFAULT_PHONE_REGION = "US";

    @Id
    public String tenant;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;
    @Column(name = "phone_region", nullable = false)
    public String phoneRegion;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What a tenant has before an admin sets anything. */
    public static TenantSettingsEntity defaults(String tenant) {
        TenantSettingsEntity settings = new TenantSettingsEntity();
        settings.tenant = tenant;
        settings.timeZone = DEFAULT_TIME_ZONE;
        settings.baseCurrency = DEFAULT_CURRENCY;
        settings.phoneRegion = DEFAULT_PHONE_REGION;
        settings.updatedAt = Instant.EPOCH;
        return settings;
    }
}
