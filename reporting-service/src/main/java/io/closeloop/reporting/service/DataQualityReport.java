package io.closeloop.reporting.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What keeps the figures from adding up: unmapped campaigns, unknown UTM values, direct or"
        + " unassigned touches, amounts without a rate, consent-suppressed touches")
public record DataQualityReport(String view, LocalDate from, LocalDate to, String model, String currency,
                                String timeZone, List<CampaignSpend> spendWithoutRevenue,
                                List<CampaignRevenue> revenueWithoutSpend, List<UnknownUtmValue> unknownUtmValues,
                                BigDecimal directOrUnassignedShare, List<WithoutRate> conversionsWithoutRate,
                                List<SpendWithoutRate> spendWithoutRate,
                                @Schema(description = "Touches whose consent did not grant measurement")
                                long consentSuppressed) {

    public record CampaignSpend(String channel, String campaign, long spendMinor) {
    }

    public record CampaignRevenue(String channel, String campaign, long revenueMinor) {
    }

    public record UnknownUtmValue(String field, String value, long touches) {
    }
}
