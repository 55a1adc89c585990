package io.closeloop.identity.messaging;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.ErasureParticipation;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code erasure.requested} and identity's own {@code erasure.confirmed}, keyed by tenant and request. Event
 * ids derive from the request id, so the same request never announces itself under two ids; identity confirms
 * the way every service does, through the shared erasure participation.
 */
@ApplicationScoped
public class ErasurePublisher {

    private final Outbox outbox;
    private final ErasureParticipation participation;

    public ErasurePublisher(Outbox outbox, ErasureParticipation participation) {
        this.outbox = outbox;
        this.participation = participation;
    }

    public Uni<Void> requested(ErasureRequested erasure) {
        return outbox.publish(Topics.ERASURE_REQUESTED, Keys.request(erasure.tenant(), erasure.requestId()), erasure,
                eventId(erasure.tenant(), erasure.requestId(), "requested"));
    }

    public Uni<Void> confirmed(ErasureConfirmed confirmation) {
        return participation.confirm(confirmation);
    }

    static UUID eventId(String tenant, UUID requestId, String what) {
        return UUID.nameUUIDFromBytes((tenant + ":" + requestId + ":erasure." + what).getBytes(StandardCharsets.UTF_8));
    }
}
