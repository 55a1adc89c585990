package io.closeloop.ingest.messaging;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code touchpoints.raw}, keyed by tenant and strongest identifier. */
@ApplicationScoped
public class TouchpointRawPublisher {

    private final Outbox outbox;

    public TouchpointRawPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(TouchpointRaw touch) {
        String key = Keys.raw(touch.tenant(), touch.identifiers(), touch.eventId());
        return outbox.publish(Topics.TOUCHPOINTS_RAW, key, touch, touch.eventId());
    }
}
