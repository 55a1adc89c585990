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
 * Values a conversion in the tenant's base currency at the latest rate dated on or before the conversion's day in
 * the tenant's time zone, converted with the platform's one rule ({@link FxRate#convert}, as ingest does). Ingest
 * values a conversion with the rates it knows on arrival; a rate entered later for an earlier day, or a corrected
 * rate, changes what the latest rate on or before that day is, so the value here follows the rates known now and
 * does not depend on the order rates and conversions arrived in. Without a known rate the value ingest gave (or
 * none) stays. Until the tenant's base currency is announced on {@code tenants}, the base currency is the rate's.
 */
@ApplicationScoped
public class BaseValues {

    private final FxRateRepository rates;

    public BaseValues(FxRateRepository rates) {
        this.rates = rates;
    }

    /** Sets {@code conversion}'s base value from the known rates; true when that changed it. */
    public Uni<Boolean> revalue(ConversionState conversion) {
        return rates.tenant(conversion.tenant).chain(tenant -> {
            if (conversion.baseCurrency == null && tenant != null) {
                conversion.baseCurrency = tenant.baseCurrency;
            }
            if (conversion.baseCurrency == null || conversion.valueMinor == 0) {
                return Uni.createFrom().item(false);
            }
            if (conversion.currency.equals(conversion.baseCurrency)) {
                return Uni.createFrom().item(change(conversion, conversion.valueMinor));
            }
            return rates.rateOn(conversion.tenant, conversion.currency, conversion.baseCurrency,
                    day(conversion, tenant)).map(rate -> {
                        if (rate == null) {
                            return false;
                        }
                        return change(conversion, FxRate.convert(conversion.valueMinor, conversion.currency,
                                conversion.baseCurrency, rate));
                    });
        });
    }

    private static boolean change(ConversionState conversion, long baseValue) {
        if (conversion.baseValueMinor != null && conversion.baseValueMinor == baseValue) {
            return false;
        }
        conversion.baseValueMinor = baseValue;
        return true;
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
