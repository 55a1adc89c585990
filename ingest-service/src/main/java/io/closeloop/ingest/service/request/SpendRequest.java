package io.closeloop.ingest.service.request;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marketing spend of one day, channel and campaign; a later record for the same key replaces the earlier. */
@Schema(description = "Spend of a day; joined to revenue on channel and normalized campaign", example = """
        {"date":"2026-11-01","source":"google","medium":"cpc","campaign":"Brand Search",
         "platformCampaignId":"1234567890","amount":{"amountMinor":150000,"currency":"USD"}}""")
public record SpendRequest(
        UUID eventId,
        @Schema(required = true, description = "The day, in the tenant's time zone") String date,
        @Schema(description = "Channel group; derived from source and medium when absent") String channel,
        String source,
        String medium,
        @Schema(description = "Normalized like utm_campaign") String campaign,
        @Schema(description = "The ad platform's campaign id, for an exact join") String platformCampaignId,
        @Schema(required = true) MoneyFields amount) implements HasEventId {
}
