package io.closeloop.attribution.messaging;

import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code credits}, keyed by tenant and conversion so that the versions of one set stay in order. */
@ApplicationScoped
public class CreditPublisher {

    private final Outbox outbox;

    public CreditPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(CreditSet set) {
        return outbox.publish(Topics.CREDITS, Keys.conversion(set.tenant(), set.conversionId()), set,
                UUID.randomUUID());
    }
}
