package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.PendingRefund;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PendingRefundRepository implements PanacheRepositoryBase<PendingRefund, PendingRefund.Key> {

    /** The refunds of the conversion still waiting for its first version, oldest first. */
    public Uni<List<PendingRefund>> waiting(String tenant, String conversionId) {
        return list("tenant = ?1 and conversionId = ?2 and rejectedReason is null order by versionAt, eventId",
                tenant, conversionId);
    }
}
