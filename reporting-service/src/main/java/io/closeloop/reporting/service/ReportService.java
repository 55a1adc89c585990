package io.closeloop.reporting.service;

import io.closeloop.reporting.domain.RevenueSums;
import io.closeloop.reporting.config.ReportingConfig;
import io.closeloop.reporting.repository.CreditRepository;
import io.closeloop.reporting.repository.FallbackGroup;
import io.closeloop.reporting.repository.RevenueGroup;
import io.closeloop.reporting.repository.TenantZoneRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Attributed revenue: credit lines of the current credit sets, summed per channel and campaign. */
@ApplicationScoped
public class ReportService {

    /** Fractional conversions are shown to this many decimals: enough for any share a model gives. */
    static final int CONVERSION_SCALE = 6;

    private static final Comparator<RevenueRow> ROW_ORDER = Comparator
            .comparingLong(RevenueRow::revenueMinor).reversed()
            .thenComparing(RevenueRow::channel)
            .thenComparing(RevenueRow::campaign, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RevenueRow::currency);

    private final CreditRepository credits;
    private final TenantZoneRepository zones;
    private final ReportingConfig config;

    public ReportService(CreditRepository credits, TenantZoneRepository zones, ReportingConfig config) {
        this.credits = credits;
        this.zones = zones;
        this.config = config;
    }

    /** @throws io.closeloop.common.InvalidInputException when a parameter is refused */
    public Uni<AttributedRevenueReport> attributedRevenue(String tenant, String from, String to, String model) {
        ReportRequest request = ReportRequest.parse(from, to, model, config.models(), config.defaultModel(),
                config.maxRangeDays());
        return Panache.withSession(() -> zones.zoneOf(tenant).chain(zoneId -> {
            ZoneId zone = ZoneId.of(zoneId);
            Instant start = request.from().atStartOfDay(zone).toInstant();
            Instant end = request.to().plusDays(1).atStartOfDay(zone).toInstant();
            return credits.revenue(tenant, request.model(), start, end)
                    .chain(groups -> credits.fallbacks(tenant, request.model(), start, end)
                            .map(fallbacks -> withFallbacks(report(request, zoneId, groups), fallbacks)));
        }));
    }

    static AttributedRevenueReport report(ReportRequest request, String zone, List<RevenueGroup> groups) {
        List<RevenueRow> rows = groups.stream()
                .map(g -> new RevenueRow(g.channel(), g.campaign(), g.currency(), g.revenueMinor(),
                        conversions(g.conversions())))
                .sorted(ROW_ORDER)
                .toList();
        Map<String, long[]> revenue = new TreeMap<>();
        Map<String, BigDecimal> conversions = new TreeMap<>();
        for (RevenueGroup group : groups) {
            long[] total = revenue.computeIfAbsent(group.currency(), c -> new long[1]);
            total[0] = RevenueSums.add(total[0], group.revenueMinor(), group.currency());
            conversions.merge(group.currency(), group.conversions(), BigDecimal::add);
        }
        List<RevenueTotal> totals = revenue.entrySet().stream()
                .map(e -> new RevenueTotal(e.getKey(), e.getValue()[0], conversions(conversions.get(e.getKey()))))
                .toList();
        return new AttributedRevenueReport(request.from(), request.to(), request.model(), zone, rows, totals);
    }

    /**
     * Says which conversions a data-driven model's fallback credited: a count per row and per total, the
     * fallback models and a note. Unchanged when none did.
     */
    static AttributedRevenueReport withFallbacks(AttributedRevenueReport report, List<FallbackGroup> fallbacks) {
        if (fallbacks.isEmpty()) {
            return report;
        }
        Map<List<String>, Long> perRow = new HashMap<>();
        Map<String, Long> perCurrency = new TreeMap<>();
        Map<String, Long> perModel = new TreeMap<>();
        for (FallbackGroup group : fallbacks) {
            if (group.channel() != null) {
                perRow.merge(Arrays.asList(group.channel(), group.campaign(), group.currency()), group.conversions(),
                        Long::sum);
            } else {
                perCurrency.merge(group.currency(), group.conversions(), Long::sum);
                perModel.merge(group.fallbackModelId(), group.conversions(), Long::sum);
            }
        }
        List<RevenueRow> rows = report.rows().stream().map(r -> new RevenueRow(r.channel(), r.campaign(),
                r.currency(), r.revenueMinor(), r.conversions(),
                perRow.getOrDefault(Arrays.asList(r.channel(), r.campaign(), r.currency()), 0L))).toList();
        List<RevenueTotal> totals = report.totals().stream().map(t -> new RevenueTotal(t.currency(),
                t.revenueMinor(), t.conversions(), perCurrency.getOrDefault(t.currency(), 0L))).toList();
        String note = perModel.entrySet().stream().map(e -> e.getValue() + (e.getValue() == 1 ? " conversion" :
                        " conversions") + " credited by the fallback model " + e.getKey())
                .collect(Collectors.joining(", ", "", " instead of " + report.model() + ": its fit saw fewer"
                        + " journeys than the tenant's minimum, or there was no fit yet when they were credited"));
        return new AttributedRevenueReport(report.from(), report.to(), report.model(), report.timeZone(), rows,
                totals, List.copyOf(perModel.keySet()), note);
    }

    /**
     * Fractional conversions are stored as the doubles the models produced, so three thirds may add up to
     * 0.9999999999999999; rounding to {@link #CONVERSION_SCALE} decimals shows 1.
     */
    static BigDecimal conversions(BigDecimal sum) {
        BigDecimal rounded = sum.setScale(CONVERSION_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
