package io.closeloop.identity.messaging;

import io.closeloop.contracts.ConsentState;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code consent.states, the latest consent per person (compacted)}. */
@ApplicationScoped
public class ConsentStatePublisher {

    private final Outbox outbox;

    public ConsentStatePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(ConsentState value) {
        return outbox.publish(Topics.CONSENT_STATES, Keys.person(value.tenant(), value.personId()), value, UUID.randomUUID());
    }
}
