package io.closeloop.reporting.service;

import io.closeloop.contracts.ErasureRequested;
import io.closeloop.messaging.Eraser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reporting's part of the erasure protocol. Reporting keeps no person-level data: credit intake stores neither
 * the set's person id nor the lines' touch ids, only channel, campaign and amounts per conversion. So there is
 * nothing to delete here; the totals stay, and attribution re-issues the person's sets {@code anonymized}, which
 * replace the stored versions as any higher version does. Reporting confirms with the rows it erased (none) so
 * that identity can complete the request. A person-level table added to reporting later is erased here.
 */
@ApplicationScoped
public class ErasureIntake implements Eraser {

    static final String SERVICE = "reporting";

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Uni<Long> erase(ErasureRequested erasure) {
        return Uni.createFrom().item(0L);
    }
}
