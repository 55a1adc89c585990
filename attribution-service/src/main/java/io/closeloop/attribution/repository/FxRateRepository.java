package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.TenantCurrency;
import io.closeloop.contracts.FxRate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** FX rates from {@code fx.rates}, the tenants' base currencies and the conversions a rate values. */
@ApplicationScoped
public class FxRateRepository {

    private final TenantCurrencyRepository tenants;
    private final ConversionRepository conversions;

    public FxRateRepository(TenantCurrencyRepository tenants, ConversionRepository conversions) {
        this.tenants = tenants;
        this.conversions = conversions;
    }

    private static final String UPSERT = "insert into fx_rate (tenant, currency, base_currency, day, rate)"
            + " values (?1, ?2, ?3, ?4, ?5) on conflict (tenant, currency, base_currency, day)"
            + " do update set rate = excluded.rate";
    private static final String RATE_ON = "select rate from fx_rate where tenant = ?1 and currency = ?2"
            + " and base_currency = ?3 and day <= ?4 order by day desc limit 1";
    private static final String NEXT_DAY = "select day from fx_rate where tenant = ?1 and currency = ?2"
            + " and base_currency = ?3 and day > ?4 order by day limit 1";
    private static final String TENANT = "insert into tenant_currency (tenant, base_currency, time_zone)"
            + " values (?1, ?2, ?3) on conflict (tenant) do update set base_currency = excluded.base_currency,"
            + " time_zone = excluded.time_zone";

    public Uni<Void> store(FxRate rate) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, rate.tenant())
                        .setParameter(2, rate.currency())
                        .setParameter(3, rate.baseCurrency())
                        .setParameter(4, rate.day())
                        .setParameter(5, new BigDecimal(rate.rate()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The latest rate from {@code currency} to {@code base} dated on or before {@code day}; null when none. */
    public Uni<BigDecimal> rateOn(String tenant, String currency, String base, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RATE_ON, BigDecimal.class)
                .setParameter(1, tenant)
                .setParameter(2, currency)
                .setParameter(3, base)
                .setParameter(4, day)
                .getResultList())
                .map(rates -> rates.isEmpty() ? null : rates.get(0));
    }

    public Uni<TenantCurrency> tenant(String tenant) {
        return tenants.findById(tenant);
    }

    public Uni<Void> storeTenant(String tenant, String baseCurrency, String timeZone) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TENANT)
                        .setParameter(1, tenant)
                        .setParameter(2, baseCurrency)
                        .setParameter(3, timeZone)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The first day after {@code day} with a rate from {@code currency} to {@code base}; null when none. */
    public Uni<LocalDate> nextRateDay(String tenant, String currency, String base, LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEXT_DAY, LocalDate.class)
                        .setParameter(1, tenant)
                        .setParameter(2, currency)
                        .setParameter(3, base)
                        .setParameter(4, day)
                        .getResultList())
                .map(days -> days.isEmpty() ? null : days.get(0));
    }

    /**
     * The persons with conversions in {@code currency} in [{@code from}, {@code until}) ({@code until} null: no end)
     * whose base currency is {@code base} or not yet known, in id order (the order their locks are taken in).
     */
    public Uni<List<UUID>> personsValuedIn(String tenant, String currency, String base, Instant from, Instant until) {
        return conversions.list("tenant = ?1 and currency = ?2 and (baseCurrency is null or baseCurrency = ?3)"
                        + " and occurredAt >= ?4 and occurredAt < ?5", tenant, currency, base, from, end(until))
                .map(list -> list.stream().map(c -> c.personId).distinct().sorted().toList());
    }

    /** The person's conversions that {@link #personsValuedIn} found it by. */
    public Uni<List<ConversionState>> valuedIn(String tenant, UUID person, String currency, String base, Instant from,
                                               Instant until) {
        return conversions.list("tenant = ?1 and personId = ?2 and currency = ?3"
                + " and (baseCurrency is null or baseCurrency = ?4) and occurredAt >= ?5 and occurredAt < ?6"
                + " order by occurredAt, conversionId", tenant, person, currency, base, from, end(until));
    }

    private static Instant end(Instant until) {
        return until == null ? Instant.parse("9999-12-31T00:00:00Z") : until;
    }
}
