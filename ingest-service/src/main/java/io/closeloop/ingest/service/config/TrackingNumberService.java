package io.closeloop.ingest.service.config;

import io.closeloop.common.InvalidInputException;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.PhoneNormalizer;
import io.closeloop.ingest.domain.TrackingNumber;
import io.closeloop.ingest.repository.TenantContextRepository;
import io.closeloop.ingest.repository.TrackingNumberRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TrackingNumberFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/** A tenant's call-tracking numbers: numbers are E.164, read in the tenant's phone region when without +. */
@ApplicationScoped
public class TrackingNumberService {

    private final Transactions transactions;
    private final TrackingNumberRepository repository;
    private final TenantContextRepository tenants;

    public TrackingNumberService(Transactions transactions, TrackingNumberRepository repository,
                                 TenantContextRepository tenants) {
        this.transactions = transactions;
        this.repository = repository;
        this.tenants = tenants;
    }

    public List<TrackingNumberFields> list(String tenant, String pool) {
        return transactions.inTransaction(c -> repository.list(c, tenant, pool)).stream()
                .map(TrackingNumberService::fields).toList();
    }

    public TrackingNumberFields get(String tenant, String number) {
        return transactions.inTransaction(c -> repository.find(c, tenant, e164(number, tenants.settings(c, tenant)
                        .phoneRegion)))
                .map(TrackingNumberService::fields)
                .orElseThrow(() -> new NotFoundException("no tracking number " + number));
    }

    public TrackingNumberFields put(String tenant, String number, TrackingNumberFields fields) {
        return transactions.inTransaction(c -> {
            Violations violations = new Violations();
            String e164 = e164(number, tenants.settings(c, tenant).phoneRegion);
            violations.text("pool", fields.pool());
            violations.text("source", fields.source());
            violations.text("medium", fields.medium());
            violations.text("campaign", fields.campaign());
            violations.text("channel", fields.channel());
            String pool = violations.required("pool", fields.pool());
            violations.maxLength("pool", pool, 100);
            String channel = ConfigFields.channel(violations, "channel", fields.channel());
            TrackingNumber saved = new TrackingNumber(e164, pool,
                    ConfigFields.requiredKey(violations, "source", fields.source()),
                    ConfigFields.requiredKey(violations, "medium", fields.medium()),
                    ConfigFields.key(violations, "campaign", fields.campaign()),
                    channel == null ? ChannelGrouping.PHONE : channel);
            violations.throwIfAny();
            repository.upsert(c, tenant, saved);
            return fields(saved);
        });
    }

    public void delete(String tenant, String number) {
        boolean deleted = transactions.inTransaction(c -> repository.delete(c, tenant,
                e164(number, tenants.settings(c, tenant).phoneRegion)));
        if (!deleted) {
            throw new NotFoundException("no tracking number " + number);
        }
    }

    private static String e164(String number, String region) {
        return PhoneNormalizer.toE164(number, region).orElseThrow(() -> new InvalidInputException(
                "number", "is not a valid phone number for region " + region + " (use + and the country code)"));
    }

    private static TrackingNumberFields fields(TrackingNumber n) {
        return new TrackingNumberFields(n.number(), n.pool(), n.source(), n.medium(), n.campaign(), n.channel());
    }
}
