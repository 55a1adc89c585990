package io.closeloop.identity.service;

import java.util.List;
import java.util.Map;

/**
 * Scores how likely two records with match features (ingest's encoded sets, see
 * {@code io.closeloop.contracts.MatchFeatureSet}) belong to the same person, as a probability in [0, 1]. Identity links only
 * above the tenant's threshold. A matcher that learns from the tenant's records asks for them.
 */
public interface ProbabilisticMatcher {

    double score(String tenant, Map<String, String> left, Map<String, String> right);

    /** Whether the matcher wants the tenant's stored records to (re)learn from. */
    default boolean wantsRecords(String tenant) {
        return false;
    }

    /** The tenant's stored records, newest first; the matcher learns from them in the background. */
    default void learn(String tenant, List<Map<String, String>> records) {
    }
}
