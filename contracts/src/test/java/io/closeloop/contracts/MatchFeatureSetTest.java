package io.closeloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchFeatureSetTest {

    @Test
    void setsOfEveryKeyTravelInTheMapAndComeBack() {
        var current = new MatchFeatureSet("k2", "AAA=", "BBB=", null, "d1", "d2", "x1", null, "p", null);
        var previous = new MatchFeatureSet("k1", "CCC=", null, null, "d3", null, null, "x2", null, "c");
        Map<String, String> map = MatchFeatureSet.toMap(List.of(current, previous));
        assertThat(map).containsEntry("match_features_version", "3").containsEntry("first_name_bf@k2", "AAA=")
                .doesNotContainKey("postcode_bf@k2");
        assertThat(MatchFeatureSet.fromMap(map)).containsExactly(previous, current);
    }

    @Test
    void nameSuffixesTravelToAndASetSentWithoutThemReadsWithNone() {
        var set = new MatchFeatureSet("k2", "AAA=", null, null, "d1", null, "x1", null, null, null, "s1", "s2");
        Map<String, String> map = MatchFeatureSet.toMap(List.of(set));
        assertThat(map).containsEntry("first_name_sx@k2", "s1").containsEntry("last_name_sx@k2", "s2");
        assertThat(MatchFeatureSet.fromMap(map)).containsExactly(set);

        var before = MatchFeatureSet.fromMap(Map.of("match_features_version", "3", "first_name_dm@k1", "d1"));
        assertThat(before).containsExactly(new MatchFeatureSet("k1", null, null, null, "d1", null, null, null, null, null));
        assertThat(before.get(0).firstNameSuffix()).isNull();
    }

    @Test
    void anOlderMapHasNoSets() {
        assertThat(MatchFeatureSet.fromMap(Map.of("first_name", "ab12"))).isEmpty();
        assertThat(MatchFeatureSet.fromMap(null)).isEmpty();
        assertThat(MatchFeatureSet.toMap(List.of())).isEmpty();
    }
}
