package io.closeloop.attribution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's base currency and time zone as last announced on {@code tenants}: what FX conversion needs. */
@Entity
@Table(name = "tenant_currency")
public class TenantCurrency {

    @Id
    public String tenant;
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
}
