package io.closeloop.identity.domain;

import io.closeloop.contracts.MatchFeatureSet;
import io.closeloop.identity.matching.Blocking;
import io.closeloop.identity.matching.Encoded;
import io.closeloop.identity.matching.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Match features as the matcher reads them, and their blocking keys: only records that share a key are
 * compared, so a new record is scored against a handful of candidates instead of every person. Identity
 * never normalizes features: ingest owns every rule and sends them encoded.
 */
public final class BlockingKeys {

    /** Key id of schema 2 features (plain HMACs, compared for equality only). */
    static final String PLAIN_HMAC = "hmac";
    private static final Blocking BLOCKING = Blocking.defaults();

    private BlockingKeys() {
    }

    public static List<String> of(Map<String, String> features) {
        TreeSet<String> keys = new TreeSet<>();
        for (MatchRecord record : records("", features)) {
            keys.addAll(List.of(BLOCKING.keys(record)));
        }
        return List.copyOf(keys);
    }

    /**
     * One record per tenant key the features were encoded under, in key-id order. A schema 2 map
     * gives one record whose HMACs compare only for equality and block on themselves.
     */
    public static List<MatchRecord> records(String id, Map<String, String> features) {
        if (features == null || features.isEmpty()) {
            return List.of();
        }
        List<MatchFeatureSet> sets = MatchFeatureSet.fromMap(features);
        List<MatchRecord> records = new ArrayList<>();
        for (MatchFeatureSet s : sets) {
            records.add(new MatchRecord(id, s.keyId(), Encoded.bloom(s.firstNameBloom()),
                    Encoded.bloom(s.lastNameBloom()), Encoded.bloom(s.postcodeBloom()), s.companyDomainKey(),
                    s.firstNamePhonetic(), s.lastNamePhonetic(), s.firstNamePrefix(), s.lastNamePrefix(),
                    s.postcodeKey(), s.firstNameSuffix(), s.lastNameSuffix()));
        }
        if (records.isEmpty()) {
            String first = features.get("first_name");
            String last = features.get("last_name");
            String postcode = features.get("postcode");
            records.add(new MatchRecord(id, PLAIN_HMAC, Encoded.exactOnly(first), Encoded.exactOnly(last),
                    Encoded.exactOnly(postcode), features.get("company_domain"), first, last, null, null, postcode));
        }
        return records;
    }
}
