package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fits the weights by EM on unlabelled synthetic records, links every record to its best earlier match,
 * and scores the resulting clusters pairwise against the generator's truth.
 */
class MatchingAccuracyTest {

    private static final int PERSONS = 4000;
    private static final double[] SWEEP = {0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99};

    @Test
    void linksNoisyRecordsWithHighPrecisionAndRecallAtTheDefaultThreshold() {
        Measurement standard = measure("standard noise", SyntheticPeople.Noise.standard());

        assertThat(standard.atDefault().precision()).isGreaterThanOrEqualTo(0.95);
        // This set's persons share offices and networks; without device comparisons recall rests on names.
        assertThat(standard.atDefault().recall()).isGreaterThanOrEqualTo(0.77);
    }

    @Test
    void harderNoiseCostsRecallMoreThanPrecision() {
        Measurement hard = measure("hard noise", SyntheticPeople.Noise.hard());

        assertThat(hard.atDefault().precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(hard.atDefault().recall()).isBetween(0.6, 0.85);
    }

    private record Measurement(MatchModel model, PairCounts atDefault) {
    }

    private static Measurement measure(String label, SyntheticPeople.Noise noise) {
        List<SyntheticPeople.Raw> raw = new ArrayList<>(new SyntheticPeople(7L, noise).generate(PERSONS));
        shuffle(raw, new SplittableRandom(11L));
        List<MatchRecord> records = raw.stream().map(r -> ClearRecords.of(r.id(), r.firstName(), r.lastName(), r.emailOrUrl(), r.postcode())).toList();
        List<String> truth = raw.stream().map(SyntheticPeople.Raw::personId).toList();

        MatchModelFitter fitter = MatchModelFitter.withDefaults();
        MatchModel model = fitter.fit(records);
        long[] blockedTruePairs = {0};
        fitter.blocking().forEachCandidatePair(records, (i, j, rules) -> {
            if (truth.get(i).equals(truth.get(j))) {
                blockedTruePairs[0]++;
            }
        });
        System.out.printf(Locale.ROOT, "== %s: %d records of %d persons%n%s", label, records.size(), PERSONS, model);
        PairCounts atDefault = null;
        for (double threshold : SWEEP) {
            PairCounts counts = PairCounts.of(truth, link(records, new RecordLinker(model, fitter.blocking(),
                    threshold)));
            System.out.printf(Locale.ROOT, "%s, threshold %.2f: %d true pairs (%.4f reach blocking), %d predicted,"
                            + " %d correct: precision %.4f, recall %.4f%n", label, threshold, counts.truePairs(),
                    (double) blockedTruePairs[0] / counts.truePairs(), counts.predictedPairs(), counts.correctPairs(),
                    counts.precision(), counts.recall());
            if (threshold == RecordLinker.DEFAULT_THRESHOLD) {
                atDefault = counts;
            }
        }
        return new Measurement(model, atDefault);
    }

    /** Each record joins the cluster of its best earlier match, or starts its own. */
    static int[] link(List<MatchRecord> records, RecordLinker linker) {
        Map<String, Integer> position = new HashMap<>();
        int[] parent = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            parent[i] = i;
            var link = linker.link(records.get(i));
            if (link.isPresent()) {
                parent[i] = root(parent, position.get(link.get().recordId()));
            }
            position.put(records.get(i).id(), i);
        }
        for (int i = 0; i < parent.length; i++) {
            parent[i] = root(parent, i);
        }
        return parent;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    /** Pairwise counts of two partitions of the same records: the truth and the predicted clusters. */
    record PairCounts(long truePairs, long predictedPairs, long correctPairs) {

        static PairCounts of(List<String> truth, int[] predicted) {
            Map<String, Long> byTruth = new HashMap<>();
            Map<Integer, Long> byCluster = new HashMap<>();
            Map<List<Object>, Long> byBoth = new HashMap<>();
            for (int i = 0; i < predicted.length; i++) {
                byTruth.merge(truth.get(i), 1L, Long::sum);
                byCluster.merge(predicted[i], 1L, Long::sum);
                byBoth.merge(List.of(truth.get(i), predicted[i]), 1L, Long::sum);
            }
            return new PairCounts(pairs(byTruth), pairs(byCluster), pairs(byBoth));
        }

        private static long pairs(Map<?, Long> sizes) {
            return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        }

        double precision() {
            return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
        }

        double recall() {
            return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
        }
    }
}
