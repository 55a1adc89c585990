package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.TouchClassifier;
import io.closeloop.ingest.service.config.TenantContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the {@code touchpoints.raw} record of an offline or message touch. */
final class Touch {

    private final String type;
    private Utm utm = new Utm(null, null, null, null, null);
    private String channel;
    private String kindChannel;
    private boolean visit;
    private Map<String, String> clickIds = Map.of();
    private String landingPage;
    private String referrer;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private Map<String, String> matchFeatures = Map.of();

    Touch(String type) {
        this.type = type;
    }

    Touch utm(Utm value) {
        this.utm = value;
        return this;
    }

    Touch utm(String source, String medium, String campaign) {
        return utm(new Utm(source, medium, campaign, null, null));
    }

    /** The channel a tracking number's or promo code's mapping names: rules and reclassification keep it. */
    Touch channel(String value) {
        this.channel = value;
        return this;
    }

    /** The kind's own channel (badge scans: events): used unless a tenant rule renames it. */
    Touch kindChannel(String value) {
        this.kindChannel = value;
        return this;
    }

    /** A visit to the tenant's site: without UTM fields, source and medium come from click ids and referrer. */
    Touch visit() {
        this.visit = true;
        return this;
    }

    Touch web(Map<String, String> ids, String page, String from) {
        this.clickIds = ids;
        this.landingPage = page;
        this.referrer = from;
        return this;
    }

    /** A detail of the touch; absent (null) values are left out. */
    Touch attribute(String key, Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
        return this;
    }

    Touch matchFeatures(Map<String, String> features) {
        this.matchFeatures = features;
        return this;
    }

    Prepared prepare(TenantContext context, UUID eventId, EventTime time, IdentifierSet ids) {
        TouchClassifier.Result classified = TouchClassifier.classify(new TouchClassifier.Facts(type, utm,
                clickIds.keySet(), referrer, landingPage, visit, channel,
                channel == null ? null : ChannelGrouping.ORIGIN_MAPPING, kindChannel), context.config().channelRules());
        attributes.putAll(classified.attributes());
        TouchpointRaw touch = new TouchpointRaw(context.tenant(), eventId, type, time.instant(), time.sourceZone(),
                context.clock().instant(), classified.channel(), classified.utm(), clickIds, landingPage, referrer,
                ids.identifiers(),
                ids.exportHashes(), Map.copyOf(attributes), matchFeatures);
        return new Prepared(eventId, "touchpoint", touch.occurredAt(), Topics.TOUCHPOINTS_RAW,
                Keys.raw(context.tenant(), touch.identifiers(), eventId), touch).withWarnings(ids.warnings());
    }
}
