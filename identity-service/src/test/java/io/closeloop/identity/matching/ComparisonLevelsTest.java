package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonLevelsTest {

    private static MatchRecord person(String first, String last) {
        return ClearRecords.of("x", first, last, null, null);
    }

    @Test
    void namesCompareByDiceOfTheirBigrams() {
        Comparison first = NameComparison.firstName();
        assertThat(first.level(person("john", "smith"), person("john", "smyth"))).isEqualTo(NameComparison.EXACT);
        assertThat(first.level(person("jonathan", "a"), person("jonathon", "b"))).isEqualTo(NameComparison.SIMILAR);
        assertThat(first.level(person("john", "a"), person("jon", "b"))).isEqualTo(NameComparison.CLOSE);
        assertThat(first.level(person("john", "a"), person("mary", "b"))).isEqualTo(NameComparison.DIFFERENT_FIRST);
        assertThat(first.level(person(null, "a"), person("mary", "b"))).isEqualTo(Comparison.NULL);
        assertThat(ClearEncoding.of("john").dice(ClearEncoding.of("jon"))).isCloseTo(6.0 / 9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSwapIsOneObservationOfTheFirstName() {
        MatchRecord a = person("anna", "miller");
        MatchRecord b = person("miller", "anna");
        assertThat(NameComparison.firstName().level(a, b)).isEqualTo(NameComparison.SWAPPED);
        assertThat(NameComparison.lastName().level(a, b)).isEqualTo(Comparison.NULL);
    }

    @Test
    void postcodeAndDomainJointly() {
        MatchRecord a = ClearRecords.of("a", null, null, "jane@acme.com", "SW1A 1AA");
        MatchRecord b = ClearRecords.of("b", null, null, "joe@acme.com", "sw1a1aa");
        MatchRecord c = ClearRecords.of("c", null, null, null, "sw1a1ab");
        assertThat(new PostcodeComparison().level(a, b)).isEqualTo(PostcodeComparison.EXACT);
        assertThat(new PostcodeComparison().level(a, c)).isEqualTo(PostcodeComparison.SIMILAR);
        assertThat(new DomainComparison().level(a, b)).isEqualTo(DomainComparison.EXACT);
        JointComparison joint = new JointComparison("dp", List.of(new DomainComparison(), new PostcodeComparison()));
        assertThat(joint.levels()).hasSize(3 * 4 - 1);
        assertThat(joint.level(a, b)).isZero();
        assertThat(joint.level(a, c)).isEqualTo(2 * 4 + 1);
    }

    @Test
    void encodingsOfDifferentKeysAreNeverCompared() {
        MatchModel model = MatchModelFitter.withDefaults().fit(List.of(person("jane", "doe"), person("jane", "doe"),
                person("paul", "roe")));
        MatchRecord a = person("jane", "doe");
        MatchRecord b = new MatchRecord("y", "other-key", a.firstName(), a.lastName(), null, null, null, null, null, null, null);
        assertThat(model.score(a, b).probability()).isZero();
    }
}
