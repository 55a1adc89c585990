package io.closeloop.identity.service;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * Scores how likely two records with match features (ingest's encoded sets, see
 * {@code io.closeloop.contracts.MatchFeatureSet}) belong to the same person, as a probability in [0, 1]. Identity
 * links only above the tenant's threshold.
 */
public interface ProbabilisticMatcher {

    /** The tenant's scorer, read in the caller's session; it never reads training records. */
    Uni<Scorer> scorer(String tenant);

    @FunctionalInterface
    interface Scorer {
        double score(Map<String, String> left, Map<String, String> right);
    }
}
