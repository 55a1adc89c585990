package io.closeloop.identity.service;

import java.util.Map;

/**
 * Scores how likely two records with match features (first_name, last_name, company_domain, postcode,
 * ip_prefix, user_agent_hash) belong to the same person, as a probability in [0, 1]. The Fellegi–Sunter
 * matcher implements it; identity links only above the tenant's threshold.
 */
public interface ProbabilisticMatcher {

    double score(Map<String, String> left, Map<String, String> right);
}
