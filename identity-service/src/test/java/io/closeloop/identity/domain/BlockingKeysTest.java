package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.MatchFeatureSet;
import io.closeloop.identity.matching.MatchRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    private static final String BLOOM = "AAEC";

    @Test
    void duringARotationAnEventMeetsStoredRecordsOfEitherKeyAndComparesLikeWithLike() {
        Map<String, String> rotating = MatchFeatureSet.toMap(List.of(
                new MatchFeatureSet("new", BLOOM, BLOOM, null, "fn2", "ln2", null, null, "pc2", null),
                new MatchFeatureSet("old", BLOOM, BLOOM, null, "fn1", "ln1", null, null, "pc1", null)));
        Map<String, String> storedUnderOld = MatchFeatureSet.toMap(List.of(
                new MatchFeatureSet("old", BLOOM, BLOOM, null, "fn1", "ln1", null, null, "pc1", null)));
        List<MatchRecord> records = BlockingKeys.records("e", rotating);
        assertThat(records).extracting(MatchRecord::keyId).containsExactly("new", "old");
        assertThat(BlockingKeys.of(rotating)).containsAll(BlockingKeys.of(storedUnderOld));
        assertThat(BlockingKeys.of(rotating)).anyMatch(k -> k.contains("new|")).anyMatch(k -> k.contains("old|"));
        assertThat(BlockingKeys.of(storedUnderOld)).noneMatch(k -> k.contains("new|"));
    }

    @Test
    void schemaTwoMapsAreStillReadAsEqualityOnlyFeatures() {
        List<MatchRecord> records = BlockingKeys.records("e", Map.of("first_name", "ab12", "last_name", "cd34"));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.firstName().bits()).isNull();
            assertThat(r.firstName().value()).isEqualTo("ab12");
        });
        assertThat(BlockingKeys.of(Map.of("first_name", "ab12", "last_name", "cd34"))).isNotEmpty();
        assertThat(BlockingKeys.records("e", Map.of())).isEmpty();
    }
}
