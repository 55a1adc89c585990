package io.closeloop.identity.messaging;

import io.closeloop.contracts.ExperimentAssignmentResolved;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code experiments.resolved, keyed by tenant and person; keeps the raw event's id}. */
@ApplicationScoped
public class ExperimentResolvedPublisher {

    private final Outbox outbox;

    public ExperimentResolvedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(ExperimentAssignmentResolved value) {
        return outbox.publish(Topics.EXPERIMENTS_RESOLVED, Keys.person(value.tenant(), value.personId()), value, value.eventId());
    }
}
