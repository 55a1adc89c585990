package io.closeloop.ingest.messaging;

import io.closeloop.contracts.Keys;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code tenants}, compacted: the latest settings per tenant. */
@ApplicationScoped
public class TenantSettingsPublisher {

    private final Outbox outbox;

    public TenantSettingsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(TenantSettings settings) {
        return outbox.publish(Topics.TENANTS, Keys.tenant(settings.tenant()), settings, UUID.randomUUID());
    }
}
