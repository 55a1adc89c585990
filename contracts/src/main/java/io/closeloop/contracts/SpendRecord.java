package io.closeloop.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Marketing spend of one day, channel and campaign. The latest record per key wins, so a platform's corrected
 * figure replaces the earlier one.
 *
 * @param date the day in the tenant's time zone
 * @param campaign normalized like UTM campaigns, so spend joins revenue on channel + campaign
 * @param platformCampaignId the ad platform's campaign id, when known, for an exact join
 * @param baseAmount the amount in the tenant's base currency (FX rounded half-even); null without a rate
 */
public record SpendRecord(
        String tenant,
        UUID eventId,
        LocalDate date,
        String channel,
        String source,
        String medium,
        String campaign,
        String platformCampaignId,
        Money amount,
        Money baseAmount,
        Instant receivedAt) implements TenantScoped {
}
