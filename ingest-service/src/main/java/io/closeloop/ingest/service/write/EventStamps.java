package io.closeloop.ingest.service.write;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.ingest.service.kinds.Prepared;
import java.util.LinkedHashMap;
import java.util.Map;

/** What ingest itself adds to the events it publishes; a client can never set these. */
final class EventStamps {

    /**
     * The OIDC client (the token's {@code azp}, else {@code client_id}) that sent the event: identity decides per
     * source whether an event rests on the server-side consent basis.
     */
    static final String SOURCE_CLIENT = "source_client";
    /** The same as a record header, on every record (consents and assignments carry no attributes). */
    static final String SOURCE_CLIENT_HEADER = "source-client";

    private EventStamps() {
    }

    /** Stamps {@code client} on a touch or conversion, replacing any value the event carried; null removes it. */
    static Prepared sourceClient(Prepared prepared, String client) {
        TenantScoped value = prepared.value();
        if (value instanceof TouchpointRaw t) {
            return prepared.withValue(new TouchpointRaw(t.tenant(), t.eventId(), t.touchType(), t.occurredAt(),
                    t.sourceZone(), t.receivedAt(), t.channel(), t.utm(), t.clickIds(), t.landingPage(), t.referrer(),
                    t.identifiers(), t.exportHashes(), attributes(t.attributes(), client), t.matchFeatures()));
        }
        if (value instanceof ConversionRaw c) {
            return prepared.withValue(new ConversionRaw(c.tenant(), c.eventId(), c.conversionId(),
                    c.conversionType(), c.status(), c.occurredAt(), c.sourceZone(), c.receivedAt(), c.value(),
                    c.sourceSystem(), c.identifiers(), c.exportHashes(), c.baseValue(), c.accountIdentifiers(),
                    attributes(c.attributes(), client), c.matchFeatures(), c.change(), c.sourceUpdatedAt(),
                    c.ingestSequence()));
        }
        return prepared;
    }

    /** Whether the event is a conversion, which publishes the sequence it was stored with. */
    static boolean sequenced(Prepared prepared) {
        return prepared.value() instanceof ConversionRaw;
    }

    /** The conversion with the ingest sequence it is stored with. */
    static Prepared withSequence(Prepared prepared, long sequence) {
        ConversionRaw c = (ConversionRaw) prepared.value();
        return prepared.withValue(new ConversionRaw(c.tenant(), c.eventId(), c.conversionId(), c.conversionType(),
                c.status(), c.occurredAt(), c.sourceZone(), c.receivedAt(), c.value(), c.sourceSystem(),
                c.identifiers(), c.exportHashes(), c.baseValue(), c.accountIdentifiers(), c.attributes(),
                c.matchFeatures(), c.change(), c.sourceUpdatedAt(), sequence));
    }

    private static Map<String, String> attributes(Map<String, String> given, String client) {
        if (client == null && (given == null || !given.containsKey(SOURCE_CLIENT))) {
            return given;
        }
        Map<String, String> stamped = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
        stamped.remove(SOURCE_CLIENT);
        if (client != null) {
            stamped.put(SOURCE_CLIENT, client);
        }
        return Map.copyOf(stamped);
    }
}
