package io.closeloop.reporting.service;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.messaging.PoisonMessageException;
import io.closeloop.reporting.messaging.ErasureConfirmationPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Reporting's part of the erasure protocol. Reporting keeps no person-level data: credit intake stores neither
 * the set's person id nor the lines' touch ids, only channel, campaign and amounts per conversion. So there is
 * nothing to delete here; the totals stay, and attribution re-issues the person's sets {@code anonymized}, which
 * replace the stored versions as any higher version does. Reporting confirms with the rows it erased (none) so
 * that identity can complete the request. A person-level table added to reporting later is erased here.
 */
@ApplicationScoped
public class ErasureIntake {

    static final String SERVICE = "reporting";

    private final ErasureConfirmationPublisher confirmations;

    public ErasureIntake(ErasureConfirmationPublisher confirmations) {
        this.confirmations = confirmations;
    }

    public Uni<Void> apply(ErasureRequested erasure) {
        if (erasure.requestId() == null) {
            throw new PoisonMessageException("erasure request has no requestId");
        }
        long erasedRows = 0;
        return confirmations.publish(new ErasureConfirmed(erasure.tenant(), erasure.requestId(), SERVICE,
                Instant.now(), erasedRows));
    }
}
