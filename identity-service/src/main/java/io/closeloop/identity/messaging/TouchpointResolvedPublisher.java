package io.closeloop.identity.messaging;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchVersions;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code touchpoints.resolved}, keyed by tenant and person; keeps the raw event's id, and for a reclassified
 * touch's new version the version's message id ({@link TouchVersions}), so attribution applies it too.
 */
@ApplicationScoped
public class TouchpointResolvedPublisher {

    private final Outbox outbox;

    public TouchpointResolvedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(TouchpointResolved touch) {
        return outbox.publish(Topics.TOUCHPOINTS_RESOLVED, Keys.person(touch.tenant(), touch.personId()), touch,
                TouchVersions.messageId(touch.eventId(), touch.attributes()));
    }
}
