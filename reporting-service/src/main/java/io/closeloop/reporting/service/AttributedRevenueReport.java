package io.closeloop.reporting.service;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Revenue credited per channel and campaign for conversions on the days from..to"
        + " (inclusive) in the tenant's time zone")
public record AttributedRevenueReport(
        LocalDate from,
        LocalDate to,
        String model,
        @Schema(description = "IANA zone the days were cut in; UTC until the tenant's settings are known")
        String timeZone,
        @Schema(description = "Sorted by revenue descending, then channel and campaign")
        List<RevenueRow> rows,
        @Schema(description = "One total per currency; amounts in different currencies are never added")
        List<RevenueTotal> totals,
        @Schema(description = "The rule-based models that credited some of the period's conversions instead of the"
                + " requested data-driven model; empty when its fit credited every one")
        List<String> fallbackModels,
        @Schema(description = "Says when a fallback credited, and why; null otherwise")
        String note) {

    public AttributedRevenueReport(LocalDate from, LocalDate to, String model, String timeZone, List<RevenueRow> rows,
                                   List<RevenueTotal> totals) {
        this(from, to, model, timeZone, rows, totals, List.of(), null);
    }
}
