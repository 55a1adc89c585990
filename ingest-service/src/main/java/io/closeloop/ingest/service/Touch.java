package io.closeloop.ingest.service;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.EventTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the {@code touchpoints.raw} record of an offline or message touch. */
final class Touch {

    private final String type;
    private Utm utm = new Utm(null, null, null, null, null);
    private String channel;
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

    /** An explicit channel; without one the channel comes from the UTM fields (tenant rules first). */
    Touch channel(String value) {
        this.channel = value;
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
        String group = channel != null ? channel : ChannelGrouping.channelOf(utm.source(), utm.medium(),
                utm.campaign(), context.config().channelRules());
        TouchpointRaw touch = new TouchpointRaw(context.tenant(), eventId, type, time.instant(), time.sourceZone(),
                context.clock().instant(), group, utm, clickIds, landingPage, referrer, ids.identifiers(),
                ids.exportHashes(), Map.copyOf(attributes), matchFeatures);
        return new Prepared(eventId, "touchpoint", touch.occurredAt(), Topics.TOUCHPOINTS_RAW,
                Keys.raw(context.tenant(), touch.identifiers(), eventId), touch).withWarnings(ids.warnings());
    }
}
