package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.MatchFeatureSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchFeaturesTest {

    @Test
    void namesAndPostcodesCompareInOneForm() {
        assertThat(MatchFeatures.name("  Zoë  O'Neil ")).isEqualTo("zoe oneil");
        assertThat(MatchFeatures.name("ZOE ONEIL")).isEqualTo("zoe oneil");
        assertThat(MatchFeatures.name("Jean-Luc")).isEqualTo("jean luc");
        assertThat(MatchFeatures.name(" - ")).isNull();
        assertThat(MatchFeatures.postcode("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(MatchFeatures.postcode("SW1A-1AA")).isEqualTo("SW1A1AA");
        assertThat(MatchFeatures.companyDomain("jane@example.com")).isEqualTo("example.com");
        assertThat(MatchFeatures.companyDomain("jane@gmail.com")).isNull();
        assertThat(MatchFeatures.companyDomain("jane@eu.example.com")).isEqualTo("example.com");
    }

    @Test
    void personalFeaturesLeaveOnlyAsTenantHmacs() {
        IdentifierHasher hasher = new IdentifierHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        Map<String, String> features = MatchFeatures.of(hasher, "Jane", "Doe", "Example GmbH", "10115",
                "Jane@Example.com");
        assertThat(features).containsKeys("first_name", "last_name", "company", "postcode", "company_domain",
                "match_features_version");
        assertThat(features.get("first_name")).isEqualTo(hasher.matchKey("first_name", "jane"));
        assertThat(features.get("company")).isEqualTo(hasher.matchKey("company", "example gmbh"));
        assertThat(features.get("postcode")).isEqualTo(hasher.matchKey("postcode", "10115"));
        assertThat(features.get("company_domain")).isEqualTo("example.com");
        assertThat(MatchFeatureSet.fromMap(features)).hasSize(1);
        assertThat(features.values()).noneMatch(v -> v.equalsIgnoreCase("jane") || v.equals("10115"));
    }
}
