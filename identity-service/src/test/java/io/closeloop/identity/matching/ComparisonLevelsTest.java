package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonLevelsTest {

    private static final Instant T0 = Instant.parse("2026-10-05T18:45:00Z");

    private static MatchRecord person(String first, String last) {
        return new MatchRecord("x", first, last, null, null, null, null, null);
    }

    private static MatchRecord place(String domain, String postcode, String ip, String ua, Instant at) {
        return new MatchRecord("x", null, null, domain, postcode, ip, ua, at);
    }

    /** Published Jaro–Winkler values (Winkler 1990; Cohen, Ravikumar and Fienberg 2003). */
    @Test
    void jaroWinklerMatchesPublishedReferenceValues() {
        assertThat(NameComparison.similarity("MARTHA", "MARHTA")).isCloseTo(0.9611, within());
        assertThat(NameComparison.similarity("DWAYNE", "DUANE")).isCloseTo(0.8400, within());
        assertThat(NameComparison.similarity("DIXON", "DICKSONX")).isCloseTo(0.8133, within());
        assertThat(NameComparison.similarity("JELLYFISH", "SMELLYFISH")).isCloseTo(0.8963, within());
        assertThat(NameComparison.similarity("SHACKLEFORD", "SHACKELFORD")).isCloseTo(0.9818, within());
        assertThat(NameComparison.similarity("DUNNINGHAM", "CUNNIGHAM")).isCloseTo(0.8963, within());
        assertThat(NameComparison.similarity("NICHLESON", "NICHULSON")).isCloseTo(0.9556, within());
        assertThat(NameComparison.similarity("JONES", "JOHNSON")).isCloseTo(0.8324, within());
        assertThat(NameComparison.similarity("MASSEY", "MASSIE")).isCloseTo(0.9333, within());
        assertThat(NameComparison.similarity("ABROMS", "ABRAMS")).isCloseTo(0.9222, within());
        assertThat(NameComparison.similarity("HARDIN", "MARTINEZ")).isCloseTo(0.7222, within());
        assertThat(NameComparison.similarity("ITMAN", "SMITH")).isCloseTo(0.4667, within());
        assertThat(NameComparison.similarity("same", "same")).isEqualTo(1.0);
        assertThat(NameComparison.similarity("abc", "xyz")).isEqualTo(0.0);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.00005);
    }

    @Test
    void firstNameLevels() {
        Comparison first = NameComparison.firstName();
        assertThat(first.level(person("martha", "x"), person("martha", "y"))).isEqualTo(NameComparison.EXACT);
        assertThat(first.level(person("martha", "x"), person("marhta", "y"))).isEqualTo(NameComparison.SIMILAR);
        assertThat(first.level(person("jones", "x"), person("johnson", "y"))).isEqualTo(NameComparison.DIFFERENT_FIRST);
        assertThat(first.level(person("dunningham", "x"), person("cunnigham", "y"))).isEqualTo(NameComparison.CLOSE);
        assertThat(first.level(person("jane", "smith"), person("smith", "jane"))).isEqualTo(NameComparison.SWAPPED);
        assertThat(first.level(person("jane", "smith"), person("smyth", "jane"))).isEqualTo(NameComparison.SWAPPED);
        assertThat(first.level(person("jane", "smith"), person("paul", "jones"))).isEqualTo(NameComparison.DIFFERENT_FIRST);
        assertThat(first.level(person(null, "smith"), person("jane", "smith"))).isEqualTo(Comparison.NULL);
        assertThat(first.levels()).hasSize(5);
    }

    @Test
    void aSwapCountsOnceSoTheLastNameSaysNothing() {
        Comparison last = NameComparison.lastName();
        assertThat(last.level(person("jane", "smith"), person("smith", "jane"))).isEqualTo(Comparison.NULL);
        assertThat(last.level(person("jane", "smith"), person("john", "smith"))).isEqualTo(NameComparison.EXACT);
        assertThat(last.level(person("jane", "smith"), person("jane", "jones"))).isEqualTo(NameComparison.DIFFERENT_LAST);
        assertThat(last.levels()).containsExactly("exact", "jaro_winkler>=0.94", "jaro_winkler>=0.88", "else");
    }

    @Test
    void postcodeLevels() {
        Comparison postcode = new PostcodeComparison(3);
        assertThat(postcode.level(place(null, "sw1a1aa", null, null, null), place(null, "sw1a1aa", null, null, null)))
                .isEqualTo(PostcodeComparison.EXACT);
        assertThat(postcode.level(place(null, "sw1a1aa", null, null, null), place(null, "sw1a2bb", null, null, null)))
                .isEqualTo(PostcodeComparison.SAME_PREFIX);
        assertThat(postcode.level(place(null, "sw1a1aa", null, null, null), place(null, "ec2m4aa", null, null, null)))
                .isEqualTo(PostcodeComparison.DIFFERENT);
        assertThat(postcode.level(place(null, "sw", null, null, null), place(null, "sw1", null, null, null)))
                .isEqualTo(PostcodeComparison.DIFFERENT);
        assertThat(postcode.level(place(null, null, null, null, null), place(null, "sw1", null, null, null)))
                .isEqualTo(Comparison.NULL);
    }

    @Test
    void domainLevels() {
        Comparison domain = new DomainComparison();
        assertThat(domain.level(place("acme.com", null, null, null, null), place("acme.com", null, null, null, null)))
                .isEqualTo(DomainComparison.EXACT);
        assertThat(domain.level(place("acme.com", null, null, null, null), place("acme.io", null, null, null, null)))
                .isEqualTo(DomainComparison.DIFFERENT);
        assertThat(domain.level(place("acme.com", null, null, null, null), place(null, null, null, null, null)))
                .isEqualTo(Comparison.NULL);
    }

    @Test
    void deviceLevelsTellAVisitFromTheSameDeviceAndTheSameNetwork() {
        Comparison device = new DeviceComparison(Duration.ofMinutes(30));
        MatchRecord form = place(null, null, "192.0.2.0/24", "ua1", T0);
        assertThat(device.level(form, place(null, null, "192.0.2.0/24", "ua1", T0.plus(Duration.ofMinutes(30)))))
                .isEqualTo(DeviceComparison.SAME_VISIT);
        assertThat(device.level(form, place(null, null, "192.0.2.0/24", "ua1", T0.minus(Duration.ofMinutes(31)))))
                .isEqualTo(DeviceComparison.SAME_DEVICE);
        assertThat(device.level(form, place(null, null, "192.0.2.0/24", "ua1", null)))
                .isEqualTo(DeviceComparison.SAME_DEVICE);
        assertThat(device.level(form, place(null, null, "192.0.2.0/24", "ua2", T0)))
                .isEqualTo(DeviceComparison.SAME_NETWORK);
        assertThat(device.level(form, place(null, null, "198.51.100.0/24", "ua1", T0)))
                .isEqualTo(DeviceComparison.DIFFERENT);
        assertThat(device.level(form, place(null, null, null, "ua1", T0))).isEqualTo(Comparison.NULL);
    }

    @Test
    void aJointComparisonCombinesItsPartsAndIsNullOnlyWhenAllAreMissing() {
        Comparison joint = new JointComparison("domain_postcode", List.of(new DomainComparison(),
                new PostcodeComparison(3)));
        assertThat(joint.levels()).hasSize(3 * 4 - 1);
        assertThat(joint.levels().get(0)).isEqualTo("company_domain exact, postcode exact");
        assertThat(joint.covers()).containsExactly("company_domain", "postcode");
        MatchRecord a = place("acme.com", "sw1a1aa", null, null, null);
        assertThat(joint.level(a, place("acme.com", "sw1a1aa", null, null, null))).isEqualTo(0);
        assertThat(joint.level(a, place("acme.com", "sw1a2bb", null, null, null))).isEqualTo(1);
        assertThat(joint.level(a, place("acme.com", null, null, null, null))).isEqualTo(3);
        assertThat(joint.level(a, place("other.com", "ec2m4aa", null, null, null))).isEqualTo(4 + 2);
        assertThat(joint.level(a, place(null, "sw1a1aa", null, null, null))).isEqualTo(8);
        assertThat(joint.level(a, place(null, null, null, null, null))).isEqualTo(Comparison.NULL);
    }
}
