package io.closeloop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Revenue, spend and ROI per channel side by side for several attribution models, from the reporting service's
 * channels view ({@code /api/v1/reports/channels}). A reporting service without that view answers 404: then the
 * table shows revenue per channel and currency from {@code attributed-revenue}, without spend or ROI.
 */
public final class RoiTable {

    private RoiTable() {
    }

    /** Fetches the reports of {@code models} over {@code [from, to]} and prints the table. */
    public static void print(PlatformClient client, String reportingUrl, LocalDate from, LocalDate to,
                             List<String> models, PrintStream out) {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        for (String model : models) {
            HttpResponse<String> response = client.send("analyst", "GET", reportingUrl
                    + "/api/v1/reports/channels?model=" + model + "&from=" + from + "&to=" + to, null);
            if (response.statusCode() == 404) {
                Map<String, JsonNode> revenue = new LinkedHashMap<>();
                for (String m : models) {
                    revenue.put(m, client.json(client.send("analyst", "GET", reportingUrl
                            + "/api/v1/reports/attributed-revenue?model=" + m + "&from=" + from + "&to=" + to, null)));
                }
                printRevenueOnly(revenue, out);
                return;
            }
            channels.put(model, client.json(response));
        }
        printRoi(channels, out);
    }

    /** The table from channels views by model (the contract's envelope: rows, totals, currency). */
    static void printRoi(Map<String, JsonNode> byModel, PrintStream out) {
        JsonNode first = byModel.values().iterator().next();
        String currency = first.path("currency").asText("");
        out.printf("%nROI per channel, %s to %s, in %s (ROI = (revenue - spend) / spend; empty without spend)%n",
                first.path("from").asText(), first.path("to").asText(), currency);
        StringBuilder models = new StringBuilder(String.format("  %-18s", ""));
        StringBuilder header = new StringBuilder(String.format("  %-18s", "CHANNEL"));
        byModel.keySet().forEach(model -> {
            models.append(String.format(" | %-38s", model));
            header.append(String.format(" | %15s %14s %7s", "REVENUE", "SPEND", "ROI"));
        });
        out.println(models);
        out.println(header);
        Set<String> channels = new TreeSet<>();
        byModel.values().forEach(report -> report.path("rows").forEach(r -> channels.add(r.path("channel").asText())));
        for (String channel : channels) {
            StringBuilder line = new StringBuilder(String.format("  %-18s", channel));
            for (JsonNode report : byModel.values()) {
                line.append(cells(rowOf(report, channel), currency));
            }
            out.println(line);
        }
        StringBuilder total = new StringBuilder(String.format("  %-18s", "TOTAL"));
        byModel.values().forEach(report -> total.append(cells(report.path("totals"), currency)));
        out.println(total);
        out.flush();
    }

    private static JsonNode rowOf(JsonNode report, String channel) {
        for (JsonNode row : report.path("rows")) {
            if (channel.equals(row.path("channel").asText())) {
                return row;
            }
        }
        return null;
    }

    private static String cells(JsonNode row, String currency) {
        if (row == null || row.isMissingNode()) {
            return String.format(" | %15s %14s %7s", "", "", "");
        }
        JsonNode roi = row.path("roi");
        return String.format(" | %15s %14s %7s", money(row.path("revenueMinor"), currency),
                money(row.path("spendMinor"), currency),
                roi.isNumber() ? String.format("%.2f", roi.asDouble()) : "");
    }

    /** Revenue per channel and currency by model, from attributed-revenue reports (their rows and totals). */
    static void printRevenueOnly(Map<String, JsonNode> byModel, PrintStream out) {
        out.printf("%nRevenue per channel (this reporting service has no channels view, so no spend or ROI yet)%n");
        StringBuilder header = new StringBuilder(String.format("  %-18s %-4s", "CHANNEL", "CUR"));
        byModel.keySet().forEach(model -> header.append(String.format(" %15s", model)));
        out.println(header);
        Map<String, Map<String, Long>> sums = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>();
        byModel.forEach((model, report) -> {
            Map<String, Long> sum = new LinkedHashMap<>();
            report.path("rows").forEach(r -> sum.merge(r.path("channel").asText() + " " + r.path("currency").asText(),
                    r.path("revenueMinor").asLong(), Long::sum));
            keys.addAll(sum.keySet());
            sums.put(model, sum);
        });
        for (String key : keys) {
            String[] parts = key.split(" ", 2);
            StringBuilder line = new StringBuilder(String.format("  %-18s %-4s", parts[0], parts[1]));
            sums.values().forEach(sum -> line.append(String.format(" %15s", sum.containsKey(key)
                    ? format(sum.get(key), parts[1]) : "")));
            out.println(line);
        }
        out.flush();
    }

    private static String money(JsonNode minor, String currency) {
        return minor.isIntegralNumber() ? format(minor.asLong(), currency) : "";
    }

    /** Minor units as major units with the currency's decimals and thousands separators. */
    static String format(long minor, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // Unknown code: two decimals.
        }
        return String.format(java.util.Locale.ROOT, "%,." + digits + "f", BigDecimal.valueOf(minor, digits));
    }
}
