package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.TenantCurrency;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's base currency and time zone as {@code tenants} last announced them. */
@ApplicationScoped
public class TenantCurrencyRepository implements PanacheRepositoryBase<TenantCurrency, String> {
}
