package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordLinkerTest {

    /** Names only: exact first or last name is worth log2(0.8/0.01) = 6.32 bits, a different one -4.25 bits. */
    private static final MatchModel MODEL = new MatchModel(
            List.of(NameComparison.firstName(), NameComparison.lastName()), 1.0 / 1024,
            new double[][] {{0.8, 0.1, 0.05, 0.0225, 0.0275}, {0.8, 0.1, 0.05, 0.05}},
            new double[][] {{0.01, 0.01, 0.01, 0.0001, 0.9699}, {0.01, 0.01, 0.01, 0.97}}, 1, true, 1);

    private static MatchRecord record(String id, String first, String last, String postcode) {
        return ClearRecords.of(id, first, last, null, postcode);
    }

    @Test
    void scoresAddTheLevelWeightsToThePrior() {
        MatchScore score = MODEL.score(record("a", "jane", "smith", null), record("b", "jane", "smith", null));
        assertThat(score.levels()).containsExactly(0, 0);
        assertThat(MODEL.priorWeight()).isCloseTo(-9.9986, within(1e-4));
        assertThat(score.weight()).isCloseTo(-9.9986 + 2 * 6.3219, within(1e-4));
        assertThat(score.probability()).isCloseTo(0.86219, within(1e-5));
        assertThat(MODEL.score(record("a", null, "smith", null), record("b", "jane", "smith", null)).weight())
                .isCloseTo(-9.9986 + 6.3219, within(1e-4));
        assertThat(MODEL.toString()).contains("first_name", "swapped_first_last", "6.32");
    }

    @Test
    void linksToTheBestCandidateAboveTheThresholdOnly() {
        RecordLinker linker = new RecordLinker(MODEL, Blocking.defaults(), 0.85);
        assertThat(linker.link(record("1", "jane", "smith", "sw1a1aa"))).isEmpty();
        assertThat(linker.link(record("2", "jane", "smyth", "sw1a1aa"))).isEmpty();
        var link = linker.link(record("3", "jane", "smith", "sw1a1aa"));
        assertThat(link).isPresent();
        assertThat(link.get().recordId()).isEqualTo("1");
        assertThat(link.get().probability()).isCloseTo(0.86219, within(1e-5));

        RecordLinker strict = new RecordLinker(MODEL, Blocking.defaults(), 0.9);
        strict.add(record("1", "jane", "smith", "sw1a1aa"));
        assertThat(strict.bestMatch(record("3", "jane", "smith", "sw1a1aa"))).isEmpty();
    }

    @Test
    void recordsSharingNoBlockingKeyAreNeverCompared() {
        RecordLinker linker = new RecordLinker(MODEL, Blocking.defaults(), 0.5);
        linker.add(record("1", "jane", "smith", "sw1a1aa"));
        assertThat(linker.bestMatch(record("2", "jane", "smith", null))).isPresent();
        assertThat(linker.bestMatch(record("3", null, "smith", "ec2m4aa"))).isEmpty();
    }

    @Test
    void theThresholdMustBeAProbability() {
        assertThatThrownBy(() -> new RecordLinker(MODEL, Blocking.defaults(), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordLinker(MODEL, Blocking.defaults(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
