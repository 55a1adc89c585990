package io.closeloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.identity.matching.MatchRecord;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The quality targets of probabilistic matching on a seeded sample encoded as ingest encodes (not timed). */
class MatchingQualityTest {

    @Test
    void encodedRecordsLinkAsWellAsClearValuesAtTheDefaultThreshold() {
        List<PersonRecords.Person> people = new PersonRecords(7L).generate(10_000);
        int[] truth = people.stream().mapToInt(PersonRecords.Person::person).toArray();
        List<MatchRecord> encoded = IntStream.range(0, people.size())
                .mapToObj(i -> MatchingBench.encoded(i, people.get(i))).toList();
        List<MatchRecord> clear = IntStream.range(0, people.size())
                .mapToObj(i -> MatchingBench.clear(i, people.get(i))).toList();
        MatchingBench.Quality onEncoded = MatchingBench.quality(encoded, truth);
        MatchingBench.Quality onClear = MatchingBench.quality(clear, truth);
        System.out.println("encoded " + onEncoded + ", clear " + onClear);
        assertThat(onEncoded.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(onEncoded.recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(onEncoded.f1()).isGreaterThanOrEqualTo(onClear.f1() - 0.02);
    }
}
