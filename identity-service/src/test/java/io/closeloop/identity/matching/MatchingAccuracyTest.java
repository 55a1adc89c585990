package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fits the weights by EM on unlabelled synthetic records, links every record to the best earlier one at
 * the default threshold, and scores the resulting clusters pairwise against the generator's truth.
 */
class MatchingAccuracyTest {

    private static final int PERSONS = 4000;

    @Test
    void linksNoisyRecordsWithHighPrecisionAndRecallAtTheDefaultThreshold() {
        List<SyntheticPeople.Raw> raw = new java.util.ArrayList<>(new SyntheticPeople(7L).generate(PERSONS));
        shuffle(raw, new SplittableRandom(11L));
        List<MatchRecord> records = raw.stream().map(r -> MatchFeatureNormalizer.normalize(r.id(), r.firstName(),
                r.lastName(), r.emailOrUrl(), r.postcode(), r.ip(), r.userAgentHash(), r.occurredAt())).toList();

        MatchModelFitter fitter = MatchModelFitter.withDefaults();
        MatchModel model = fitter.fit(records);
        System.out.print(model);

        int[] cluster = link(records, new RecordLinker(model, fitter.blocking(), RecordLinker.DEFAULT_THRESHOLD));
        PairCounts counts = PairCounts.of(raw.stream().map(SyntheticPeople.Raw::personId).toList(), cluster);
        long[] blocked = {0};
        fitter.blocking().forEachCandidatePair(records, (i, j, rules) -> {
            if (raw.get(i).personId().equals(raw.get(j).personId())) {
                blocked[0]++;
            }
        });
        System.out.printf(Locale.ROOT, "%d records of %d persons: %d true pairs, %d predicted, %d correct; "
                        + "precision %.4f, recall %.4f (true pairs reaching blocking: %.4f) at threshold %.2f%n",
                records.size(), PERSONS, counts.truePairs(), counts.predictedPairs(), counts.correctPairs(),
                counts.precision(), counts.recall(), (double) blocked[0] / counts.truePairs(),
                RecordLinker.DEFAULT_THRESHOLD);

        {
            var linker = new RecordLinker(model, fitter.blocking(), RecordLinker.DEFAULT_THRESHOLD);
            Map<String, String> truthOf = new HashMap<>();
            Map<String, MatchRecord> byId = new HashMap<>();
            raw.forEach(r -> truthOf.put(r.id(), r.personId()));
            records.forEach(r -> byId.put(r.id(), r));
            Map<String, Integer> fp = new java.util.TreeMap<>();
            for (MatchRecord r : records) {
                var l = linker.link(r);
                if (l.isPresent() && !truthOf.get(l.get().recordId()).equals(truthOf.get(r.id()))) {
                    fp.merge(java.util.Arrays.toString(model.score(r, byId.get(l.get().recordId())).levels()) + (truthOf.get(r.id()).replace("r","").equals(truthOf.get(l.get().recordId()).replace("r","")) ? " relative" : ""), 1, Integer::sum);
                }
            }
            fp.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25).forEach(e -> System.out.println("FP " + e));
        }
        assertThat(model.converged()).isTrue();
        assertThat(counts.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(counts.recall()).isGreaterThanOrEqualTo(0.85);
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
