package io.closeloop.reporting.repository;

import io.closeloop.contracts.SpendRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The latest spend per tenant, day, channel and campaign. */
@ApplicationScoped
public class SpendRepository {

    /**
     * A record replaces the stored figure of its key unless the stored one was received later: the topic is
     * compacted per key, so a corrected day replaces the earlier one and a replayed older record changes nothing.
     */
    private static final String UPSERT = "insert into spend_day (tenant, day, channel, campaign, source, medium,"
            + " platform_campaign_id, currency, amount_minor, base_currency, base_amount_minor, received_at)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
            + " on conflict (tenant, day, channel, campaign) do update set source = excluded.source,"
            + " medium = excluded.medium, platform_campaign_id = excluded.platform_campaign_id,"
            + " currency = excluded.currency, amount_minor = excluded.amount_minor,"
            + " base_currency = excluded.base_currency, base_amount_minor = excluded.base_amount_minor,"
            + " received_at = excluded.received_at, stored_at = now()"
            + " where spend_day.received_at is null or excluded.received_at is null"
            + " or spend_day.received_at <= excluded.received_at";

    public Uni<Void> upsert(SpendRecord spend) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, spend.tenant())
                        .setParameter(2, spend.date())
                        .setParameter(3, spend.channel())
                        .setParameter(4, Keys.campaign(spend.campaign()))
                        .setParameter(5, spend.source())
                        .setParameter(6, spend.medium())
                        .setParameter(7, spend.platformCampaignId())
                        .setParameter(8, spend.amount().currency())
                        .setParameter(9, spend.amount().amountMinor())
                        .setParameter(10, spend.baseAmount() == null ? null : spend.baseAmount().currency())
                        .setParameter(11, spend.baseAmount() == null ? null : spend.baseAmount().amountMinor())
                        .setParameter(12, spend.receivedAt() == null ? null
                                : OffsetDateTime.ofInstant(spend.receivedAt(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
