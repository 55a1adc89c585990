package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.PromoCode;
import io.closeloop.ingest.domain.PromoCodes;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.CodeRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * QR scans and promo redemptions: the code's mapping gives the campaign. A code that is not mapped, or not valid on
 * the event's day, is still accepted — with the kind's own channel, source {@code unknown} and no campaign, and
 * {@code code_status} saying why — so a scan is never lost while the mapping is being set up; the code itself is
 * kept in the attributes, so a later restatement can assign it.
 */
abstract class CodeKind extends TypedKind<CodeRequest> {

    private final String touchType;
    private final String defaultChannel;

    CodeKind(String name, String touchType, String defaultChannel, RequestReaders readers, IngestConfig config) {
        super(name, CodeRequest.class, readers, config);
        this.touchType = touchType;
        this.defaultChannel = defaultChannel;
    }

    @Override
    public Prepared prepare(CodeRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        String code = violations.required("code", request.code());
        violations.maxLength("code", code, 64);
        violations.maxLength("location", request.location(), 200);
        violations.maxLength("orderId", request.orderId(), 200);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId());
        violations.throwIfAny();
        LocalDate day = time.instant().atZone(ZoneId.of(context.settings().timeZone)).toLocalDate();
        Optional<PromoCode> mapped = context.config().promoCode(code);
        String status = mapped.isEmpty() ? "unknown" : mapped.get().validOn(day) ? "valid" : "not_valid_on_day";
        Touch touch = new Touch(touchType)
                .attribute("code", PromoCodes.normalize(code))
                .attribute("code_status", status)
                .attribute("location", request.location())
                .attribute("order_id", request.orderId());
        if ("valid".equals(status)) {
            PromoCode c = mapped.get();
            touch.utm(c.source(), c.medium(), c.campaign());
            if (c.channel() == null) {
                touch.kindChannel(defaultChannel);
            } else {
                touch.channel(c.channel());
            }
        } else {
            touch.utm(CallKind.UNKNOWN_SOURCE, null, null).kindChannel(defaultChannel);
        }
        return touch.prepare(context, eventId, time, ids);
    }
}
