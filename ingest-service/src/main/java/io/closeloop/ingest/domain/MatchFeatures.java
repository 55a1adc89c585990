package io.closeloop.ingest.domain;

import io.closeloop.contracts.MatchFeatureSet;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The non-key fields of a lead (names, company, postcode) in the form identity compares for probabilistic
 * matching. Names and postcodes are personal data, so they leave ingest only as per-tenant HMACs over their
 * normalized form (equal values still compare equal); a company's email domain is not personal and stays clear,
 * unless it is a free-mail provider, which says nothing about a company. The schema 3 sets
 * ({@link MatchEncoding}) add keyed Bloom filters that identity compares by similarity.
 */
public final class MatchFeatures {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
            "outlook.com", "live.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "web.de", "proton.me",
            "protonmail.com", "yandex.ru", "mail.ru", "t-online.de", "orange.fr", "free.fr", "qq.com", "163.com");

    private MatchFeatures() {
    }

    /** Lower case, accents and punctuation removed, single spaces: "  Zoë  O'Neil " and "zoe oneil" agree. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
        String words = NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT).replace("'", "")).replaceAll(" ").trim();
        return words.isEmpty() ? null : words;
    }

    /** Upper case without spaces or dashes: "sw1a 1aa" and "SW1A-1AA" agree. */
    public static String postcode(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    /**
     * The registrable domain (Public Suffix List) of a normalized email address unless it is a free-mail
     * provider: {@code jane@eu.acme.com} and {@code john@acme.com} give {@code acme.com}.
     */
    public static String companyDomain(String normalizedEmail) {
        if (normalizedEmail == null) {
            return null;
        }
        return companyDomainOfHost(normalizedEmail.substring(normalizedEmail.lastIndexOf('@') + 1));
    }

    /** The registrable domain of a host name unless it is a free-mail provider; {@code null} for other text. */
    public static String companyDomainOfHost(String host) {
        if (host == null || !host.contains(".") || host.contains(" ")) {
            return null;
        }
        String domain = RegistrableDomain.of(host);
        return domain == null || FREE_MAIL.contains(domain) ? null : domain;
    }

    /** The features of a lead, hashed where personal; absent values are left out. */
    public static Map<String, String> of(IdentifierHasher hasher, String firstName, String lastName, String company,
                                         String postcode, String email) {
        Map<String, String> features = new LinkedHashMap<>();
        put(features, hasher, "first_name", name(firstName));
        put(features, hasher, "last_name", name(lastName));
        put(features, hasher, "company", name(company));
        put(features, hasher, "postcode", postcode(postcode));
        String domain = companyDomain(EmailNormalizer.normalize(email).orElse(null));
        if (domain != null) {
            features.put("company_domain", domain);
        }
        // Schema 2 entries above stay until every identity instance reads the schema 3 sets (expand, then contract).
        features.putAll(MatchFeatureSet.toMap(MatchEncoding.encodeAll(hasher.matchFeatureKeys(), firstName, lastName,
                postcode, email, company)));
        return features;
    }

    private static void put(Map<String, String> features, IdentifierHasher hasher, String key, String value) {
        if (value != null) {
            features.put(key, hasher.matchKey(key, value));
        }
    }
}
