package io.closeloop.identity.service;

import io.closeloop.identity.domain.BlockingKeys;
import io.closeloop.identity.matching.MatchModel;
import io.closeloop.identity.matching.MatchRecord;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The Fellegi–Sunter matcher with the tenant's current stored model ({@link MatchModels}): every replica scores
 * with the same weights, and the default model until the tenant's first fit.
 */
@DefaultBean
@ApplicationScoped
public class FellegiSunterMatcher implements ProbabilisticMatcher {

    private final MatchModels models;

    public FellegiSunterMatcher(MatchModels models) {
        this.models = models;
    }

    @Override
    public Uni<Scorer> scorer(String tenant) {
        return models.current(tenant).map(model -> (left, right) -> score(model, left, right));
    }

    /** Like with like: during a key rotation only features encoded under the same key are compared. */
    public static double score(MatchModel model, Map<String, String> left, Map<String, String> right) {
        double best = 0;
        for (MatchRecord a : BlockingKeys.records("left", left)) {
            for (MatchRecord b : BlockingKeys.records("right", right)) {
                if (a.keyId().equals(b.keyId())) {
                    best = Math.max(best, model.score(a, b).probability());
                }
            }
        }
        return best;
    }
}
