package io.closeloop.reporting.service;

import io.closeloop.reporting.metrics.FunnelStages;
import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.metrics.MetricInputs;
import io.closeloop.reporting.metrics.MetricValues;
import io.closeloop.reporting.metrics.Metrics;
import io.closeloop.reporting.metrics.TouchCount;
import io.closeloop.reporting.repository.CreditRepository;
import io.closeloop.reporting.repository.GroupKey;
import io.closeloop.reporting.repository.Grouping;
import io.closeloop.reporting.repository.Keys;
import io.closeloop.reporting.repository.MetricGroups;
import io.closeloop.reporting.repository.ReportScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the metric queries' groups into the views' rows, totals and lists. */
final class MetricRows {

    private static final Comparator<ReportRow> BY_REVENUE = Comparator
            .comparingLong(ReportRow::revenueMinor).reversed()
            .thenComparing(ReportRow::spendMinor, Comparator.reverseOrder())
            .thenComparing(ReportRow::channel, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ReportRow::campaign, Comparator.nullsLast(Comparator.naturalOrder()));

    private MetricRows() {
    }

    /** Merges the groups' figures per key; the total (under {@link GroupKey#TOTAL}) adds every group's sums. */
    static Map<GroupKey, MetricInputs> inputs(List<MetricGroups.Credits> credits,
                                              List<MetricGroups.Conversions> conversions,
                                              List<MetricGroups.Conversions> total, List<MetricGroups.Amount> spend,
                                              List<MetricGroups.Touches> touches) {
        Map<GroupKey, MetricInputs> groups = new LinkedHashMap<>();
        MetricInputs sum = MetricInputs.NONE;
        for (MetricGroups.Credits c : credits) {
            MetricInputs in = groups.getOrDefault(c.key(), MetricInputs.NONE);
            groups.put(c.key(), in.withCredits(c.conversions(), c.revenueMinor(), c.attributedRevenueMinor(),
                    c.offlineConversions(), c.valuedConversions(), c.leads()));
            sum = sum.withCredits(sum.conversions().add(c.conversions()),
                    Math.addExact(sum.revenueMinor(), c.revenueMinor()),
                    Math.addExact(sum.attributedRevenueMinor(), c.attributedRevenueMinor()),
                    sum.offlineConversions().add(c.offlineConversions()),
                    sum.valuedConversions().add(c.valuedConversions()), sum.leads().add(c.leads()));
        }
        for (MetricGroups.Conversions c : conversions) {
            groups.put(c.key(), withStats(groups.getOrDefault(c.key(), MetricInputs.NONE), c));
        }
        for (MetricGroups.Conversions c : total) {
            sum = withStats(sum, c);
        }
        for (MetricGroups.Amount s : spend) {
            if (s.value() == 0 && !groups.containsKey(s.key())) {
                continue;
            }
            groups.put(s.key(), groups.getOrDefault(s.key(), MetricInputs.NONE).withSpend(s.value()));
            sum = sum.withSpend(Math.addExact(sum.spendMinor(), s.value()));
        }
        for (MetricGroups.Touches t : touches) {
            if (t.measured() == 0 && !groups.containsKey(t.key())) {
                continue;
            }
            groups.put(t.key(), groups.getOrDefault(t.key(), MetricInputs.NONE).withTouches(t.measured()));
            sum = sum.withTouches(sum.touches() + t.measured());
        }
        groups.remove(GroupKey.TOTAL);
        Map<GroupKey, MetricInputs> all = new LinkedHashMap<>(groups);
        all.put(GroupKey.TOTAL, sum);
        return all;
    }

    private static MetricInputs withStats(MetricInputs in, MetricGroups.Conversions c) {
        return in.withConversionStats(c.withMatchFlag(), c.matched(), c.pathConversions(), c.pathTouches(),
                c.timeToConvertMedianHours(), c.timeToConvertP90Hours());
    }

    static MetricReport report(String view, ViewRequest request, ReportScope scope, Grouping grouping,
                               Map<GroupKey, MetricInputs> groups, List<MetricGroups.WithoutRate> rates,
                               List<MetricGroups.WithoutRate> spendRates) {
        List<ReportRow> rows;
        if (grouping.grain() != null) {
            rows = periodRows(grouping.grain(), request.from(), request.to(), groups);
        } else {
            rows = new ArrayList<>();
            for (Map.Entry<GroupKey, MetricInputs> group : groups.entrySet()) {
                if (group.getKey().equals(GroupKey.TOTAL)) {
                    continue;
                }
                rows.add(ReportRow.of(group.getKey().channel(),
                        grouping.campaign() ? Keys.shown(group.getKey().campaign()) : null, null, null,
                        Metrics.of(group.getValue())));
            }
            rows.sort(BY_REVENUE);
        }
        return new MetricReport(view, request.from(), request.to(), request.model(), request.dateBasis().id(),
                scope.baseCurrency(), scope.zone(), grouping.grain() == null ? null : grouping.grain().id(), rows,
                total(groups), withoutRate(rates), spendWithoutRate(spendRates));
    }

    static MetricReport yearOverYear(ViewRequest request, ReportScope scope, Map<GroupKey, MetricInputs> current,
                                     Map<GroupKey, MetricInputs> previous, List<MetricGroups.WithoutRate> rates,
                                     List<MetricGroups.WithoutRate> spendRates) {
        Grain grain = request.grain();
        List<ReportRow> rows = new ArrayList<>();
        if (current.size() > 1 || previous.size() > 1) {
            for (LocalDate start : grain.starts(request.from(), request.to())) {
                LocalDate earlier = grain.yearEarlier(start);
                rows.add(periodRow(grain, start, current).withPrevious(periodRow(grain, earlier, previous)));
            }
        }
        return new MetricReport("year-over-year", request.from(), request.to(), request.model(),
                request.dateBasis().id(), scope.baseCurrency(), scope.zone(), grain.id(), rows,
                total(current).withPrevious(total(previous)), withoutRate(rates), spendWithoutRate(spendRates));
    }

    /** Every period of the range when any has data (a chart needs its empty days); none when none has. */
    private static List<ReportRow> periodRows(Grain grain, LocalDate from, LocalDate to,
                                              Map<GroupKey, MetricInputs> groups) {
        List<ReportRow> rows = new ArrayList<>();
        if (groups.size() <= 1) {
            return rows;
        }
        for (LocalDate start : grain.starts(from, to)) {
            rows.add(periodRow(grain, start, groups));
        }
        return rows;
    }

    private static ReportRow periodRow(Grain grain, LocalDate start, Map<GroupKey, MetricInputs> groups) {
        MetricInputs in = groups.getOrDefault(new GroupKey(null, null, null, start), MetricInputs.NONE);
        return ReportRow.of(null, null, start, grain.label(start), Metrics.of(in));
    }

    private static ReportRow total(Map<GroupKey, MetricInputs> groups) {
        MetricValues values = Metrics.of(groups.getOrDefault(GroupKey.TOTAL, MetricInputs.NONE));
        return ReportRow.of(null, null, null, null, values);
    }

    static List<WithoutRate> withoutRate(List<MetricGroups.WithoutRate> rates) {
        return rates.stream().map(r -> new WithoutRate(r.currency(), r.count(), r.amountMinor())).toList();
    }

    static List<SpendWithoutRate> spendWithoutRate(List<MetricGroups.WithoutRate> rates) {
        return rates.stream().map(r -> new SpendWithoutRate(r.currency(), r.count(), r.amountMinor())).toList();
    }

    static ModelComparison modelComparison(ViewRequest request, ReportScope scope, List<String> models,
                                           List<MetricGroups.Credits> credits, List<MetricGroups.WithoutRate> rates) {
        Map<String, Map<String, Long>> revenue = new HashMap<>();
        Map<String, Map<String, BigDecimal>> conversions = new HashMap<>();
        for (MetricGroups.Credits c : credits) {
            revenue.computeIfAbsent(c.key().channel(), k -> zeros(models, 0L)).put(c.key().model(), c.revenueMinor());
            conversions.computeIfAbsent(c.key().channel(), k -> zeros(models, BigDecimal.ZERO))
                    .put(c.key().model(), Metrics.count(c.conversions()));
        }
        List<ModelComparison.Row> rows = revenue.keySet().stream()
                .sorted(Comparator.comparing((String ch) -> revenue.get(ch).getOrDefault(request.model(), 0L))
                        .reversed().thenComparing(Comparator.naturalOrder()))
                .map(ch -> new ModelComparison.Row(ch, revenue.get(ch), conversions.get(ch)))
                .toList();
        return new ModelComparison("model-comparison", request.from(), request.to(), request.dateBasis().id(),
                scope.baseCurrency(), scope.zone(), models, rows, withoutRate(rates));
    }

    private static <V> Map<String, V> zeros(List<String> models, V zero) {
        Map<String, V> map = new LinkedHashMap<>();
        models.forEach(m -> map.put(m, zero));
        return map;
    }

    static FunnelReport funnel(ViewRequest request, ReportScope scope, List<MetricGroups.Named> counts) {
        Map<String, Long> byStage = new HashMap<>();
        counts.forEach(c -> byStage.put(c.first(), c.count()));
        List<FunnelReport.Stage> stages = new ArrayList<>();
        Long previous = null;
        for (String stage : FunnelStages.STAGES) {
            long count = byStage.getOrDefault(stage, 0L);
            BigDecimal rate = previous == null || FunnelStages.LOST.equals(stage) ? null
                    : Metrics.ratio(BigDecimal.valueOf(count), BigDecimal.valueOf(previous));
            stages.add(new FunnelReport.Stage(stage, count, rate));
            previous = count;
        }
        return new FunnelReport("funnel", request.from(), request.to(), request.model(), scope.zone(), stages);
    }

    static DataQualityReport dataQuality(ViewRequest request, ReportScope scope, List<MetricGroups.Credits> credits,
                                         List<MetricGroups.Amount> spend, List<MetricGroups.Touches> touches,
                                         List<MetricGroups.Named> unknown, List<MetricGroups.WithoutRate> rates,
                                         List<MetricGroups.WithoutRate> spendRates) {
        Map<GroupKey, MetricGroups.Credits> revenue = new HashMap<>();
        credits.forEach(c -> revenue.put(c.key(), c));
        Map<GroupKey, Long> spent = new HashMap<>();
        Set<String> paidChannels = new HashSet<>();
        for (MetricGroups.Amount s : spend) {
            if (s.value() > 0) {
                spent.put(s.key(), s.value());
                paidChannels.add(s.key().channel());
            }
        }
        List<DataQualityReport.CampaignSpend> spendWithoutRevenue = spent.entrySet().stream()
                .filter(e -> {
                    MetricGroups.Credits c = revenue.get(e.getKey());
                    return c == null || c.revenueMinor() == 0 && c.conversions().signum() == 0;
                })
                .map(e -> new DataQualityReport.CampaignSpend(e.getKey().channel(), Keys.shown(e.getKey().campaign()),
                        e.getValue()))
                .sorted(Comparator.comparingLong(DataQualityReport.CampaignSpend::spendMinor).reversed()
                        .thenComparing(DataQualityReport.CampaignSpend::channel)
                        .thenComparing(DataQualityReport.CampaignSpend::campaign,
                                Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<DataQualityReport.CampaignRevenue> revenueWithoutSpend = credits.stream()
                .filter(c -> c.revenueMinor() > 0 && !spent.containsKey(c.key())
                        && paidChannels.contains(c.key().channel())
                        && !CreditRepository.UNATTRIBUTED.equals(c.key().channel()))
                .map(c -> new DataQualityReport.CampaignRevenue(c.key().channel(), Keys.shown(c.key().campaign()),
                        c.revenueMinor()))
                .sorted(Comparator.comparingLong(DataQualityReport.CampaignRevenue::revenueMinor).reversed()
                        .thenComparing(DataQualityReport.CampaignRevenue::channel)
                        .thenComparing(DataQualityReport.CampaignRevenue::campaign,
                                Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        long measured = 0;
        long directOrUnassigned = 0;
        long suppressed = 0;
        for (MetricGroups.Touches t : touches) {
            measured += t.measured();
            suppressed += t.suppressed();
            if (TouchCount.DIRECT.equals(t.key().channel()) || TouchCount.UNASSIGNED.equals(t.key().channel())) {
                directOrUnassigned += t.measured();
            }
        }
        return new DataQualityReport("data-quality", request.from(), request.to(), request.model(),
                scope.baseCurrency(), scope.zone(), spendWithoutRevenue, revenueWithoutSpend,
                unknown.stream().map(u -> new DataQualityReport.UnknownUtmValue(u.first(), u.second(), u.count()))
                        .toList(),
                Metrics.ratio(BigDecimal.valueOf(directOrUnassigned), BigDecimal.valueOf(measured)),
                withoutRate(rates), spendWithoutRate(spendRates), suppressed);
    }
}
