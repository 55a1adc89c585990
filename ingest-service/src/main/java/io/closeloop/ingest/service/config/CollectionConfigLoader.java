package io.closeloop.ingest.service.config;

import io.closeloop.ingest.domain.ChannelOverrides;
import io.closeloop.ingest.domain.CollectionConfig;
import io.closeloop.ingest.domain.FxRates;
import io.closeloop.ingest.repository.ChannelRuleRepository;
import io.closeloop.ingest.repository.ConversionTypeRepository;
import io.closeloop.ingest.repository.FxRateRepository;
import io.closeloop.ingest.repository.PromoCodeRepository;
import io.closeloop.ingest.repository.TrackingNumberRepository;
import io.closeloop.ingest.service.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a tenant's whole collection config in one transaction. Config tables are small (hundreds of numbers and
 * codes, one rate per pair and day), so a batch looks everything up in memory instead of once per row.
 */
@ApplicationScoped
public class CollectionConfigLoader {

    private final Transactions transactions;
    private final TrackingNumberRepository numbers;
    private final PromoCodeRepository codes;
    private final ConversionTypeRepository types;
    private final FxRateRepository rates;
    private final ChannelRuleRepository rules;

    public CollectionConfigLoader(Transactions transactions, TrackingNumberRepository numbers,
                                  PromoCodeRepository codes, ConversionTypeRepository types, FxRateRepository rates,
                                  ChannelRuleRepository rules) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.codes = codes;
        this.types = types;
        this.rates = rates;
        this.rules = rules;
    }

    public CollectionConfig load(String tenant) {
        return transactions.inTransaction(connection -> new CollectionConfig(
                numbers.list(connection, tenant, null), codes.list(connection, tenant),
                types.list(connection, tenant), new FxRates(rates.list(connection, tenant, null, null)),
                new ChannelOverrides(rules.list(connection, tenant))));
    }
}
