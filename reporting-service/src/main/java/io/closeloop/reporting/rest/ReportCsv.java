package io.closeloop.reporting.rest;

import io.closeloop.reporting.metrics.CsvCells;
import io.closeloop.reporting.service.DataQualityReport;
import io.closeloop.reporting.service.FunnelReport;
import io.closeloop.reporting.service.MetricReport;
import io.closeloop.reporting.service.ModelComparison;
import io.closeloop.reporting.service.ReportRow;
import io.closeloop.reporting.service.SpendWithoutRate;
import io.closeloop.reporting.service.WithoutRate;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The views as CSV: RFC 4180 (CRLF, quotes where needed), UTF-8, one header row, every text cell neutralized
 * against formula injection, null as an empty cell. Metric views write their rows, then one row {@code total}.
 */
public final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final List<Column> METRICS = List.of(
            new Column("conversions", ReportRow::conversions),
            new Column("revenueMinor", ReportRow::revenueMinor),
            new Column("spendMinor", ReportRow::spendMinor),
            new Column("roi", ReportRow::roi),
            new Column("roas", ReportRow::roas),
            new Column("cpaMinor", ReportRow::cpaMinor),
            new Column("costPerOfflineConversionMinor", ReportRow::costPerOfflineConversionMinor),
            new Column("averageDealSizeMinor", ReportRow::averageDealSizeMinor),
            new Column("leads", ReportRow::leads),
            new Column("conversionRate", ReportRow::conversionRate),
            new Column("revenuePerLeadMinor", ReportRow::revenuePerLeadMinor),
            new Column("matchRate", ReportRow::matchRate),
            new Column("attributedShare", ReportRow::attributedShare),
            new Column("averageTouches", ReportRow::averageTouches),
            new Column("timeToConvertMedianHours", ReportRow::timeToConvertMedianHours),
            new Column("timeToConvertP90Hours", ReportRow::timeToConvertP90Hours),
            new Column("offlineShare", ReportRow::offlineShare));

    private record Column(String name, Function<ReportRow, Object> value) {
    }

    private ReportCsv() {
    }

    public static Response metric(MetricReport report) {
        List<Column> keys = new ArrayList<>();
        switch (report.view()) {
            case "channels" -> keys.add(new Column("channel", ReportRow::channel));
            case "campaigns" -> {
                keys.add(new Column("channel", ReportRow::channel));
                keys.add(new Column("campaign", ReportRow::campaign));
            }
            default -> {
                keys.add(new Column("period", ReportRow::period));
                keys.add(new Column("periodLabel", ReportRow::periodLabel));
            }
        }
        boolean previous = report.view().equals("year-over-year");
        List<String> header = new ArrayList<>(List.of("row"));
        keys.forEach(k -> header.add(k.name()));
        METRICS.forEach(m -> header.add(m.name()));
        if (previous) {
            header.add("previousPeriod");
            header.add("previousPeriodLabel");
            METRICS.forEach(m -> header.add("previous" + Character.toUpperCase(m.name().charAt(0))
                    + m.name().substring(1)));
        }
        List<List<Object>> records = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            records.add(metricRecord("row", row, keys, previous));
        }
        records.add(metricRecord("total", report.totals(), keys, previous));
        return response(report.view(), header, records);
    }

    private static List<Object> metricRecord(String kind, ReportRow row, List<Column> keys, boolean previous) {
        List<Object> record = new ArrayList<>(List.of(kind));
        keys.forEach(k -> record.add(k.value().apply(row)));
        METRICS.forEach(m -> record.add(m.value().apply(row)));
        if (previous) {
            ReportRow before = row.previous();
            record.add(before == null ? null : before.period());
            record.add(before == null ? null : before.periodLabel());
            METRICS.forEach(m -> record.add(before == null ? null : m.value().apply(before)));
        }
        return record;
    }

    /** One line per channel and model. */
    public static Response modelComparison(ModelComparison report) {
        List<List<Object>> records = new ArrayList<>();
        for (ModelComparison.Row row : report.rows()) {
            for (String model : report.models()) {
                records.add(Arrays.asList(row.channel(), model, row.revenueMinorByModel().get(model),
                        row.conversionsByModel().get(model)));
            }
        }
        return response(report.view(), List.of("channel", "model", "revenueMinor", "conversions"), records);
    }

    public static Response funnel(FunnelReport report) {
        List<List<Object>> records = new ArrayList<>();
        report.stages().forEach(s -> records.add(Arrays.asList(s.stage(), s.count(), s.rateFromPrevious())));
        return response(report.view(), List.of("stage", "count", "rateFromPrevious"), records);
    }

    /** One line per finding: its section, then the columns that section uses. */
    public static Response dataQuality(DataQualityReport report) {
        List<List<Object>> records = new ArrayList<>();
        report.spendWithoutRevenue().forEach(s -> records.add(Arrays.asList("spendWithoutRevenue", s.channel(),
                s.campaign(), null, null, null, null, s.spendMinor(), null)));
        report.revenueWithoutSpend().forEach(r -> records.add(Arrays.asList("revenueWithoutSpend", r.channel(),
                r.campaign(), null, null, null, null, r.revenueMinor(), null)));
        report.unknownUtmValues().forEach(u -> records.add(Arrays.asList("unknownUtmValues", null, null, u.field(),
                u.value(), null, u.touches(), null, null)));
        records.add(Arrays.asList("directOrUnassignedShare", null, null, null, null, null, null, null,
                report.directOrUnassignedShare()));
        for (WithoutRate w : report.conversionsWithoutRate()) {
            records.add(Arrays.asList("conversionsWithoutRate", null, null, null, null, w.currency(), w.conversions(),
                    w.amountMinor(), null));
        }
        for (SpendWithoutRate w : report.spendWithoutRate()) {
            records.add(Arrays.asList("spendWithoutRate", null, null, null, null, w.currency(), w.days(),
                    w.amountMinor(), null));
        }
        records.add(Arrays.asList("consentSuppressed", null, null, null, null, null, report.consentSuppressed(), null,
                null));
        return response(report.view(), List.of("section", "channel", "campaign", "field", "value", "currency", "count",
                "amountMinor", "share"), records);
    }

    private static Response response(String view, List<String> header, List<List<Object>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> record : records) {
                printer.printRecord(record.stream().map(CsvCells::neutralize).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + view + ".csv\"")
                .build();
    }
}
