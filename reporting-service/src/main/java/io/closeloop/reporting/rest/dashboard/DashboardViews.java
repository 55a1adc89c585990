package io.closeloop.reporting.rest.dashboard;

import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.rest.ReportCsv;
import io.closeloop.reporting.service.AttributedRevenueReport;
import io.closeloop.reporting.service.DataQualityReport;
import io.closeloop.reporting.service.FunnelReport;
import io.closeloop.reporting.service.MetricReport;
import io.closeloop.reporting.service.MetricReportService;
import io.closeloop.reporting.service.ModelComparison;
import io.closeloop.reporting.service.ViewRequest;
import io.closeloop.reporting.service.ReportService;
import io.closeloop.reporting.service.RevenueRow;
import io.closeloop.reporting.service.RevenueTotal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data behind each part of the page, from the same report service as the bearer API, so a figure on the page
 * is the figure the API gives (CSV included). An unknown view answers 404, which the page shows as an empty
 * state.
 */
@ApplicationScoped
public class DashboardViews {

    static final String ATTRIBUTED_REVENUE = "attributed-revenue";
    private static final Set<String> METRIC_VIEWS = Set.of("channels", "campaigns", "over-time", "year-over-year",
            "model-comparison", "funnel", "data-quality");

    private final ReportService reports;
    private final MetricReportService metrics;

    public DashboardViews(ReportService reports, MetricReportService metrics) {
        this.reports = reports;
        this.metrics = metrics;
    }

    /** @param body a JSON document; or {@code csv} with its file name for a download */
    record Answer(Object body, String csv, String fileName) {
    }

    static final class UnknownViewException extends RuntimeException {
        UnknownViewException(String view) {
            super("the view " + view + " is not served by this version");
        }
    }

    Uni<Answer> answer(String view, String tenant, DashboardQuery query) {
        if (!ATTRIBUTED_REVENUE.equals(view)) {
            return metricView(view, tenant, query);
        }
        return reports.attributedRevenue(tenant, query.from(), query.to(), query.model())
                .map(report -> filtered(report, query.channel(), query.campaign()))
                .map(report -> query.csv()
                        ? new Answer(null, csv(report), fileName(view, report.model(), query))
                        : new Answer(report, null, null));
    }

    /** The metric views, asked exactly as the bearer API asks them (same parameters, same defaults). */
    private Uni<Answer> metricView(String view, String tenant, DashboardQuery query) {
        if (!METRIC_VIEWS.contains(view)) {
            return Uni.createFrom().failure(new UnknownViewException(view));
        }
        Grain defaultGrain = switch (view) {
            case "over-time" -> Grain.DAY;
            case "year-over-year" -> Grain.MONTH;
            default -> null;
        };
        Uni<?> report;
        try {
            ViewRequest request = metrics.request(new ViewRequest.Params(query.from(), query.to(), query.model(),
                    query.channel(), query.campaign(), query.dateBasis(), defaultGrain == null ? null : query.grain(),
                    query.format(), null), defaultGrain);
            report = switch (view) {
                case "channels" -> metrics.channels(tenant, request);
                case "campaigns" -> metrics.campaigns(tenant, request);
                case "over-time" -> metrics.overTime(tenant, request);
                case "year-over-year" -> metrics.yearOverYear(tenant, request);
                case "model-comparison" -> metrics.modelComparison(tenant, request);
                case "funnel" -> metrics.funnel(tenant, request);
                case "data-quality" -> metrics.dataQuality(tenant, request);
                default -> throw new UnknownViewException(view);
            };
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return report.map(body -> query.csv()
                ? new Answer(null, (String) csv(body).getEntity(), fileName(view, query.model(), query))
                : new Answer(body, null, null));
    }

    private static Response csv(Object report) {
        if (report instanceof MetricReport metric) {
            return ReportCsv.metric(metric);
        }
        if (report instanceof ModelComparison comparison) {
            return ReportCsv.modelComparison(comparison);
        }
        if (report instanceof FunnelReport funnel) {
            return ReportCsv.funnel(funnel);
        }
        if (report instanceof DataQualityReport quality) {
            return ReportCsv.dataQuality(quality);
        }
        throw new IllegalStateException("no CSV form for " + report.getClass().getSimpleName());
    }

    /**
     * Keeps the rows of one channel and/or campaign; the totals are then those of the rows kept, so that the page
     * never shows a total its rows do not add up to.
     */
    static AttributedRevenueReport filtered(AttributedRevenueReport report, String channel, String campaign) {
        if (channel == null && campaign == null) {
            return report;
        }
        List<RevenueRow> rows = report.rows().stream()
                .filter(r -> channel == null || channel.equals(r.channel()))
                .filter(r -> campaign == null || Objects.equals(campaign, r.campaign()))
                .toList();
        Map<String, RevenueTotal> totals = new TreeMap<>();
        for (RevenueRow row : rows) {
            totals.merge(row.currency(), new RevenueTotal(row.currency(), row.revenueMinor(), row.conversions(),
                    row.fallbackConversions()), (a, b) -> new RevenueTotal(a.currency(),
                    Math.addExact(a.revenueMinor(), b.revenueMinor()), a.conversions().add(b.conversions()),
                    a.fallbackConversions() + b.fallbackConversions()));
        }
        return new AttributedRevenueReport(report.from(), report.to(), report.model(), report.timeZone(), rows,
                List.copyOf(totals.values()), report.fallbackModels(), report.note());
    }

    static String csv(AttributedRevenueReport report) {
        CsvTable table = new CsvTable(List.of("channel", "campaign", "currency", "revenueMinor", "conversions",
                "fallbackConversions"));
        for (RevenueRow row : report.rows()) {
            table.row(java.util.Arrays.asList(row.channel(), row.campaign(), row.currency(), row.revenueMinor(),
                    plain(row.conversions()), row.fallbackConversions()));
        }
        return table.toString();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.toPlainString());
    }

    private static String fileName(String view, String model, DashboardQuery query) {
        return (view + "_" + (model == null ? "last_touch" : model) + "_" + query.from() + "_" + query.to() + ".csv").replaceAll("[^A-Za-z0-9_.-]", "");
    }
}
