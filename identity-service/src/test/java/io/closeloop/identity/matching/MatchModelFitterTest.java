package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchModelFitterTest {

    private static List<MatchRecord> records() {
        return new SyntheticPeople(3L, SyntheticPeople.Noise.standard()).generate(500).stream()
                .map(r -> ClearRecords.of(r.id(), r.firstName(), r.lastName(), r.emailOrUrl(), r.postcode()))
                .toList();
    }

    @Test
    void fitsAreDeterministicAndAgreementOutweighsDisagreement() {
        MatchModel first = MatchModelFitter.withDefaults().fit(records());
        MatchModel second = MatchModelFitter.withDefaults().fit(records());

        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(first.converged()).isTrue();
        assertThat(first.lambda()).isBetween(1e-5, 1e-2);
        for (int k = 0; k < 2; k++) {
            var name = (NameComparison) first.comparisons().get(k);
            int different = k == 0 ? NameComparison.DIFFERENT_FIRST : NameComparison.DIFFERENT_LAST;
            assertThat(first.weight(k, NameComparison.EXACT)).as(name.name()).isGreaterThan(4);
            assertThat(first.weight(k, different)).as(name.name()).isLessThan(-2);
            double m = 0;
            double u = 0;
            for (int l = 0; l < name.levels().size(); l++) {
                m += first.m(k, l);
                u += first.u(k, l);
            }
            assertThat(m).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(u).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(first.weight(0, Comparison.NULL)).isZero();
    }

    @Test
    void needsAtLeastTwoRecordsSharingABlockingKey() {
        MatchRecord jane = ClearRecords.of("1", "jane", "smith", null, "sw1a1aa");
        MatchRecord paul = ClearRecords.of("2", "paul", "jones", null, "ec2m4aa");
        assertThatThrownBy(() -> MatchModelFitter.withDefaults().fit(List.of(jane)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchModelFitter.withDefaults().fit(List.of(jane, paul)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no candidate pairs");
    }
}
