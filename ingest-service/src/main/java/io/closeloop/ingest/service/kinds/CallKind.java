package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.PhoneNormalizer;
import io.closeloop.ingest.domain.TrackingNumber;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.CallRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls to tracking numbers: the number's pool entry gives source, medium, campaign and channel. A number not in
 * any pool is still a call: channel {@code phone}, source {@code unknown}, so no call is lost while the pool is
 * being set up.
 */
@Singleton
public class CallKind extends TypedKind<CallRequest> {

    static final String UNKNOWN_SOURCE = "unknown";

    public CallKind(RequestReaders readers, IngestConfig config) {
        super("calls", CallRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(CallRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion);
        // The tracking number is the tenant's own line: its region is the tenant's unless the call names another.
        String region = ids.regionOf("trackingNumberRegion", request.trackingNumberRegion(),
                context.settings().phoneRegion);
        String dialled = violations.required("trackingNumber", request.trackingNumber());
        Optional<String> number = dialled == null ? Optional.empty() : PhoneNormalizer.toE164(dialled, region);
        if (dialled != null && number.isEmpty()) {
            violations.add("trackingNumber", region == null
                    ? "is not a valid phone number in international notation (+ and the country code)"
                    : "is not a valid phone number for region " + region
                            + " (send trackingNumberRegion, or + and the country code)");
        }
        if (request.durationSeconds() != null && request.durationSeconds() < 0) {
            violations.add("durationSeconds", "must not be negative");
        }
        violations.maxLength("callId", request.callId(), 200);
        // A caller's number is a phone: it reaches the person who gave that phone on a form.
        ids.phone("callerNumber", request.callerNumber())
                .email(request.email())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId());
        violations.throwIfAny();
        Optional<TrackingNumber> pool = context.config().trackingNumber(number.orElseThrow());
        Touch touch = new Touch("call")
                .attribute("tracking_number", number.get())
                .attribute("tracking_number_status", pool.isPresent() ? "known" : "unknown")
                .attribute("duration_seconds", request.durationSeconds())
                .attribute("answered", request.answered())
                .attribute("call_id", request.callId());
        pool.ifPresentOrElse(n -> touch.utm(n.source(), n.medium(), n.campaign()).channel(n.channel())
                        .attribute("tracking_pool", n.pool()),
                () -> touch.utm(UNKNOWN_SOURCE, null, null).kindChannel(ChannelGrouping.PHONE));
        return touch.prepare(context, eventId, time, ids);
    }
}
