package io.closeloop.ingest.service.config;

import io.closeloop.contracts.FxRate;
import io.closeloop.ingest.domain.FxRates.Rate;
import io.closeloop.ingest.messaging.FxRatePublisher;
import io.closeloop.ingest.repository.FxRateRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.FxRateFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant's FX-rate table; conversions and spend take the latest rate on or before their day. A created or changed
 * rate is announced on {@code fx.rates}, so attribution can convert conversions that arrived before their rate.
 */
@ApplicationScoped
public class FxRateService {

    /** A plain positive decimal: no exponent, no sign, bounded digits, so a rate is exactly what was typed. */
    private static final Pattern RATE = Pattern.compile("\\d{1,12}(\\.\\d{1,12})?");

    private final Transactions transactions;
    private final FxRateRepository repository;
    private final FxRatePublisher publisher;

    public FxRateService(Transactions transactions, FxRateRepository repository, FxRatePublisher publisher) {
        this.transactions = transactions;
        this.repository = repository;
        this.publisher = publisher;
    }

    public List<FxRateFields> list(String tenant, String from, String to) {
        Violations violations = new Violations();
        String source = ConfigFields.currency(violations, "from", from, false);
        String target = ConfigFields.currency(violations, "to", to, false);
        violations.throwIfAny();
        return transactions.inTransaction(c -> repository.list(c, tenant, source, target)).stream()
                .map(FxRateService::fields).toList();
    }

    /** The rate an event of {@code day} would use. */
    public FxRateFields lookup(String tenant, String from, String to, String day) {
        Violations violations = new Violations();
        String source = ConfigFields.currency(violations, "from", from, true);
        String target = ConfigFields.currency(violations, "to", to, true);
        LocalDate date = ConfigFields.day(violations, "date", day, true);
        violations.throwIfAny();
        List<Rate> rates = transactions.inTransaction(c -> repository.list(c, tenant, source, target));
        return rates.stream().filter(r -> !r.date().isAfter(date)).reduce((a, b) -> b).map(FxRateService::fields)
                .orElseThrow(() -> new NotFoundException("no rate from " + source + " to " + target + " on or before "
                        + date));
    }

    /** Stores rates (a new rate for the same pair and day replaces the old one); all or none. */
    public List<FxRateFields> put(String tenant, List<FxRateFields> given) {
        Violations violations = new Violations();
        if (given == null || given.isEmpty()) {
            violations.add("$", "at least one rate is required");
        }
        List<Rate> rates = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            String at = given.size() == 1 ? "" : "[" + i + "].";
            FxRateFields fields = given.get(i);
            if (fields == null) {
                violations.add(at.isEmpty() ? "$" : "[" + i + "]", "is required");
                continue;
            }
            Rate rate = rate(violations, at, fields);
            if (rate != null) {
                rates.add(rate);
            }
        }
        violations.throwIfAny();
        transactions.inTransaction(c -> {
            Instant now = Instant.now();
            for (Rate rate : rates) {
                if (repository.upsert(c, tenant, rate)) {
                    publisher.publish(c, new FxRate(tenant, rate.from(), rate.to(), rate.date(),
                            rate.rate().toPlainString(), now));
                }
            }
            return null;
        });
        return rates.stream().map(FxRateService::fields).toList();
    }

    public void delete(String tenant, String day, String from, String to) {
        Violations violations = new Violations();
        LocalDate date = ConfigFields.day(violations, "date", day, true);
        String source = ConfigFields.currency(violations, "from", from, true);
        String target = ConfigFields.currency(violations, "to", to, true);
        violations.throwIfAny();
        if (!transactions.inTransaction(c -> repository.delete(c, tenant, date, source, target))) {
            throw new NotFoundException("no rate from " + source + " to " + target + " on " + date);
        }
    }

    private static Rate rate(Violations violations, String at, FxRateFields fields) {
        violations.text(at + "date", fields.date());
        violations.text(at + "from", fields.from());
        violations.text(at + "to", fields.to());
        violations.text(at + "rate", fields.rate());
        LocalDate date = ConfigFields.day(violations, at + "date", fields.date(), true);
        String from = ConfigFields.currency(violations, at + "from", fields.from(), true);
        String to = ConfigFields.currency(violations, at + "to", fields.to(), true);
        String text = violations.required(at + "rate", fields.rate());
        BigDecimal rate = null;
        if (text != null && (!RATE.matcher(text).matches() || new BigDecimal(text).signum() <= 0)) {
            violations.add(at + "rate", "must be a positive decimal string such as \"1.0852\"");
        } else if (text != null) {
            rate = new BigDecimal(text);
        }
        if (from != null && from.equals(to)) {
            violations.add(at + "to", "must differ from from");
        }
        return date == null || from == null || to == null || rate == null ? null : new Rate(date, from, to, rate);
    }

    private static FxRateFields fields(Rate rate) {
        return new FxRateFields(rate.date().toString(), rate.from(), rate.to(), rate.rate().toPlainString());
    }
}
