package io.closeloop.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A metric view (channels, campaigns, over-time, year-over-year) in the tenant's base currency")
public record MetricReport(
        @Schema(description = "channels, campaigns, over-time or year-over-year") String view,
        LocalDate from,
        LocalDate to,
        String model,
        @Schema(description = "conversion or touch") String dateBasis,
        @Schema(description = "The tenant's base currency (ISO 4217); null until its settings name one")
        String currency,
        @Schema(description = "IANA zone the days were cut in") String timeZone,
        @JsonInclude(JsonInclude.Include.NON_NULL) String grain,
        List<ReportRow> rows,
        ReportRow totals,
        List<WithoutRate> withoutRate,
        List<SpendWithoutRate> spendWithoutRate) {
}
