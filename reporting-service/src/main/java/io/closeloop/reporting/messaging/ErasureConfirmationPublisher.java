package io.closeloop.reporting.messaging;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Reporting's {@code erasure.confirmed}, through the outbox so it commits with the erasure it confirms. */
@ApplicationScoped
public class ErasureConfirmationPublisher {

    private final Outbox outbox;

    public ErasureConfirmationPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event id derives from the request, so reporting confirms a request under one id only. */
    public Uni<Void> publish(ErasureConfirmed confirmation) {
        UUID eventId = UUID.nameUUIDFromBytes((confirmation.tenant() + ":" + confirmation.requestId()
                + ":erasure.confirmed:" + confirmation.service()).getBytes(StandardCharsets.UTF_8));
        return outbox.publish(Topics.ERASURE_CONFIRMED,
                Keys.request(confirmation.tenant(), confirmation.requestId()), confirmation, eventId);
    }
}
