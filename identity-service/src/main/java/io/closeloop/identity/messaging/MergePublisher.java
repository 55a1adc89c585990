package io.closeloop.identity.messaging;

import io.closeloop.contracts.IdentityMerge;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code identity.merges, keyed by the absorbed person so a merge and its unmerge stay in order}. */
@ApplicationScoped
public class MergePublisher {

    private final Outbox outbox;

    public MergePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(IdentityMerge value) {
        return outbox.publish(Topics.IDENTITY_MERGES, Keys.merge(value.tenant(), value.absorbedPersonId()), value, value.eventId());
    }
}
