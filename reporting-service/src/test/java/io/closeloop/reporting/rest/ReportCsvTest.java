package io.closeloop.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.reporting.metrics.MetricInputs;
import io.closeloop.reporting.metrics.Metrics;
import io.closeloop.reporting.service.MetricReport;
import io.closeloop.reporting.service.ReportRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void aCampaignNameNeverRunsAsAFormulaAndQuotesFollowRfc4180() {
        ReportRow row = ReportRow.of("paid_search", "=HYPERLINK(\"http://evil\",\"a,b\")", null, null,
                Metrics.of(MetricInputs.NONE.withCredits(BigDecimal.ONE, 100, 100, BigDecimal.ZERO, BigDecimal.ONE,
                        BigDecimal.ZERO).withSpend(200)));
        MetricReport report = new MetricReport("campaigns", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
                "last_touch", "conversion", "GBP", "UTC", null, List.of(row), row, List.of(), List.of());

        String csv = (String) ReportCsv.metric(report).getEntity();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("row,channel,campaign,conversions,revenueMinor,spendMinor,roi,");
        assertThat(lines[1]).startsWith("row,paid_search,\"'=HYPERLINK(\"\"http://evil\"\",\"\"a,b\"\")\",1,100,200,"
                + "-0.5,0.5,200,");
        assertThat(ReportCsv.metric(report).getMediaType().toString()).startsWith("text/csv");
    }
}
