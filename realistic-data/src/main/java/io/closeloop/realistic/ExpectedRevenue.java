package io.closeloop.realistic;

import io.closeloop.contracts.ConversionChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The revenue the reports must show for a {@link Truth}, computed from the documented rules only (the package
 * documentation lists them); it never calls a service's code.
 */
public final class ExpectedRevenue {

    /** The channel of a conversion without any eligible touch. */
    public static final String UNATTRIBUTED = "unattributed";

    /** The rule-based models this calculator knows, by their report name. */
    public enum Model {
        LAST_TOUCH("last_touch"), LINEAR("linear");

        public final String id;

        Model(String id) {
            this.id = id;
        }
    }

    /** A report row's key. {@code campaign} is null for touches that name none (organic, direct, unattributed). */
    public record Row(String channel, String campaign, String currency) implements Comparable<Row> {
        @Override
        public int compareTo(Row o) {
            return Comparator.comparing(Row::channel).thenComparing(Row::currency)
                    .thenComparing(Row::campaign, Comparator.nullsFirst(Comparator.naturalOrder())).compare(this, o);
        }
    }

    /** One credited touch. */
    public record Credit(Truth.Touch touch, String channel, String campaign, long minor) {
    }

    /**
     * What became of one conversion id.
     *
     * @param counts it is revenue (its type counts its final stage, and refunds left a positive value)
     * @param why why not, when it does not count
     */
    public record Outcome(String conversionId, String personId, String type, Instant time, String currency,
                          long valueMinor, boolean counts, String why, List<Credit> credits) {
    }

    /**
     * The expected report content.
     *
     * @param rows revenue per channel, campaign and currency
     * @param byChannel revenue per channel and currency (campaign summed)
     * @param totals revenue per currency
     * @param baseTotal the counting conversions' values in the base currency (each converted once at the latest
     *        rate on or before its UTC day, half-even); null when a rate is missing
     */
    public record Expected(Model model, List<Outcome> outcomes, Map<Row, Long> rows, Map<Row, Long> byChannel,
                           Map<String, Long> totals, Long baseTotal) {
    }

    private ExpectedRevenue() {
    }

    public static Expected of(Truth truth, Model model) {
        Map<String, List<Truth.ConversionRecord>> byId = new LinkedHashMap<>();
        for (Truth.ConversionRecord r : truth.conversionRecords()) {
            byId.computeIfAbsent(r.conversionId(), k -> new ArrayList<>()).add(r);
        }
        List<Outcome> outcomes = new ArrayList<>();
        Map<Row, Long> rows = new TreeMap<>();
        Map<Row, Long> byChannel = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        BigDecimal base = BigDecimal.ZERO;
        boolean baseComplete = true;
        for (List<Truth.ConversionRecord> records : byId.values()) {
            Outcome outcome = outcome(truth, records, model);
            outcomes.add(outcome);
            if (!outcome.counts()) {
                continue;
            }
            for (Credit c : outcome.credits()) {
                rows.merge(new Row(c.channel(), c.campaign(), outcome.currency()), c.minor(), Long::sum);
                byChannel.merge(new Row(c.channel(), null, outcome.currency()), c.minor(), Long::sum);
            }
            totals.merge(outcome.currency(), outcome.valueMinor(), Long::sum);
            BigDecimal converted = toBase(truth, outcome);
            if (converted == null) {
                baseComplete = false;
            } else {
                base = base.add(converted);
            }
        }
        return new Expected(model, outcomes, rows, byChannel, totals,
                baseComplete ? base.movePointRight(2).longValueExact() : null);
    }

    /** Folds one conversion's records in their order, then credits it. */
    static Outcome outcome(Truth truth, List<Truth.ConversionRecord> records, Model model) {
        List<Truth.ConversionRecord> ordered = new ArrayList<>(records);
        ordered.sort(ExpectedRevenue::versionOrder);
        String stage = null;
        Instant time = null;
        Long amount = null;
        String currency = null;
        long refunded = 0;
        for (Truth.ConversionRecord r : ordered) {
            if (r.change() == null) {
                stage = r.stage();
                time = r.occurredAt();
                if (r.amountMinor() != null) {
                    amount = r.amountMinor();
                    currency = r.currency();
                }
            } else if (ConversionChange.VALUE_CHANGED.equals(r.change())) {
                amount = r.amountMinor();
                currency = r.currency();
            } else if (ConversionChange.REFUND.equals(r.change())) {
                refunded += r.amountMinor();
            } else {
                throw new IllegalArgumentException("unknown change " + r.change());
            }
        }
        Truth.ConversionRecord first = ordered.get(0);
        Truth.ConversionTypeRule type = Objects.requireNonNull(truth.conversionTypes().get(first.type()),
                "no conversion type " + first.type());
        if (time == null) {
            throw new IllegalStateException(first.conversionId() + " has no whole version");
        }
        if (!type.counts(stage)) {
            return new Outcome(first.conversionId(), first.personId(), type.name(), time, currency,
                    0, false, "stage " + stage + " does not count", List.of());
        }
        long value = (amount == null ? 0 : amount) - refunded;
        if (amount == null || value <= 0) {
            return new Outcome(first.conversionId(), first.personId(), type.name(), time, currency, 0, false,
                    amount == null ? "no value" : "refunded in full", List.of());
        }
        List<Truth.Touch> eligible = eligible(truth, first.personId(), time, Duration.ofDays(type.lookbackDays()));
        return new Outcome(first.conversionId(), first.personId(), type.name(), time, currency, value, true, null,
                credit(eligible, value, model));
    }

    /**
     * Versions of one conversion: by source update time when both records carry one, then by arrival.
     */
    static int versionOrder(Truth.ConversionRecord a, Truth.ConversionRecord b) {
        if (a.sourceUpdatedAt() != null && b.sourceUpdatedAt() != null) {
            int bySource = a.sourceUpdatedAt().compareTo(b.sourceUpdatedAt());
            if (bySource != 0) {
                return bySource;
            }
        }
        return Integer.compare(a.arrival(), b.arrival());
    }

    /**
     * The person's touches in {@code [time - lookback, time)} whose person had granted measurement at the touch's
     * time, ordered by time, then event id as lower-case text.
     */
    static List<Truth.Touch> eligible(Truth truth, String personId, Instant time, Duration lookback) {
        Instant start = time.minus(lookback);
        return truth.touches().stream()
                .filter(t -> personId.equals(t.personId()))
                .filter(t -> !t.at().isBefore(start) && t.at().isBefore(time))
                .filter(t -> consentAt(truth, personId, t.at()))
                .sorted(Comparator.comparing(Truth.Touch::at).thenComparing(t -> t.eventId().toString()))
                .toList();
    }

    /**
     * The person's latest measurement signal at or before {@code at}. The generator gives every person a signal
     * before their first touch, so the tenant's defaults never decide; a touch without one is a generator bug.
     */
    static boolean consentAt(Truth truth, String personId, Instant at) {
        Truth.ConsentSignal latest = null;
        for (Truth.ConsentSignal s : truth.consents()) {
            if (s.personId().equals(personId) && !s.at().isAfter(at)
                    && (latest == null || s.at().isAfter(latest.at()))) {
                latest = s;
            }
        }
        if (latest == null) {
            throw new IllegalStateException("person " + personId + " has no consent signal at " + at);
        }
        return latest.granted();
    }

    /** Last touch: all to the last; linear: equal shares, the leftover units one each to the latest touches. */
    static List<Credit> credit(List<Truth.Touch> eligible, long value, Model model) {
        if (eligible.isEmpty()) {
            return List.of(new Credit(null, UNATTRIBUTED, null, value));
        }
        List<Credit> credits = new ArrayList<>();
        if (model == Model.LAST_TOUCH) {
            Truth.Touch last = eligible.get(eligible.size() - 1);
            Channels.ChannelCampaign cc = Channels.of(last);
            credits.add(new Credit(last, cc.channel(), cc.campaign(), value));
            return credits;
        }
        int n = eligible.size();
        long share = value / n;
        long leftover = value % n;
        for (int i = 0; i < n; i++) {
            Truth.Touch t = eligible.get(i);
            Channels.ChannelCampaign cc = Channels.of(t);
            credits.add(new Credit(t, cc.channel(), cc.campaign(), share + (i >= n - leftover ? 1 : 0)));
        }
        return credits;
    }

    /** The value in the base currency at the latest rate dated on or before the conversion's UTC day. */
    static BigDecimal toBase(Truth truth, Outcome outcome) {
        BigDecimal major = BigDecimal.valueOf(outcome.valueMinor(), 2);
        if (outcome.currency().equals(truth.baseCurrency())) {
            return major;
        }
        BigDecimal rate = rate(truth, outcome.currency(), LocalDate.ofInstant(outcome.time(), ZoneOffset.UTC));
        return rate == null ? null : major.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The latest rate from {@code currency} to the base currency dated on or before {@code day}; 1 for the base. */
    static BigDecimal rate(Truth truth, String currency, LocalDate day) {
        if (currency.equals(truth.baseCurrency())) {
            return BigDecimal.ONE;
        }
        Truth.FxRate best = null;
        for (Truth.FxRate r : truth.fxRates()) {
            if (r.from().equals(currency) && r.to().equals(truth.baseCurrency()) && !r.date().isAfter(day)
                    && (best == null || r.date().isAfter(best.date()))) {
                best = r;
            }
        }
        return best == null ? null : best.rate();
    }
}
