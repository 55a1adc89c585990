package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.CreditSetState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CreditSetRepository implements PanacheRepositoryBase<CreditSetState, CreditSetState.Key> {

    public Uni<CreditSetState> find(String tenant, String conversionId, String modelId) {
        return find("tenant = ?1 and conversionId = ?2 and modelId = ?3", tenant, conversionId, modelId)
                .firstResult();
    }
}
