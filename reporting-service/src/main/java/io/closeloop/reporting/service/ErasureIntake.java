package io.closeloop.reporting.service;

import io.closeloop.contracts.ErasureRequested;
import io.closeloop.messaging.Eraser;
import io.smallrye.mutiny.Uni;
import io.closeloop.reporting.repository.TouchCountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Reporting's part of the erasure protocol. Reporting keeps no person or touch id: credit intake stores neither
 * the set's person id nor the lines' touch ids, only channel, campaign and amounts per conversion; touch counts keep
 * one-way keys. What did point to a person's touches — the processed-message rows of their first versions, whose
 * message id is the touch id — is deleted here, and the link from the counts to the person is forgotten; the counts
 * and totals stay, and attribution re-issues the person's sets {@code anonymized}, which replace the stored
 * versions as any higher version does. Reporting confirms with the rows it erased so that identity can complete the
 * request.
 */
@ApplicationScoped
public class ErasureIntake implements Eraser {

    static final String SERVICE = "reporting";
    /** The consumer name reporting's inbound adapters record processed messages under. */
    static final String CONSUMER = "reporting";

    private final TouchCountRepository touches;

    public ErasureIntake(TouchCountRepository touches) {
        this.touches = touches;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Uni<Long> erase(ErasureRequested erasure) {
        Uni<Long> erased = Uni.createFrom().item(0L);
        if (erasure.personIds() == null) {
            return erased;
        }
        for (UUID person : erasure.personIds()) {
            erased = erased.chain(total -> touches.erase(erasure.tenant(),
                    TouchIntake.personKey(erasure.tenant(), person), CONSUMER).map(rows -> total + rows));
        }
        return erased;
    }
}
