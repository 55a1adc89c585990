package io.closeloop.identity.messaging;

import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code conversions.resolved}, keyed by tenant and person; keeps the raw event's id. */
@ApplicationScoped
public class ConversionResolvedPublisher {

    private final Outbox outbox;

    public ConversionResolvedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(ConversionResolved conversion) {
        return outbox.publish(Topics.CONVERSIONS_RESOLVED, Keys.person(conversion.tenant(), conversion.personId()),
                conversion, conversion.eventId());
    }
}
