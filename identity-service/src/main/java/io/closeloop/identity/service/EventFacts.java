package io.closeloop.identity.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ExperimentAssignment;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Trust;
import io.closeloop.identity.domain.ConsentRules;
import io.closeloop.identity.domain.IdentifierStrength;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What stitching needs of any raw event, whatever its kind. Identifiers arrive normalized: a caller number is a
 * phone (same match key), so older raw records with kind {@code caller} join the person holding the phone.
 *
 * @param kind touch, conversion or experiment
 * @param channel the touch's channel, {@code conversion} or {@code experiment}: the bucket of anonymous counts
 * @param sourceSystem the integration a conversion names ({@code sourceSystem}); touches carry it as attribute
 */
public record EventFacts(String tenant, UUID eventId, String kind, Instant occurredAt, String channel,
                         List<IdentifierRef> identifiers, Map<String, String> attributes,
                         Map<String, String> matchFeatures, String conversionId, String conversionType,
                         String sourceSystem) {

    public static final String TOUCH = "touch";
    public static final String CONVERSION = "conversion";
    public static final String EXPERIMENT = "experiment";
    /** The OIDC client ({@code azp}) that sent the event, stamped by ingest. */
    public static final String SOURCE_CLIENT = "source_client";
    /** The integration that sent the event, when its source names one. */
    public static final String SOURCE_SYSTEM = "source_system";

    public EventFacts {
        identifiers = normalize(identifiers);
        attributes = attributes == null ? Map.of() : attributes;
        matchFeatures = matchFeatures == null ? Map.of() : matchFeatures;
    }

    static EventFacts of(TouchpointRaw t) {
        return new EventFacts(t.tenant(), t.eventId(), TOUCH, t.occurredAt(), t.channel(), t.identifiers(),
                t.attributes(), t.matchFeatures(), null, null, null);
    }

    static EventFacts of(ConversionRaw c) {
        return new EventFacts(c.tenant(), c.eventId(), CONVERSION, c.occurredAt(), CONVERSION, c.identifiers(),
                c.attributes(), c.matchFeatures(), c.conversionId(), c.conversionType(), c.sourceSystem());
    }

    static EventFacts of(ExperimentAssignment e) {
        return new EventFacts(e.tenant(), e.eventId(), EXPERIMENT, e.assignedAt(), EXPERIMENT, e.identifiers(), null,
                null, null, null, null);
    }

    /** Caller numbers become phones; the same identifier twice counts once, with the stronger trust. */
    static List<IdentifierRef> normalize(List<IdentifierRef> identifiers) {
        if (identifiers == null) {
            return List.of();
        }
        Map<String, IdentifierRef> unique = new LinkedHashMap<>();
        for (IdentifierRef id : identifiers) {
            if (id == null || id.kind() == null || id.value() == null) {
                continue;
            }
            IdentifierRef normalized = id.kind() == IdentifierKind.CALLER
                    ? new IdentifierRef(IdentifierKind.PHONE, id.value(), id.trust()) : id;
            unique.merge(normalized.kind().code() + ":" + normalized.value(), normalized,
                    (a, b) -> a.trust() == Trust.VERIFIED ? a : b);
        }
        return List.copyOf(new ArrayList<>(unique.values()));
    }

    /**
     * Whether the event rests on the server-side consent basis: its source (the OIDC client ingest stamped, or
     * the integration it names) is one of the tenant's server-side sources.
     */
    boolean serverSide(ConsentRules rules) {
        boolean authenticated = attributes.containsKey(SOURCE_CLIENT) || identifiers.isEmpty()
                || identifiers.stream().anyMatch(i -> i.trust() == Trust.VERIFIED);
        String system = sourceSystem != null ? sourceSystem : attributes.get(SOURCE_SYSTEM);
        return rules.serverSideSource(attributes.get(SOURCE_CLIENT), system, authenticated);
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

    public boolean isConversion() {
        return CONVERSION.equals(kind);
    }

    /** A touch whose identifiers are all weak (device, click id, badge ...): an anonymous journey's step. */
    boolean anonymousTouch() {
        return TOUCH.equals(kind) && !identifiers.isEmpty() && !IdentifierStrength.anyStrong(identifiers);
    }

    boolean hasStrong() {
        return IdentifierStrength.anyStrong(identifiers);
    }

    List<IdentifierRef> weakIdentifiers() {
        return identifiers.stream().filter(i -> !IdentifierStrength.strong(i.kind())).toList();
    }
}
