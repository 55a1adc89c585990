package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.TenantCurrency;
import io.closeloop.attribution.repository.FxRateRepository;
import io.closeloop.contracts.FxRate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Gives a conversion that came without a base value (ingest knew no rate for its day) one from the rates that
 * arrived since: the latest rate dated on or before the conversion's day in the tenant's time zone, converted with
 * the platform's one rule ({@link FxRate#convert}, as ingest does). Until the tenant's base currency is announced
 * on {@code tenants}, the base currency is the rate's.
 */
@ApplicationScoped
public class BaseValues {

    private final FxRateRepository rates;

    public BaseValues(FxRateRepository rates) {
        this.rates = rates;
    }

    /** Fills {@code conversion}'s base value when a rate is known; true when it did. */
    public Uni<Boolean> fill(ConversionState conversion) {
        if (conversion.baseValueMinor != null) {
            return Uni.createFrom().item(false);
        }
        return rates.tenant(conversion.tenant).chain(tenant -> {
            if (conversion.baseCurrency == null && tenant != null) {
                conversion.baseCurrency = tenant.baseCurrency;
            }
            if (conversion.baseCurrency == null || conversion.valueMinor == 0) {
                return Uni.createFrom().item(false);
            }
            if (conversion.currency.equals(conversion.baseCurrency)) {
                conversion.baseValueMinor = conversion.valueMinor;
                return Uni.createFrom().item(true);
            }
            return rates.rateOn(conversion.tenant, conversion.currency, conversion.baseCurrency,
                    day(conversion, tenant)).map(rate -> {
                        if (rate == null) {
                            return false;
                        }
                        conversion.baseValueMinor = FxRate.convert(conversion.valueMinor, conversion.currency,
                                conversion.baseCurrency, rate);
                        return true;
                    });
        });
    }

    /** The conversion's day in the tenant's zone (UTC until one is announced), as ingest cuts it. */
    static LocalDate day(ConversionState conversion, TenantCurrency tenant) {
        return conversion.occurredAt.atZone(zone(tenant)).toLocalDate();
    }

    static ZoneId zone(TenantCurrency tenant) {
        try {
            return tenant == null ? ZoneOffset.UTC : ZoneId.of(tenant.timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
