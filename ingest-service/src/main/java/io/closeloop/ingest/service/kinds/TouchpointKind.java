package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.service.config.ConfigFields;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.LandingPageParameters;
import io.closeloop.ingest.domain.TouchClassifier;
import io.closeloop.ingest.domain.UtmExtractor;
import io.closeloop.ingest.domain.UtmNormalizer;
import io.closeloop.ingest.domain.UtmParameters;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.TouchpointRequest;
import io.closeloop.ingest.service.request.UtmFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Marketing touches on {@code touchpoints.raw}: UTM fields and click ids, from the landing page when not sent;
 * without UTM fields, source and medium as GA4 derives them from click ids and the referrer ({@link TouchClassifier}).
 */
@ApplicationScoped
public class TouchpointKind implements EventKind<TouchpointRequest> {

    static final Set<String> TOUCH_TYPES = Set.of("ad_click", "page_view", "form", "call", "email_click",
            "sms_click", "qr_scan", "promo", "badge_scan");
    public static final Set<String> CLICK_IDS = Set.copyOf(UtmExtractor.CLICK_IDS);
    /** Longer URLs are refused; the landing page is only parsed within this bound. */
    static final int MAX_URL_LENGTH = 2048;

    private final IngestConfig config;
    private final RequestReaders readers;

    public TouchpointKind(IngestConfig config, RequestReaders readers) {
        this.config = config;
        this.readers = readers;
    }

    @Override
    public String name() {
        return "touchpoints";
    }

    @Override
    public Class<TouchpointRequest> requestType() {
        return TouchpointRequest.class;
    }

    @Override
    public UUID requestedEventId(TouchpointRequest request) {
        return request.eventId();
    }

    @Override
    public TouchpointRequest fromCsv(Map<String, String> row) {
        return readers.fromCsv(row, TouchpointRequest.class);
    }

    @Override
    public Prepared prepare(TouchpointRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        String type = violations.required("type", request.type());
        if (type != null && !TOUCH_TYPES.contains(type)) {
            violations.add("type", "must be one of " + TOUCH_TYPES);
        }
        EventTime time = EventFields.time(violations, request.occurredAt(), request.timeZone(), context,
                config.futureTolerance());
        Map<String, String> given = request.clickIds() == null ? Map.of() : request.clickIds();
        given.keySet().stream().filter(name -> !CLICK_IDS.contains(name))
                .forEach(name -> violations.add("clickIds." + name, "unknown click id; known: " + CLICK_IDS));
        // The landing page fills what was not sent separately; values sent separately win.
        boolean readable = request.landingPage() != null && request.landingPage().length() <= MAX_URL_LENGTH;
        LandingPageParameters landing = readable
                ? UtmExtractor.extract(request.landingPage()) : LandingPageParameters.EMPTY;
        Map<String, String> clickIds = new LinkedHashMap<>();
        landing.clickIds().forEach((name, value) -> {
            if (value.length() <= 200) {
                clickIds.put(name, value);
            }
        });
        clickIds.putAll(given);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId())
                .clickIds(clickIds);
        violations.maxLength("landingPage", request.landingPage(), MAX_URL_LENGTH);
        violations.maxLength("referrer", request.referrer(), MAX_URL_LENGTH);
        EventFields.utmLengths(violations, request.utm());
        String requested = ConfigFields.channel(violations, "channel", request.channel());
        violations.throwIfAny();
        Utm utm = utm(request.utm(), landing.utm());
        TouchClassifier.Result classified = TouchClassifier.classify(new TouchClassifier.Facts(type, utm,
                clickIds.keySet(), request.referrer(), request.landingPage(), true, requested,
                ChannelGrouping.ORIGIN_REQUEST, null), context.config().channelRules());
        String tenant = context.tenant();
        TouchpointRaw touch = new TouchpointRaw(tenant, eventId, type, time.instant(), time.sourceZone(),
                context.clock().instant(), classified.channel(), classified.utm(), clickIds, request.landingPage(),
                request.referrer(), ids.identifiers(), ids.exportHashes(), Map.copyOf(classified.attributes()), null);
        return new Prepared(eventId, "touchpoint", touch.occurredAt(), Topics.TOUCHPOINTS_RAW,
                Keys.raw(tenant, touch.identifiers(), eventId), touch).withWarnings(ids.warnings());
    }

    private static Utm utm(UtmFields fields, UtmParameters fromLandingPage) {
        UtmParameters given = fields == null ? UtmParameters.NONE : UtmNormalizer.normalize(fields.source(),
                fields.medium(), fields.campaign(), fields.term(), fields.content());
        UtmParameters utm = given.orElse(fromLandingPage);
        return new Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
    }
}
