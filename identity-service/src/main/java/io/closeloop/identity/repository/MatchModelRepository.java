package io.closeloop.identity.repository;

import io.closeloop.identity.domain.MatchModelState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The tenants' stored match models, by version. */
@ApplicationScoped
public class MatchModelRepository implements PanacheRepositoryBase<MatchModelState, MatchModelState.Key> {

    /** The tenant's newest version, or 0 without a stored model: one index lookup, cheap enough per event. */
    public Uni<Long> newestVersion(String tenant) {
        return Sql.column("select coalesce(max(version), 0) from match_model where tenant = ?1", Long.class, tenant)
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? 0L : rows.get(0));
    }

    public Uni<MatchModelState> version(String tenant, long version) {
        return findById(new MatchModelState.Key(tenant, version));
    }

    /** The tenant's newest stored model, or null. */
    public Uni<MatchModelState> latest(String tenant) {
        return find("tenant = ?1 order by version desc", tenant).firstResult();
    }

    /** Stores the fit as the tenant's next version; a concurrent fit storing the same version fails the insert. */
    public Uni<MatchModelState> add(MatchModelState fit) {
        return newestVersion(fit.tenant).chain(newest -> {
            fit.version = newest + 1;
            return persist(fit);
        });
    }

    /** Tenants with stored match features, the ones a scheduled fit visits. */
    public Uni<List<String>> tenantsWithFeatures() {
        return Sql.column("select distinct tenant from match_feature order by tenant", String.class);
    }
}
