package io.closeloop.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.identity.matching.MatchRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fit during a key rotation learns from the records of one key. */
class MatchModelsTest {

    @Test
    void aFitTakesTheKeyMostRecordsCarryAndOneRecordPerRow() {
        Map<String, String> old1 = features("old", "aGVsbG8=");
        Map<String, String> old2 = features("old", "d29ybGQ=");
        Map<String, String> both = new HashMap<>(features("old", "Zm9vYmFy"));
        both.putAll(features("new", "YmF6cXV4"));
        Map<String, String> fresh = features("new", "cXV1eA==");
        List<MatchRecord> records = MatchModels.sameKey(List.of(fresh, both, old1, old2));
        assertThat(records).hasSize(3).allMatch(r -> r.keyId().equals("old"));
        assertThat(records).extracting(MatchRecord::id).containsExactly("1", "2", "3");
    }

    private static Map<String, String> features(String keyId, String bloom) {
        return Map.of("match_features_version", "3", "first_name_bf@" + keyId, bloom);
    }
}
