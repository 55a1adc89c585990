package io.closeloop.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The time zone a tenant's report days are cut in, as last announced on {@code tenants}. */
@Entity
@Table(name = "tenant_zone")
public class TenantZone {

    /** Until a tenant's settings arrive, its days are UTC days. */
    public static final String DEFAULT_TIME_ZONE = "UTC";

    @Id
    public String tenant;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    /** ISO 4217 code report totals are in; null until the tenant's settings name one. */
    @Column(name = "base_currency")
    public String baseCurrency;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
