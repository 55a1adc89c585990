package io.closeloop.ingest.domain;

import io.closeloop.contracts.MatchFeatureSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a person's names, postcode and company domain into {@link MatchFeatureSet}s, one per tenant key:
 * the only place where these fields are normalized, and the only form in which they leave ingest. Plain
 * Java (no framework), so the matching benchmark encodes its records with exactly this class.
 *
 * <p>Every field and purpose has its own key derived from the tenant secret ({@link TenantKey#derive}): the
 * same bigram sets different bits in a name filter and a postcode filter, so a frequency table built on one
 * field does not carry over to another, and nothing is comparable across tenants. First and last name are
 * one field for this purpose: swapped names must compare.
 */
public final class MatchEncoding {

    private final TenantKey key;
    private final BloomFilterEncoder firstNameBloom;
    private final BloomFilterEncoder lastNameBloom;
    private final BloomFilterEncoder postcodeBloom;
    private final PhoneticKey namePhonetic;
    private final byte[] namePrefixKey;
    private final byte[] nameSuffixKey;
    private final byte[] postcodeKey;
    private final byte[] domainKey;

    public MatchEncoding(TenantKey key) {
        this.key = key;
        // First and last name share one key, so a swapped first and last name is recognised by identity.
        BloomFilterEncoder names = new BloomFilterEncoder(key.derive("name:bloom"));
        this.firstNameBloom = names;
        this.lastNameBloom = names;
        this.postcodeBloom = new BloomFilterEncoder(key.derive("postcode:bloom"));
        // One key for both names' blocking codes: a swapped first and last name still share their codes.
        this.namePhonetic = new PhoneticKey(key.derive("name:phonetic"));
        this.namePrefixKey = key.derive("name:prefix");
        // Its own key: a prefix and a suffix of the same three letters must not give the same token.
        this.nameSuffixKey = key.derive("name:suffix");
        this.postcodeKey = key.derive("postcode:exact");
        this.domainKey = key.derive("company_domain:exact");
    }

    /** One set per key: the current key first, then the previous one during a rotation's overlap window. */
    public static List<MatchFeatureSet> encodeAll(List<TenantKey> keys, String firstName, String lastName,
                                                  String postcode, String email, String company) {
        List<MatchFeatureSet> sets = new ArrayList<>();
        for (TenantKey k : keys) {
            MatchFeatureSet set = new MatchEncoding(k).encode(firstName, lastName, postcode, email, company);
            if (!set.isEmpty()) {
                sets.add(set);
            }
        }
        return sets;
    }

    /** The keyed first three letters of a name: a second blocking code for typos that change the sound. */
    private String prefix(String name) {
        return name == null ? null : KeyedHash.token(namePrefixKey, name.substring(0, Math.min(3, name.length())));
    }

    /**
     * The keyed last three letters of a name: a typo in a name's first letters changes its prefix and often its
     * phonetic code, but not its end, so two records with such a typo still share a blocking key.
     */
    private String suffix(String name) {
        return name == null ? null : KeyedHash.token(nameSuffixKey, name.substring(Math.max(0, name.length() - 3)));
    }

    /**
     * @param email   the address whose registrable domain names the company (free mail does not)
     * @param company used for the domain only when it is itself a host name ({@code acme.com})
     */
    public MatchFeatureSet encode(String firstName, String lastName, String postcode, String email,
                                  String company) {
        String first = MatchFeatures.name(firstName);
        String last = MatchFeatures.name(lastName);
        String code = MatchFeatures.postcode(postcode);
        String domain = MatchFeatures.companyDomain(EmailNormalizer.normalize(email).orElse(null));
        if (domain == null) {
            domain = MatchFeatures.companyDomainOfHost(company);
        }
        return new MatchFeatureSet(key.id(),
                first == null ? null : firstNameBloom.encodeToBase64(first),
                last == null ? null : lastNameBloom.encodeToBase64(last),
                code == null ? null : postcodeBloom.encodeToBase64(code),
                first == null ? null : namePhonetic.of(first),
                last == null ? null : namePhonetic.of(last),
                prefix(first), prefix(last),
                code == null ? null : KeyedHash.token(postcodeKey, code),
                domain == null ? null : KeyedHash.token(domainKey, domain),
                suffix(first), suffix(last));
    }
}
