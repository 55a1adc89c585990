package io.closeloop.identity.messaging;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code erasure.requested} and identity's own {@code erasure.confirmed}, keyed by tenant and request. Event
 * ids derive from the request id, so the same request never announces itself under two ids.
 */
@ApplicationScoped
public class ErasurePublisher {

    private final Outbox outbox;

    public ErasurePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> requested(ErasureRequested erasure) {
        return outbox.publish(Topics.ERASURE_REQUESTED, Keys.request(erasure.tenant(), erasure.requestId()), erasure,
                eventId(erasure.tenant(), erasure.requestId(), "requested"));
    }

    public Uni<Void> confirmed(ErasureConfirmed confirmation) {
        return outbox.publish(Topics.ERASURE_CONFIRMED,
                Keys.request(confirmation.tenant(), confirmation.requestId()), confirmation,
                eventId(confirmation.tenant(), confirmation.requestId(), "confirmed:" + confirmation.service()));
    }

    static UUID eventId(String tenant, UUID requestId, String what) {
        return UUID.nameUUIDFromBytes((tenant + ":" + requestId + ":erasure." + what).getBytes(StandardCharsets.UTF_8));
    }
}
