package io.closeloop.attribution.repository;

import io.closeloop.attribution.domain.ModelFitState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ModelFitRepository implements PanacheRepositoryBase<ModelFitState, ModelFitState.Key> {

    /** The tenant's newest fit of the model, or null. */
    public Uni<ModelFitState> latest(String tenant, String modelId) {
        return find("tenant = ?1 and modelId = ?2 order by version desc", tenant, modelId).firstResult();
    }

    public Uni<ModelFitState> version(String tenant, String modelId, long version) {
        return find("tenant = ?1 and modelId = ?2 and version = ?3", tenant, modelId, version).firstResult();
    }
}
