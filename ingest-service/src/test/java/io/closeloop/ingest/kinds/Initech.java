package io.closeloop.ingest.kinds;

import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.repository.TenantContextRepository;
import io.closeloop.ingest.service.config.ChannelRuleFields;
import io.closeloop.ingest.service.config.ConversionTypeFields;
import io.closeloop.ingest.service.config.FxRateFields;
import io.closeloop.ingest.service.config.PromoCodeFields;
import io.closeloop.ingest.service.config.TrackingNumberFields;
import io.closeloop.ingest.service.config.ChannelRuleService;
import io.closeloop.ingest.service.config.ConversionTypeService;
import io.closeloop.ingest.service.config.FxRateService;
import io.closeloop.ingest.service.config.PromoCodeService;
import io.closeloop.ingest.service.config.TrackingNumberService;
import io.closeloop.ingest.service.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * The test tenant of the payload-kind tests, set up through the config services: New York time, USD, US phones;
 * conversion types, a tracking number, a promo code, EUR rates and one channel rule.
 */
@ApplicationScoped
public class Initech {

    static final String TENANT = "initech";

    private final Transactions transactions;
    private final TenantContextRepository tenants;
    private final ConversionTypeService types;
    private final TrackingNumberService numbers;
    private final PromoCodeService codes;
    private final FxRateService rates;
    private final ChannelRuleService rules;
    private IdentifierHasher hasher;

    public Initech(Transactions transactions, TenantContextRepository tenants, ConversionTypeService types,
                   TrackingNumberService numbers, PromoCodeService codes, FxRateService rates,
                   ChannelRuleService rules) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.types = types;
        this.numbers = numbers;
        this.codes = codes;
        this.rates = rates;
        this.rules = rules;
    }

    /** Sets the tenant up once; returns its match-key hasher. */
    synchronized IdentifierHasher setUp() {
        if (hasher == null) {
            transactions.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("insert into tenant_settings (tenant, time_zone,"
                        + " base_currency, phone_region, updated_at) values (?, 'America/New_York', 'USD', 'US', now())"
                        + " on conflict (tenant) do nothing")) {
                    insert.setString(1, TENANT);
                    insert.executeUpdate();
                }
                return null;
            });
            types.put(TENANT, "deal", new ConversionTypeFields(null, true, List.of("sql", "won"), 180, false));
            types.put(TENANT, "store_sale", new ConversionTypeFields(null, null, null, null, true));
            types.put(TENANT, "phone_order", new ConversionTypeFields(null, null, null, 30, true));
            types.put(TENANT, "booked_job", new ConversionTypeFields(null, null, null, null, null));
            numbers.put(TENANT, "+14155550100", new TrackingNumberFields(null, "spring", "Google", "CPC",
                    "Spring Sale", "paid_search"));
            codes.put(TENANT, "SPRING25", new PromoCodeFields(null, "Spring Sale", null, "flyer", "print",
                    "2026-03-01", "2026-12-31"));
            rates.put(TENANT, List.of(new FxRateFields("2026-10-01", "EUR", "USD", "1.0852")));
            rules.replace(TENANT, new ChannelRuleFields.Rules(List.of(
                    new ChannelRuleFields("partner-.*", null, null, "partners"))));
            hasher = new IdentifierHasher(transactions.inTransaction(c -> tenants.secret(c, TENANT)));
        }
        return hasher;
    }
}
