package io.closeloop.identity.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ExperimentAssignment;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Trust;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What stitching needs of any raw event, whatever its kind.
 *
 * @param kind touch, conversion or experiment
 * @param channel the touch's channel, {@code conversion} or {@code experiment}: the bucket of anonymous counts
 */
public record EventFacts(String tenant, UUID eventId, String kind, Instant occurredAt, String channel,
                         List<IdentifierRef> identifiers, Map<String, String> attributes,
                         Map<String, String> matchFeatures, String conversionId, String conversionType) {

    public static final String TOUCH = "touch";
    public static final String CONVERSION = "conversion";
    public static final String EXPERIMENT = "experiment";

    public EventFacts {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        attributes = attributes == null ? Map.of() : attributes;
        matchFeatures = matchFeatures == null ? Map.of() : matchFeatures;
    }

    static EventFacts of(TouchpointRaw t) {
        return new EventFacts(t.tenant(), t.eventId(), TOUCH, t.occurredAt(), t.channel(), t.identifiers(),
                t.attributes(), t.matchFeatures(), null, null);
    }

    static EventFacts of(ConversionRaw c) {
        return new EventFacts(c.tenant(), c.eventId(), CONVERSION, c.occurredAt(), CONVERSION, c.identifiers(),
                c.attributes(), c.matchFeatures(), c.conversionId(), c.conversionType());
    }

    static EventFacts of(ExperimentAssignment e) {
        return new EventFacts(e.tenant(), e.eventId(), EXPERIMENT, e.assignedAt(), EXPERIMENT, e.identifiers(), null,
                null, null, null);
    }

    /**
     * Whether the event rests on the server-side consent basis: it came from an authenticated source, which
     * is what verified identifiers (or an event without any identifier, only possible through the API) show.
     * Web-tag events carry asserted identifiers only and take the defaults of their region.
     */
    boolean serverSide() {
        return identifiers.isEmpty() || identifiers.stream().anyMatch(i -> i.trust() == Trust.VERIFIED);
    }

    /** The region of the event, when its source reported one (attribute {@code region}). */
    String region() {
        String region = attributes.get("region");
        return region == null || region.isBlank() ? null : region;
    }

    /** The channel of a touch; null for conversions and experiments, whose channel is only a counting bucket. */
    public String touchChannel() {
        return TOUCH.equals(kind) ? channel : null;
    }
}
