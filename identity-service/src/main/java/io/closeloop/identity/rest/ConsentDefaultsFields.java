package io.closeloop.identity.rest;

import io.closeloop.common.FieldError;
import io.closeloop.common.InvalidInputException;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.identity.domain.ConsentRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Consent defaults as the API shows them: per region (ISO 3166 {@code DE}, {@code US-CA}, {@code EU} for the
 * EEA, {@code *} for any other) and for server-side sources, {@code granted} or {@code denied} per purpose;
 * every purpose must be given. For {@code sale_share_opt_out}, {@code granted} means opted out.
 * {@code serverSideSources} lists the sources whose events rest on the server-side basis: OIDC client ids (the
 * {@code azp} ingest stamps as {@code source_client}) or integration names ({@code source_system}, a
 * conversion's {@code sourceSystem}); {@code *} means any authenticated API client, the default when absent.
 */
public record ConsentDefaultsFields(Map<String, Map<String, String>> regions, Map<String, String> serverSide,
                                    List<String> serverSideSources) {

    private static final Pattern SOURCE = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}");

    private static final Pattern REGION = Pattern.compile("\\*|EU|[A-Z]{2}(-[A-Z0-9]{1,3})?");

    static ConsentDefaultsFields of(ConsentRules rules) {
        Map<String, Map<String, String>> regions = new TreeMap<>();
        rules.regions().forEach((region, purposes) -> regions.put(region, codes(purposes)));
        return new ConsentDefaultsFields(regions, codes(rules.serverSide()), rules.serverSideSources());
    }

    ConsentRules rules() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Map<ConsentPurpose, String>> regionRules = new LinkedHashMap<>();
        if (regions == null || !regions.containsKey(ConsentRules.ANY_REGION)) {
            errors.add(FieldError.of("regions", "must include the region * for any other region"));
        }
        if (regions != null) {
            regions.forEach((region, purposes) -> {
                if (region == null || !REGION.matcher(region).matches()) {
                    errors.add(FieldError.of("regions." + region, "is not *, EU or an ISO 3166 region like DE or US-CA"));
                } else {
                    regionRules.put(region, purposes("regions." + region, purposes, errors));
                }
            });
        }
        Map<ConsentPurpose, String> server = purposes("serverSide", serverSide, errors);
        if (serverSideSources != null) {
            for (int i = 0; i < serverSideSources.size(); i++) {
                String source = serverSideSources.get(i);
                if (source == null || !SOURCE.matcher(source).matches()) {
                    errors.add(FieldError.of("serverSideSources[" + i + "]",
                            "is not * or a client id or integration name (letters, digits, . _ : @ / -)"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ConsentRules(regionRules, server,
                serverSideSources == null ? null : serverSideSources.stream().distinct().toList());
    }

    private static Map<ConsentPurpose, String> purposes(String field, Map<String, String> given,
                                                        List<FieldError> errors) {
        Map<ConsentPurpose, String> purposes = new EnumMap<>(ConsentPurpose.class);
        if (given == null) {
            errors.add(FieldError.of(field, "is required"));
            return purposes;
        }
        given.forEach((code, state) -> {
            ConsentPurpose purpose = purpose(code);
            if (purpose == null) {
                errors.add(FieldError.of(field + "." + code, "is not a consent purpose"));
            } else if (!ConsentSnapshot.GRANTED.equals(state) && !ConsentSnapshot.DENIED.equals(state)) {
                errors.add(FieldError.of(field + "." + code, "must be granted or denied"));
            } else {
                purposes.put(purpose, state);
            }
        });
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (!given.containsKey(purpose.code())) {
                errors.add(FieldError.of(field + "." + purpose.code(), "is required"));
            }
        }
        return purposes;
    }

    private static ConsentPurpose purpose(String code) {
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (purpose.code().equals(code)) {
                return purpose;
            }
        }
        return null;
    }

    private static Map<String, String> codes(Map<ConsentPurpose, String> purposes) {
        Map<String, String> codes = new TreeMap<>();
        purposes.forEach((purpose, state) -> codes.put(purpose.code(), state));
        return codes;
    }
}
