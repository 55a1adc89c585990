package io.closeloop.ingest.messaging;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code conversions.raw}, keyed by tenant and strongest identifier. */
@ApplicationScoped
public class ConversionRawPublisher {

    private final Outbox outbox;

    public ConversionRawPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(ConversionRaw conversion) {
        String key = Keys.raw(conversion.tenant(), conversion.identifiers(), conversion.eventId());
        return outbox.publish(Topics.CONVERSIONS_RAW, key, conversion, conversion.eventId());
    }
}
