package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.MatchFeatureSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchEncodingTest {

    private static final TenantKey KEY = new TenantKey("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final TenantKey OTHER = new TenantKey("o".repeat(32).getBytes(StandardCharsets.UTF_8));

    /** Known answers: a change here re-encodes every tenant's stored features, which nothing can undo. */
    @Test
    void encodingIsPinnedByKnownAnswers() {
        MatchFeatureSet set = new MatchEncoding(KEY).encode("John", "Smith", "SW1A 1AA", "john@eu.acme.com", null);
        assertThat(KEY.id()).isEqualTo("8ebefb4e");
        assertThat(set.firstNameBloom()).isEqualTo("AABIAQAACAAAAAgAAQAAAAAAAAIACAAACAAAAAQAAIAIIAAAACQAAAkAAAQgAAQAAAAAAIAAAAAECCAAAAAYAAAAAAAA"
                + "AAgQAgCAAEAEAAAAQAAAAAAAAAAQAAgIEAAAQAAAAAgBBAAAQAAAAAAgAAIAAAEAAAAABAAJAAAAAEA=");
        assertThat(set.lastNamePhonetic()).isEqualTo("de31b840e40ea475");
        assertThat(set.postcodeKey()).isEqualTo("814c066b7cf22355");
        assertThat(set.companyDomainKey()).isEqualTo("4c94e9b5f81fde18");
        assertThat(new BloomFilterEncoder(new byte[32]).encode("ab").toString()).isEqualTo("{26, 42, 44, 79, 124, 138, "
                + "202, 232, 250, 269, 330, 360, 422, 438, 442, 459, 554, 596, 649, 666, 674, 686, 746, 754, 832, 839, 858, "
                + "876, 970, 990}");
    }

    @Test
    void similarNamesHaveSimilarFiltersAndOneOwnerNormalizes() {
        MatchEncoding encoding = new MatchEncoding(KEY);
        String john = encoding.encode("John", null, null, null, null).firstNameBloom();
        assertThat(encoding.encode("  JOHN ", null, null, null, null).firstNameBloom()).isEqualTo(john);
        assertThat(dice(john, encoding.encode("Jon", null, null, null, null).firstNameBloom())).isBetween(0.6, 0.8);
        assertThat(dice(john, encoding.encode("Mary", null, null, null, null).firstNameBloom())).isLessThan(0.2);
        assertThat(encoding.encode("Jon", null, null, null, null).firstNamePhonetic())
                .isEqualTo(encoding.encode("John", null, null, null, null).firstNamePhonetic());
    }

    @Test
    void suffixesOfBothNamesShareOneKeyThatPrefixesDoNotUse() {
        MatchEncoding encoding = new MatchEncoding(KEY);
        MatchFeatureSet robert = encoding.encode("Robert", "Bert", null, null, null);
        MatchFeatureSet typo = encoding.encode("Rpbert", null, null, null, null);
        assertThat(typo.firstNameSuffix()).isEqualTo(robert.firstNameSuffix()).isNotNull();
        assertThat(typo.firstNamePrefix()).isNotEqualTo(robert.firstNamePrefix());
        assertThat(robert.lastNameSuffix()).isEqualTo(robert.firstNameSuffix());
        assertThat(encoding.encode("Ert", null, null, null, null).firstNamePrefix()).isNotEqualTo(robert.firstNameSuffix());
        assertThat(encoding.encode("Al", null, null, null, null).firstNameSuffix())
                .isEqualTo(encoding.encode("al", null, null, null, null).firstNameSuffix());
        assertThat(encoding.encode(null, null, "SW1A 1AA", null, null).firstNameSuffix()).isNull();
    }

    @Test
    void fieldsAndTenantsNeverShareHashFunctionsButBothNamesDoSoSwapsCompare() {
        MatchFeatureSet set = new MatchEncoding(KEY).encode("Jordan", "Jordan", "Jordan", null, null);
        assertThat(set.lastNameBloom()).isEqualTo(set.firstNameBloom());
        assertThat(dice(set.firstNameBloom(), set.postcodeBloom())).isLessThan(0.3);
        MatchFeatureSet otherTenant = new MatchEncoding(OTHER).encode("Jordan", "Jordan", null, null, null);
        assertThat(dice(set.firstNameBloom(), otherTenant.firstNameBloom())).isLessThan(0.3);
        assertThat(otherTenant.keyId()).isNotEqualTo(set.keyId());
    }

    @Test
    void subdomainsOfOneCompanyAgreeAndFreeMailSaysNothing() {
        MatchEncoding encoding = new MatchEncoding(KEY);
        assertThat(encoding.encode(null, null, null, "a@eu.acme.com", null).companyDomainKey())
                .isEqualTo(encoding.encode(null, null, null, "b@acme.com", null).companyDomainKey())
                .isEqualTo(encoding.encode(null, null, null, null, "www.acme.com").companyDomainKey());
        assertThat(encoding.encode(null, null, null, "a@gmail.com", "Acme Inc").companyDomainKey()).isNull();
        assertThat(RegistrableDomain.of("shop.acme.co.uk")).isEqualTo("acme.co.uk");
        assertThat(RegistrableDomain.of("co.uk")).isNull();
    }

    @Test
    void duringARotationEveryEventCarriesASetPerKey() {
        List<MatchFeatureSet> sets = MatchEncoding.encodeAll(List.of(KEY, OTHER), "Jane", "Doe", null, null, null);
        assertThat(sets).extracting(MatchFeatureSet::keyId).containsExactly(KEY.id(), OTHER.id());
        assertThat(sets.get(0).firstNameBloom()).isNotEqualTo(sets.get(1).firstNameBloom());
        assertThat(MatchEncoding.encodeAll(List.of(KEY), null, null, null, null, null)).isEmpty();
        IdentifierHasher rotating = new IdentifierHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8),
                "o".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertThat(MatchFeatureSet.fromMap(MatchFeatures.of(rotating, "Jane", "Doe", null, null, null)))
                .containsExactlyInAnyOrderElementsOf(sets);
    }

    static double dice(String a, String b) {
        BitSet x = BitSet.valueOf(Base64.getDecoder().decode(a));
        BitSet y = BitSet.valueOf(Base64.getDecoder().decode(b));
        int both = x.cardinality() + y.cardinality();
        x.and(y);
        return 2.0 * x.cardinality() / both;
    }
}
