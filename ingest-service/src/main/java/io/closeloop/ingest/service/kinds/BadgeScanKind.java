package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.MatchFeatures;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ConfigFields;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.BadgeScanRequest;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Badge scans at events: channel {@code events} (a tenant rule may rename it), the event as source and (by
 * default) campaign. Attendee ids are unique only within their event, so the badge identifier is
 * {@code <event>:<attendee id>}.
 */
@Singleton
public class BadgeScanKind extends TypedKind<BadgeScanRequest> {

    public BadgeScanKind(RequestReaders readers, IngestConfig config) {
        super("badge-scans", BadgeScanRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(BadgeScanRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        String event = ConfigFields.requiredKey(violations, "event", request.event());
        String attendee = violations.required("attendeeId", request.attendeeId());
        violations.maxLength("attendeeId", attendee, 100);
        violations.maxLength("booth", request.booth(), 100);
        violations.maxLength("company", request.company(), 200);
        String campaign = ConfigFields.key(violations, "campaign", request.campaign());
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations).email(request.email());
        if (event != null && attendee != null) {
            ids.id(IdentifierKind.BADGE, "attendeeId", event + ":" + attendee);
        }
        violations.throwIfAny();
        return new Touch("badge_scan")
                .utm(event, "event", campaign == null ? event : campaign)
                .kindChannel(ChannelGrouping.EVENTS)
                .attribute("event", event)
                .attribute("booth", request.booth())
                .matchFeatures(MatchFeatures.of(context.hasher(), null, null, request.company(), null,
                        request.email()))
                .prepare(context, eventId, time, ids);
    }
}
