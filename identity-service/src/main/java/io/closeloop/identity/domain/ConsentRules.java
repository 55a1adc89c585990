package io.closeloop.identity.domain;

import static io.closeloop.contracts.ConsentSnapshot.DENIED;
import static io.closeloop.contracts.ConsentSnapshot.GRANTED;

import io.closeloop.contracts.ConsentPurpose;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's consent defaults: the state per purpose for each region (ISO 3166 country, country with
 * subdivision such as {@code US-CA}, {@code EU} for the EEA, or {@code *} for any other region), the
 * basis for server-side sources (CRM, POS, calls) and which sources rest on it: OIDC client ids ({@code azp},
 * which ingest stamps as attribute {@code source_client}) or integration names ({@code source_system}, a
 * conversion's {@code sourceSystem}). {@code *} in the list stands for any authenticated API client.
 */
public record ConsentRules(Map<String, Map<ConsentPurpose, String>> regions, Map<ConsentPurpose, String> serverSide,
                           List<String> serverSideSources) {

    public static final String ANY_REGION = "*";
    /** Any source that authenticated itself (an OIDC client of the API, not the web tag). */
    public static final String ANY_AUTHENTICATED = "*";
    /**
     * Tenants that never listed their server-side sources keep the basis for every authenticated API client, as
     * before the list existed, so running integrations do not lose their touches overnight; web-tag events never
     * rest on it. A tenant that also sends browser or device traffic through the API lists its real sources.
     */
    public static final List<String> DEFAULT_SERVER_SIDE_SOURCES = List.of(ANY_AUTHENTICATED);
    public static final String EU = "EU";
    /** EU member states and the other EEA countries, which follow the same consent rules. */
    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
            "LI", "NO");

    /**
     * Built-ins until an admin sets the tenant's own: the EEA and unknown regions denied until granted
     * (privacy by default), the US granted until opted out, server-side sources granted without opt-out.
     */
    public static final ConsentRules BUILT_IN = new ConsentRules(
            Map.of(EU, all(DENIED, DENIED), "US", all(GRANTED, DENIED), ANY_REGION, all(DENIED, DENIED)),
            all(GRANTED, DENIED), DEFAULT_SERVER_SIDE_SOURCES);

    public ConsentRules {
        regions = Map.copyOf(regions);
        serverSide = Map.copyOf(serverSide);
        serverSideSources = serverSideSources == null ? DEFAULT_SERVER_SIDE_SOURCES : List.copyOf(serverSideSources);
    }

    public ConsentRules(Map<String, Map<ConsentPurpose, String>> regions, Map<ConsentPurpose, String> serverSide) {
        this(regions, serverSide, null);
    }

    /**
     * Whether an event from this client or integration rests on the server-side basis.
     *
     * @param authenticated the event came through the authenticated API (a client id, or verified identifiers)
     */
    public boolean serverSideSource(String client, String system, boolean authenticated) {
        return (authenticated && serverSideSources.contains(ANY_AUTHENTICATED))
                || (client != null && serverSideSources.contains(client))
                || (system != null && serverSideSources.contains(system));
    }

    /** The defaults for a region: exact match, then its country, then EU for the EEA, then {@code *}. */
    public Map<ConsentPurpose, String> forRegion(String region) {
        if (region != null) {
            String code = region.toUpperCase(java.util.Locale.ROOT);
            String country = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
            for (String candidate : new String[] {code, country, EEA.contains(country) ? EU : null}) {
                if (candidate != null && regions.containsKey(candidate)) {
                    return regions.get(candidate);
                }
            }
        }
        return regions.getOrDefault(ANY_REGION, BUILT_IN.regions.get(ANY_REGION));
    }

    /** The region key a default came from, for the audit reason. */
    public String regionKey(String region) {
        Map<ConsentPurpose, String> chosen = forRegion(region);
        return regions.entrySet().stream().filter(e -> e.getValue() == chosen).map(Map.Entry::getKey)
                .findFirst().orElse(ANY_REGION);
    }

    static Map<ConsentPurpose, String> all(String adPurposes, String saleShareOptOut) {
        Map<ConsentPurpose, String> purposes = new EnumMap<>(ConsentPurpose.class);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            purposes.put(purpose, purpose == ConsentPurpose.SALE_SHARE_OPT_OUT ? saleShareOptOut : adPurposes);
        }
        return Map.copyOf(purposes);
    }
}
