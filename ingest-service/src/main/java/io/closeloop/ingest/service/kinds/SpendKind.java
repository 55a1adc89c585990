package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.SpendRecord;
import io.closeloop.contracts.Topics;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ConfigFields;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.SpendRequest;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Spend per day, channel and campaign on {@code spend.raw} (compacted by that key: a corrected figure replaces the
 * earlier one). The campaign is normalized like a UTM campaign so that spend joins revenue; the channel is given or
 * derived from source and medium like a touch's; the base amount uses the FX rate of that day (null without one).
 */
@Singleton
public class SpendKind extends TypedKind<SpendRequest> {

    public SpendKind(RequestReaders readers, IngestConfig config) {
        super("spend", SpendRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(SpendRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        ZoneId zone = ZoneId.of(context.settings().timeZone);
        LocalDate date = ConfigFields.day(violations, "date", request.date(), true);
        if (date != null && date.isAfter(LocalDate.now(context.clock().withZone(zone)).plusDays(1))) {
            violations.add("date", "is in the future");
        }
        String source = ConfigFields.key(violations, "source", request.source());
        String medium = ConfigFields.key(violations, "medium", request.medium());
        String campaign = ConfigFields.key(violations, "campaign", request.campaign());
        String channel = ConfigFields.channel(violations, "channel", request.channel());
        if (channel == null && source == null && medium == null) {
            violations.add("channel", "is required when neither source nor medium is given");
        }
        violations.maxLength("platformCampaignId", request.platformCampaignId(), 200);
        if (request.amount() == null) {
            violations.add("amount", "is required");
        }
        Money amount = EventFields.money(violations, "amount", request.amount());
        violations.throwIfAny();
        String group = channel != null ? channel
                : ChannelGrouping.channelOf(source, medium, campaign, context.config().channelRules());
        Money base = context.config().fxRates().toBase(amount, context.settings().baseCurrency, date).orElse(null);
        SpendRecord spend = new SpendRecord(context.tenant(), eventId, date, group, source, medium, campaign,
                request.platformCampaignId(), amount, base, context.clock().instant());
        return new Prepared(eventId, "spend", date.atStartOfDay(zone).toInstant(), Topics.SPEND_RAW,
                Keys.spend(context.tenant(), date, group, campaign), spend);
    }
}
