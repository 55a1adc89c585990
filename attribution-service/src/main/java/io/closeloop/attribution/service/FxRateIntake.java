package io.closeloop.attribution.service;

import io.closeloop.attribution.repository.ConversionRepository;
import io.closeloop.attribution.repository.FxRateRepository;
import io.closeloop.attribution.repository.PersonLock;
import io.closeloop.contracts.FxRate;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/**
 * Stores FX rates and tenants' base currencies. A rate for a day values again the conversions it is now the latest
 * rate for (from its day up to the next day with a rate, in the tenant's zone) and re-issues the sets of those whose
 * base value changed: a late rate for an earlier day, or a corrected one, restates what was valued without it.
 */
@ApplicationScoped
public class FxRateIntake {

    private final FxRateRepository rates;
    private final BaseValues baseValues;
    private final PersonLock personLock;
    private final CreditRestatement journeys;
    private final ModelCatalog catalog;
    private final ConversionRepository conversions;

    public FxRateIntake(FxRateRepository rates, BaseValues baseValues, PersonLock personLock, CreditRestatement journeys,
                        ModelCatalog catalog, ConversionRepository conversions) {
        this.conversions = conversions;
        this.rates = rates;
        this.baseValues = baseValues;
        this.personLock = personLock;
        this.journeys = journeys;
        this.catalog = catalog;
    }

    public Uni<Void> apply(TenantSettings settings) {
        if (settings.baseCurrency() == null || !isCurrency(settings.baseCurrency())) {
            throw new PoisonMessageException("tenant settings without an ISO 4217 base currency");
        }
        String zone = settings.timeZone() == null || settings.timeZone().isBlank() ? "UTC" : settings.timeZone();
        return rates.storeTenant(settings.tenant(), settings.baseCurrency(), zone);
    }

    public Uni<Void> apply(FxRate rate) {
        validate(rate);
        String tenant = rate.tenant();
        return rates.store(rate).chain(() -> rates.tenant(tenant)).chain(settings -> {
            if (settings != null && !settings.baseCurrency.equals(rate.baseCurrency())) {
                return Uni.createFrom().voidItem();
            }
            ZoneId zone = BaseValues.zone(settings);
            Instant from = rate.day().atStartOfDay(zone).toInstant();
            return rates.nextRateDay(tenant, rate.currency(), rate.baseCurrency(), rate.day()).chain(next -> {
                Instant until = next == null ? null : next.atStartOfDay(zone).toInstant();
                return rates.personsValuedIn(tenant, rate.currency(), rate.baseCurrency(), from, until)
                        .chain(persons -> persons.isEmpty() ? Uni.createFrom().voidItem()
                                : catalog.forTenant(tenant).chain(models -> CreditRestatement.sequentially(persons,
                                        person -> revalue(tenant, person, rate, from, until, models))));
            });
        });
    }

    private Uni<Void> revalue(String tenant, UUID person, FxRate rate, Instant from, Instant until,
                              TenantModels models) {
        return personLock.lock(tenant, person)
                .chain(() -> rates.valuedIn(tenant, person, rate.currency(), rate.baseCurrency(), from, until))
                .chain(list -> CreditRestatement.sequentially(list, conversion -> {
                    if (conversion.baseCurrency == null) {
                        conversion.baseCurrency = rate.baseCurrency();
                    }
                    return baseValues.revalue(conversion).chain(changed -> changed
                            ? conversions.persistAndFlush(conversion).chain(() -> journeys.credit(conversion, models))
                            : Uni.createFrom().voidItem());
                }));
    }

    private static void validate(FxRate rate) {
        if (rate.currency() == null || !isCurrency(rate.currency()) || rate.baseCurrency() == null
                || !isCurrency(rate.baseCurrency())) {
            throw new PoisonMessageException("FX rate without ISO 4217 currencies: " + rate.currency() + " → "
                    + rate.baseCurrency());
        }
        if (rate.day() == null) {
            throw new PoisonMessageException("FX rate without a day");
        }
        try {
            if (rate.rate() == null || new BigDecimal(rate.rate()).signum() <= 0) {
                throw new PoisonMessageException("FX rate is not positive: " + rate.rate());
            }
        } catch (NumberFormatException e) {
            throw new PoisonMessageException("FX rate is not a decimal: " + rate.rate());
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
