package io.closeloop.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Privacy-preserving match features of one event under one tenant key (schema 3 of the match features).
 * Names and postcode are keyed Bloom filters of their padded bigrams (base64, {@link #BLOOM_BITS} bits), so
 * identity measures similarity (Dice) without clear values; phonetic codes, postcode and company domain are
 * keyed HMACs (hex), compared only for equality. Any field may be {@code null} (missing).
 *
 * <p>It travels inside the existing {@code matchFeatures} map of {@link TouchpointRaw} and
 * {@link ConversionRaw} under keys {@code <field>@<keyId>} plus {@code match_features_version}, so the change
 * is additive: schema 2 maps (plain HMACs under {@code first_name}, ...) are still read by identity. During a
 * key rotation the map holds one set per key id, and identity compares only sets of the same key id.
 *
 * @param keyId                 which tenant key produced the set (not secret: a fingerprint of the key)
 * @param firstNameBloom        Bloom filter of the first name's bigrams
 * @param lastNameBloom         Bloom filter of the last name's bigrams
 * @param postcodeBloom         Bloom filter of the postcode's bigrams
 * @param firstNamePhonetic     keyed Double Metaphone code of the first name (blocking)
 * @param lastNamePhonetic      keyed Double Metaphone code of the last name (blocking); both names share
 *                              the key of phonetic codes and of prefixes, so swapped names still meet
 * @param firstNamePrefix       keyed first three letters of the first name (blocking)
 * @param lastNamePrefix        keyed first three letters of the last name (blocking)
 * @param postcodeKey           keyed HMAC of the normalized postcode (blocking)
 * @param companyDomainKey      keyed HMAC of the registrable company domain (free-mail excluded)
 * @param firstNameSuffix       keyed last three letters of the first name (blocking; added within schema 3,
 *                              {@code null} in sets sent before it, and ignored by readers that predate it)
 * @param lastNameSuffix        keyed last three letters of the last name (blocking; as above)
 */
public record MatchFeatureSet(String keyId, String firstNameBloom, String lastNameBloom, String postcodeBloom,
                              String firstNamePhonetic, String lastNamePhonetic, String firstNamePrefix,
                              String lastNamePrefix, String postcodeKey, String companyDomainKey,
                              String firstNameSuffix, String lastNameSuffix) {

    /**
     * Fields added later (the name suffixes) stay within version 3: readers of version 3 skip fields they do not
     * know, whereas a new version number would make every identity instance not yet updated drop the sets.
     */
    public static final int VERSION = 3;
    public static final int BLOOM_BITS = 1024;
    public static final String VERSION_KEY = "match_features_version";

    private static final List<String> FIELDS = List.of("first_name_bf", "last_name_bf", "postcode_bf", "first_name_dm",
            "last_name_dm", "first_name_px", "last_name_px", "postcode_key", "company_domain_key", "first_name_sx",
            "last_name_sx");

    public MatchFeatureSet {
        if (keyId == null || keyId.isBlank() || keyId.contains("@")) {
            throw new IllegalArgumentException("a match feature set names its key id");
        }
    }

    /** A set without the name suffixes, as sent before they were added. */
    public MatchFeatureSet(String keyId, String firstNameBloom, String lastNameBloom, String postcodeBloom,
                           String firstNamePhonetic, String lastNamePhonetic, String firstNamePrefix,
                           String lastNamePrefix, String postcodeKey, String companyDomainKey) {
        this(keyId, firstNameBloom, lastNameBloom, postcodeBloom, firstNamePhonetic, lastNamePhonetic,
                firstNamePrefix, lastNamePrefix, postcodeKey, companyDomainKey, null, null);
    }

    /** Whether the set carries anything to compare. */
    public boolean isEmpty() {
        return values().stream().allMatch(v -> v == null);
    }

    /** The sets as entries of the match-features map. */
    public static Map<String, String> toMap(List<MatchFeatureSet> sets) {
        Map<String, String> map = new LinkedHashMap<>();
        if (sets.isEmpty()) {
            return map;
        }
        map.put(VERSION_KEY, Integer.toString(VERSION));
        for (MatchFeatureSet set : sets) {
            List<String> values = set.values();
            for (int f = 0; f < FIELDS.size(); f++) {
                if (values.get(f) != null) {
                    map.put(FIELDS.get(f) + "@" + set.keyId(), values.get(f));
                }
            }
        }
        return map;
    }

    /** The schema 3 sets of a match-features map, in key-id order; none for an older map. */
    public static List<MatchFeatureSet> fromMap(Map<String, String> map) {
        if (map == null || !Integer.toString(VERSION).equals(map.get(VERSION_KEY))) {
            return List.of();
        }
        TreeSet<String> keyIds = new TreeSet<>();
        map.keySet().forEach(key -> {
            int at = key.indexOf('@');
            if (at > 0 && FIELDS.contains(key.substring(0, at))) {
                keyIds.add(key.substring(at + 1));
            }
        });
        List<MatchFeatureSet> sets = new ArrayList<>();
        for (String keyId : keyIds) {
            String[] v = FIELDS.stream().map(f -> map.get(f + "@" + keyId)).toArray(String[]::new);
            sets.add(new MatchFeatureSet(keyId, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]));
        }
        return sets;
    }

    private List<String> values() {
        List<String> values = new ArrayList<>();
        values.add(firstNameBloom);
        values.add(lastNameBloom);
        values.add(postcodeBloom);
        values.add(firstNamePhonetic);
        values.add(lastNamePhonetic);
        values.add(firstNamePrefix);
        values.add(lastNamePrefix);
        values.add(postcodeKey);
        values.add(companyDomainKey);
        values.add(firstNameSuffix);
        values.add(lastNameSuffix);
        return values;
    }
}
