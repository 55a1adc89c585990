package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkovFitTest {

    /*
     * The hand-solved example:
     *   a > b ; 1 conversion, 0 null
     *   a     ; 0 conversions, 1 null
     *   b     ; 1 conversion, 1 null
     */
    private static final String FILE = """
            path;total_conversions;total_conversion_value;total_null
            a > b;1;100.0;0
            a;0;0;1
            b;1;50.5;1
            """;

    @Test
    void orderOneIsSolvedExactly() {
        // Counts: start→a 2, start→b 2; a→b 1, a→null 1; b→conv 2, b→null 1.
        // P(conv|b) = 2/3; P(conv|a) = 1/2 · 2/3 = 1/3; P(conv|start) = 1/2 · 1/3 + 1/2 · 2/3 = 1/2.
        // Without a (start→a goes to null): 1/2 · 2/3 = 1/3 → removal effect 1 − (1/3)/(1/2) = 1/3.
        // Without b: a can only reach null, start too → 0 → removal effect 1.
        // Weights: (1/3) / (4/3) = 1/4 and 1 / (4/3) = 3/4.
        MarkovFit fit = statistics(1).fit();

        assertThat(fit.states()).isEqualTo(3);
        assertThat(fit.conversionProbability()).isCloseTo(0.5, within(1e-15));
        assertThat(fit.removalEffects().get("a")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(fit.removalEffects().get("b")).isCloseTo(1.0, within(1e-15));
        assertThat(fit.weights().get("a")).isCloseTo(0.25, within(1e-15));
        assertThat(fit.weights().get("b")).isCloseTo(0.75, within(1e-15));
        assertThat(fit.weights().keySet()).containsExactly("a", "b");
        // 2 conversions, value 150.5: a gets 0.5 conversions and 37.625, b 1.5 and 112.875.
        assertThat(fit.attributedConversions().get("a")).isCloseTo(0.5, within(1e-12));
        assertThat(fit.attributedValue().get("b")).isCloseTo(112.875, within(1e-12));
    }

    @Test
    void orderTwoUsesTheLastTwoChannelsAsState() {
        // States (a), (b), (a,b). start→(a) 2, start→(b) 2; (a)→(a,b) 1, (a)→null 1; (a,b)→conv 1;
        // (b)→conv 1, (b)→null 1.
        // P(conv|(a,b)) = 1, P(conv|(a)) = 1/2, P(conv|(b)) = 1/2, P(conv|start) = 1/2.
        // Without a ((a) and (a,b) removed): 1/2 · 1/2 = 1/4 → removal effect 1/2.
        // Without b ((b) and (a,b) removed): (a) only reaches null → 0 → removal effect 1.
        // Weights 1/2 / (3/2) = 1/3 and 2/3.
        MarkovFit fit = statistics(2).fit();

        assertThat(fit.states()).isEqualTo(4);
        assertThat(fit.conversionProbability()).isCloseTo(0.5, within(1e-15));
        assertThat(fit.removalEffects().get("a")).isCloseTo(0.5, within(1e-15));
        assertThat(fit.removalEffects().get("b")).isCloseTo(1.0, within(1e-15));
        assertThat(fit.weights().get("a")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(fit.weights().get("b")).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void loopsAndSelfLoopsAreSolvedExactly() {
        // a > a > b ; 1 conv.   b > a ; 1 null.
        // Order 1 counts: start→a 1, start→b 1; a→a 1, a→b 1, a→null 1; b→conv 1, b→a 1.
        // x_a = 1/3 x_a + 1/3 x_b, x_b = 1/2 + 1/2 x_a → x_a = x_b / 2 → x_b = 1/2 + x_b / 4 → x_b = 2/3, x_a = 1/3.
        // P(start) = 1/2 (1/3 + 2/3) = 1/2. Without a: x_b = 1/2 → P = 1/4 → RE 1/2. Without b: x_a only
        // reaches null → 0 → RE 1. Weights 1/3, 2/3.
        MarkovStatistics stats = new MarkovStatistics(1).add(List.of("a", "a", "b"), 1, 0, 0)
                .add(List.of("b", "a"), 0, 0, 1);
        MarkovFit fit = stats.fit();
        assertThat(fit.conversionProbability()).isCloseTo(0.5, within(1e-15));
        assertThat(fit.weights().get("a")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(fit.weights().get("b")).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void theFileFormatRoundTrips() {
        List<PathRecord> records = AggregatedPaths.read(new StringReader(FILE));
        assertThat(records).containsExactly(new PathRecord(List.of("a", "b"), 1, 100.0, 0),
                new PathRecord(List.of("a"), 0, 0, 1), new PathRecord(List.of("b"), 1, 50.5, 1));
        StringWriter out = new StringWriter();
        AggregatedPaths.write(out, records);
        assertThat(AggregatedPaths.read(new StringReader(out.toString()))).isEqualTo(records);
        assertThat(AggregatedPaths.read(new StringReader(AggregatedPaths.HEADER + "\nx;2.0;1;3.0\n")))
                .containsExactly(new PathRecord(List.of("x"), 2, 1, 3));
        assertThatThrownBy(() -> AggregatedPaths.read(new StringReader("p;c;v;n\na;1;1;1\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregatedPaths.read(new StringReader(AggregatedPaths.HEADER + "\na;1.5;1;1\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoInstancesStatisticsMergeIntoExactlyTheFitOfOneInstanceOverAllData() {
        for (int order = 1; order <= 3; order++) {
            List<PathRecord> records = randomRecords(new Random(order), 3_000, 9);
            MarkovStatistics all = new MarkovStatistics(order);
            records.forEach(all::add);
            // instance 1 counts every other record in reverse order, instance 2 the rest; merged both ways
            MarkovStatistics first = new MarkovStatistics(order);
            MarkovStatistics second = new MarkovStatistics(order);
            for (int i = records.size() - 1; i >= 0; i--) {
                (i % 2 == 0 ? first : second).add(records.get(i));
            }
            MarkovStatistics secondCopy = new MarkovStatistics(order).merge(second);
            MarkovFit merged = first.merge(second).fit();
            MarkovFit mergedOtherWay = secondCopy.merge(evenRecords(records, order)).fit();
            MarkovFit single = all.fit();

            assertThat(merged.weights()).as("order %d", order).isEqualTo(single.weights());
            assertThat(merged.removalEffects()).isEqualTo(single.removalEffects());
            assertThat(merged.conversionProbability()).isEqualTo(single.conversionProbability());
            assertThat(mergedOtherWay.weights()).isEqualTo(single.weights());
            assertThat(first.conversions()).isEqualTo(all.conversions());
            assertThat(first.journeys()).isEqualTo(all.journeys());
        }
    }

    @Test
    void fitsAreDeterministicAndIndependentOfTheOrderJourneysArrive() {
        List<PathRecord> records = randomRecords(new Random(11), 2_000, 8);
        List<PathRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(12));
        for (int order = 1; order <= 3; order++) {
            MarkovStatistics a = new MarkovStatistics(order);
            MarkovStatistics b = new MarkovStatistics(order);
            records.forEach(a::add);
            shuffled.forEach(b::add);
            assertThat(a.fit().weights()).isEqualTo(b.fit().weights());
            assertThat(a.fit().weights()).isEqualTo(a.fit().weights());
        }
    }

    @Test
    void theDenseSolveAndTheBracketedIterationAgree() {
        for (int order = 1; order <= 3; order++) {
            MarkovStatistics stats = new MarkovStatistics(order);
            randomRecords(new Random(40 + order), 5_000, 7).forEach(stats::add);
            AbsorbingChain chain = MarkovFit.chain(stats);
            boolean[] removeNone = new boolean[chain.size()];
            assertThat(chain.conversionProbabilityBracketed(removeNone))
                    .isCloseTo(chain.conversionProbabilityDense(removeNone), within(1e-11));
            Random random = new Random(order);
            for (int trial = 0; trial < 5; trial++) {
                boolean[] removed = new boolean[chain.size()];
                for (int s = 1; s < removed.length; s++) {
                    removed[s] = random.nextInt(4) == 0;
                }
                assertThat(chain.conversionProbabilityBracketed(removed))
                        .isCloseTo(chain.conversionProbabilityDense(removed), within(1e-11));
            }
        }
    }

    @Test
    void removalEffectsAreNonNegativeAndWeightsAddUpToOne() {
        for (int order = 1; order <= 3; order++) {
            MarkovStatistics stats = new MarkovStatistics(order);
            randomRecords(new Random(77 + order), 4_000, 12).forEach(stats::add);
            MarkovFit fit = stats.fit();
            assertThat(fit.order()).isEqualTo(order);
            assertThat(fit.removalEffects().values()).allSatisfy(re -> assertThat(re).isBetween(0.0, 1.0));
            assertThat(fit.weights().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void withoutConversionsEveryWeightIsZeroAndTheModelFallsBackToEqualWeights() {
        MarkovFit fit = new MarkovStatistics(1).add(List.of("a", "b"), 0, 0, 5).fit();
        assertThat(fit.weights()).containsEntry("a", 0.0).containsEntry("b", 0.0);
        ChannelWeightsModel model = fit.model(4);
        assertThat(model.id()).isEqualTo("markov_order_1");
        assertThat(model.configVersion()).isEqualTo(4);
        Instant t = Instant.parse("2026-11-05T14:00:00Z");
        assertThat(model.weights(RuleBasedModelsTest.path("a", "b", "c"), t)).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void theFittedModelGivesEachChannelItsWeightSharedByItsTouches() {
        // weights a = 1/4, b = 3/4: path a > b > a: a's two touches share 1/4 → 1/8 each; b 3/4.
        ChannelWeightsModel model = statistics(1).fit().model(1);
        double[] weights = model.weights(RuleBasedModelsTest.path("a", "b", "a"),
                Instant.parse("2026-11-05T14:00:00Z"));
        assertThat(weights[0]).isCloseTo(0.125, within(1e-15));
        assertThat(weights[1]).isCloseTo(0.75, within(1e-15));
        assertThat(weights[2]).isCloseTo(0.125, within(1e-15));
        // an unseen channel weighs 0 next to seen ones
        double[] unseen = model.weights(RuleBasedModelsTest.path("zz", "b"), Instant.parse("2026-11-05T14:00:00Z"));
        assertThat(unseen[0]).isZero();
        assertThat(unseen[1]).isCloseTo(0.75, within(1e-15));
        assertThatThrownBy(() -> new MarkovStatistics(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkovStatistics(1).merge(new MarkovStatistics(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MarkovStatistics statistics(int order) {
        MarkovStatistics stats = new MarkovStatistics(order);
        AggregatedPaths.read(new StringReader(FILE), stats::add);
        return stats;
    }

    private static MarkovStatistics evenRecords(List<PathRecord> records, int order) {
        MarkovStatistics stats = new MarkovStatistics(order);
        for (int i = 0; i < records.size(); i += 2) {
            stats.add(records.get(i));
        }
        return stats;
    }

    static List<PathRecord> randomRecords(Random random, int count, int channels) {
        List<PathRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 1 + random.nextInt(7);
            String[] path = new String[length];
            for (int j = 0; j < length; j++) {
                path[j] = j > 0 && random.nextInt(3) == 0 ? path[j - 1]
                        : "ch" + Math.min(random.nextInt(channels), random.nextInt(channels));
            }
            long conversions = random.nextInt(4) == 0 ? random.nextInt(5) : 0;
            records.add(new PathRecord(Arrays.asList(path), conversions, conversions * 12.5, random.nextInt(20)));
        }
        return records;
    }
}
