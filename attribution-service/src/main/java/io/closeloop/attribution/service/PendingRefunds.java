package io.closeloop.attribution.service;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.domain.ConversionVersions;
import io.closeloop.attribution.domain.PendingRefund;
import io.closeloop.attribution.repository.PendingRefundRepository;
import io.closeloop.contracts.ConversionChange;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refunds that overtake their conversion's first version (they travel under another key): kept until that version
 * comes, then applied to it in order, so that the conversion ends the same whichever record arrived first.
 */
@ApplicationScoped
public class PendingRefunds {

    private static final Logger LOG = Logger.getLogger(PendingRefunds.class);

    private final PendingRefundRepository refunds;

    public PendingRefunds(PendingRefundRepository refunds) {
        this.refunds = refunds;
    }

    public Uni<Void> keep(ConversionState refund) {
        LOG.debugf("refund %s of conversion %s waits for the conversion's first version", refund.eventId,
                refund.conversionId);
        return refunds.persist(PendingRefund.of(refund)).replaceWithVoid();
    }

    /**
     * Applies the waiting refunds to {@code first}, the conversion's first version, in place. A refund that cannot
     * be applied (no value to convert through) stays with its reason instead of failing the version.
     */
    public Uni<Void> applyTo(ConversionState first) {
        return refunds.waiting(first.tenant, first.conversionId).chain(waiting -> {
            if (waiting.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<PendingRefund> applied = waiting.stream().filter(refund -> apply(first, refund)).toList();
            return applied.isEmpty() ? Uni.createFrom().voidItem()
                    : refunds.delete("tenant = ?1 and conversionId = ?2 and eventId in ?3", first.tenant,
                            first.conversionId, applied.stream().map(refund -> refund.eventId).toList())
                            .replaceWithVoid();
        });
    }

    private static boolean apply(ConversionState first, PendingRefund refund) {
        try {
            ConversionVersions.apply(first, refund.toRefund(), ConversionChange.REFUND);
            return true;
        } catch (PoisonMessageException e) {
            LOG.warnf("refund %s of conversion %s not applied: %s", refund.eventId, refund.conversionId,
                    e.getMessage());
            refund.rejectedReason = e.getMessage();
            return false;
        }
    }
}
