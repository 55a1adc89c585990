package io.closeloop.identity.domain;

import io.closeloop.identity.matching.Blocking;
import io.closeloop.identity.matching.MatchFeatureNormalizer;
import io.closeloop.identity.matching.MatchRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Match features as the matcher reads them, and their blocking keys: only records that share a key are
 * compared, so a new record is scored against a handful of candidates instead of every person.
 */
public final class BlockingKeys {

    private static final Blocking BLOCKING = Blocking.defaults();

    private BlockingKeys() {
    }

    public static List<String> of(Map<String, String> features) {
        return features == null || features.isEmpty() ? List.of() : List.of(BLOCKING.keys(record("", features, null)));
    }

    /** A record of the features ingest sent (first_name, last_name, company_domain, postcode, ip_prefix, ...). */
    public static MatchRecord record(String id, Map<String, String> features, Instant occurredAt) {
        return MatchFeatureNormalizer.normalize(id, features.get("first_name"), features.get("last_name"),
                features.get("company_domain"), features.get("postcode"), features.get("ip_prefix"),
                features.get("user_agent_hash"), occurredAt);
    }
}
