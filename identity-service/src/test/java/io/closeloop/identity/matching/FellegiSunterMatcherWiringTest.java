package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Json;
import io.closeloop.identity.domain.BlockingKeys;
import io.closeloop.identity.service.FellegiSunterMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's scoring of stored feature maps: with a model fitted from a tenant's records and stored as JSON
 * (as every replica reads it), and with the default model a tenant links with before its first fit.
 */
class FellegiSunterMatcherWiringTest {

    private static final List<SyntheticPeople.Raw> RAW = new SyntheticPeople(7L, SyntheticPeople.Noise.standard())
            .generate(1000);
    private static final List<Map<String, String>> RECORDS = RAW.stream()
            .map(FellegiSunterMatcherWiringTest::features).toList();

    @Test
    void aFittedModelStoredAndReadBackScoresSamePersonAboveAndOthersBelowTheThreshold() throws Exception {
        List<MatchRecord> input = new ArrayList<>();
        for (int i = 0; i < RECORDS.size(); i++) {
            input.add(BlockingKeys.records(Integer.toString(i), RECORDS.get(i)).get(0));
        }
        MatchModel fitted = MatchModelFitter.withDefaults().fit(input);
        String stored = Json.write(MatchModelWeights.of(fitted));
        MatchModelWeights read = Json.mapper().readValue(stored, MatchModelWeights.class);
        assertThat(read.fits(MatchModelFitter.defaultComparisons())).isTrue();
        MatchModel model = read.model(MatchModelFitter.defaultComparisons());
        assertThat(model.lambda()).isEqualTo(fitted.lambda());
        assertThat(model.frequencies().lastNames()).isEqualTo(fitted.frequencies().lastNames());

        Rates rates = rates(model);
        System.out.printf("stored model at %.2f: %d/%d same-person pairs linked, %d/%d other pairs linked%n",
                RecordLinker.DEFAULT_THRESHOLD, rates.sameLinked, rates.samePairs, rates.otherLinked, rates.otherPairs);
        assertThat((double) rates.sameLinked / rates.samePairs).isGreaterThan(0.5);
        assertThat((double) rates.otherLinked / rates.otherPairs).isLessThan(0.01);
    }

    @Test
    void theDefaultModelLinksTyposOfOnePersonAndKeepsOthersApart() {
        Rates rates = rates(DefaultMatchModel.get());
        System.out.printf("default model at %.2f: %d/%d same-person pairs linked, %d/%d other pairs linked%n",
                RecordLinker.DEFAULT_THRESHOLD, rates.sameLinked, rates.samePairs, rates.otherLinked, rates.otherPairs);
        assertThat((double) rates.sameLinked / rates.samePairs).isGreaterThan(0.5);
        assertThat((double) rates.otherLinked / rates.otherPairs).isLessThan(0.01);
    }

    @Test
    void weightsStoredForOtherComparisonsAreNotUsed() {
        MatchModelWeights weights = MatchModelWeights.of(DefaultMatchModel.get());
        MatchModelWeights renamed = new MatchModelWeights(List.of("first_name", "last_name", "ip_prefix"),
                weights.levels(), weights.lambda(), weights.m(), weights.u(), 0, true, 0, Map.of(), Map.of(), 1);
        assertThat(renamed.fits(MatchModelFitter.defaultComparisons())).isFalse();
    }

    private record Rates(long samePairs, long sameLinked, long otherPairs, long otherLinked) {
    }

    private static Rates rates(MatchModel model) {
        long samePairs = 0;
        long sameLinked = 0;
        long otherPairs = 0;
        long otherLinked = 0;
        Map<String, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < RAW.size(); i++) {
            byPerson.computeIfAbsent(RAW.get(i).personId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> same : byPerson.values()) {
            for (int a = 1; a < same.size(); a++) {
                samePairs++;
                sameLinked += linked(model, RECORDS.get(same.get(0)), RECORDS.get(same.get(a)));
            }
        }
        for (int i = 0; i + 1 < RAW.size(); i++) {
            if (!RAW.get(i).personId().equals(RAW.get(i + 1).personId())) {
                otherPairs++;
                otherLinked += linked(model, RECORDS.get(i), RECORDS.get(i + 1));
            }
        }
        return new Rates(samePairs, sameLinked, otherPairs, otherLinked);
    }

    private static int linked(MatchModel model, Map<String, String> a, Map<String, String> b) {
        return FellegiSunterMatcher.score(model, a, b) >= RecordLinker.DEFAULT_THRESHOLD ? 1 : 0;
    }

    private static Map<String, String> features(SyntheticPeople.Raw r) {
        return ClearRecords.features(r.firstName(), r.lastName(), r.emailOrUrl(), r.postcode());
    }

    @Test
    void duringAKeyRotationRecordsCompareOnlyUnderTheSameKeyId() {
        Map<String, String> jane = ClearRecords.features("Jane", "Doe", "jane@acme.com", "10115");
        Map<String, String> oldKey = underKey(jane, "old");
        Map<String, String> newKey = underKey(jane, "new");
        Map<String, String> overlap = new HashMap<>(oldKey);
        overlap.putAll(newKey);
        MatchModel model = DefaultMatchModel.get();
        assertThat(FellegiSunterMatcher.score(model, overlap, oldKey)).isGreaterThan(0.99);
        assertThat(FellegiSunterMatcher.score(model, newKey, overlap)).isGreaterThan(0.99);
        // The same values encoded under two keys are never compared: their bits would be unrelated.
        assertThat(FellegiSunterMatcher.score(model, newKey, oldKey)).isEqualTo(0.0);
    }

    private static Map<String, String> underKey(Map<String, String> features, String keyId) {
        Map<String, String> renamed = new HashMap<>();
        features.forEach((k, v) -> renamed.put(k.replace("@clear", "@" + keyId), v));
        return renamed;
    }

    @Test
    void schemaTwoMapsStillCompareByTheirHmacs() {
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(Map.of("first_name", "f" + (i % 40), "last_name", "l" + (i % 70), "postcode", "p" + (i % 50)));
        }
        MatchModel model = DefaultMatchModel.get();
        assertThat(FellegiSunterMatcher.score(model, records.get(0), records.get(0)))
                .isGreaterThan(FellegiSunterMatcher.score(model, records.get(0), records.get(1)));
    }
}
