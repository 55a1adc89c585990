package io.closeloop.identity.messaging;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code touchpoints.resolved}, keyed by tenant and person; keeps the raw event's id. */
@ApplicationScoped
public class TouchpointResolvedPublisher {

    private final Outbox outbox;

    public TouchpointResolvedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(TouchpointResolved touch) {
        return outbox.publish(Topics.TOUCHPOINTS_RESOLVED, Keys.person(touch.tenant(), touch.personId()), touch,
                touch.eventId());
    }
}
