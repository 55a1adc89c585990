package io.closeloop.ingest.service.config;

import io.closeloop.ingest.domain.PromoCode;
import io.closeloop.ingest.domain.PromoCodes;
import io.closeloop.ingest.repository.PromoCodeRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.PromoCodeFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A tenant's promo and QR codes, case-insensitive. */
@ApplicationScoped
public class PromoCodeService {

    private final Transactions transactions;
    private final PromoCodeRepository repository;

    public PromoCodeService(Transactions transactions, PromoCodeRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public List<PromoCodeFields> list(String tenant) {
        return transactions.inTransaction(c -> repository.list(c, tenant)).stream().map(PromoCodeService::fields)
                .toList();
    }

    public PromoCodeFields get(String tenant, String code) {
        return transactions.inTransaction(c -> repository.find(c, tenant, PromoCodes.normalize(code)))
                .map(PromoCodeService::fields).orElseThrow(() -> new NotFoundException("no promo code " + code));
    }

    public PromoCodeFields put(String tenant, String code, PromoCodeFields fields) {
        Violations violations = new Violations();
        String normalized = PromoCodes.normalize(code);
        if (normalized.isEmpty() || normalized.length() > 64) {
            violations.add("code", "must be 1 to 64 characters");
        }
        violations.text("campaign", fields.campaign());
        violations.text("channel", fields.channel());
        violations.text("source", fields.source());
        violations.text("medium", fields.medium());
        violations.text("validFrom", fields.validFrom());
        violations.text("validTo", fields.validTo());
        LocalDate from = ConfigFields.day(violations, "validFrom", fields.validFrom(), false);
        LocalDate to = ConfigFields.day(violations, "validTo", fields.validTo(), false);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add("validTo", "is before validFrom");
        }
        PromoCode saved = new PromoCode(normalized, ConfigFields.requiredKey(violations, "campaign", fields.campaign()),
                ConfigFields.channel(violations, "channel", fields.channel()),
                ConfigFields.key(violations, "source", fields.source()),
                ConfigFields.key(violations, "medium", fields.medium()), from, to);
        violations.throwIfAny();
        transactions.inTransaction(c -> {
            repository.upsert(c, tenant, saved);
            return null;
        });
        return fields(saved);
    }

    public void delete(String tenant, String code) {
        if (!transactions.inTransaction(c -> repository.delete(c, tenant, PromoCodes.normalize(code)))) {
            throw new NotFoundException("no promo code " + code);
        }
    }

    private static PromoCodeFields fields(PromoCode c) {
        return new PromoCodeFields(c.code(), c.campaign(), c.channel(), c.source(), c.medium(),
                Objects.toString(c.validFrom(), null), Objects.toString(c.validTo(), null));
    }
}
