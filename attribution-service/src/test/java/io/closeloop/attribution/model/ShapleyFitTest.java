package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.closeloop.attribution.model.ShapleyFit.CoalitionValue;
import io.closeloop.attribution.model.ShapleyFit.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapleyFitTest {

    /*
     * Hand-solved: channel sets {a}: 2 conversions, 2 nulls; {b}: 1 conversion, 3 nulls; {a,b}: 3 conversions,
     * 1 null (the {a,b} journeys are written in both orders: sets ignore order and repeats).
     */
    private static ShapleyStatistics handExample() {
        return new ShapleyStatistics().add(List.of("a"), 2, 20, 2).add(List.of("b", "b"), 1, 10, 3)
                .add(List.of("a", "b"), 2, 20, 0).add(List.of("b", "a", "b"), 1, 10, 1);
    }

    @Test
    void conversionsOverSubsetsIsSolvedExactly() {
        // v(∅)=0, v({a}) = 2, v({b}) = 1, v({a,b}) = 2 + 1 + 3 = 6 (journeys whose set is a subset).
        // φ_a = 1/2·(v(a) − v(∅)) + 1/2·(v(ab) − v(b)) = 1/2·2 + 1/2·5 = 3.5
        // φ_b = 1/2·(v(b) − v(∅)) + 1/2·(v(ab) − v(a)) = 1/2·1 + 1/2·4 = 2.5; sum 6 = v(N).
        // weights 3.5/6 = 7/12, 2.5/6 = 5/12.
        ShapleyFit fit = handExample().fit();
        assertThat(fit.exact()).isTrue();
        assertThat(fit.values().get("a")).isCloseTo(3.5, within(1e-12));
        assertThat(fit.values().get("b")).isCloseTo(2.5, within(1e-12));
        assertThat(fit.weights().get("a")).isCloseTo(7.0 / 12, within(1e-12));
        assertThat(fit.weights().get("b")).isCloseTo(5.0 / 12, within(1e-12));
        // conversion value: the same game scaled by 10 → the same weights.
        ShapleyFit byValue = handExample().fit(ShapleyFit.Options.DEFAULT.with(CoalitionValue.CONVERSION_VALUE));
        assertThat(byValue.values().get("a")).isCloseTo(35, within(1e-9));
        assertThat(byValue.weights().get("b")).isCloseTo(5.0 / 12, within(1e-12));
    }

    @Test
    void conversionRateCountsNonConvertingJourneysAgainstAChannel() {
        // v({a}) = 2/(2+2) = 0.5, v({b}) = 1/(1+3) = 0.25, v({a,b}) = 6/(6+6) = 0.5.
        // φ_a = 1/2·0.5 + 1/2·(0.5 − 0.25) = 0.375; φ_b = 1/2·0.25 + 1/2·(0.5 − 0.5) = 0.125; sum 0.5 = v(N).
        // weights 0.75 / 0.25.
        ShapleyFit fit = handExample().fit(ShapleyFit.Options.DEFAULT.with(CoalitionValue.CONVERSION_RATE));
        assertThat(fit.values().get("a")).isCloseTo(0.375, within(1e-12));
        assertThat(fit.values().get("b")).isCloseTo(0.125, within(1e-12));
        assertThat(fit.weights().get("a")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aNegativeShapleyValueGetsWeightZero() {
        // {a}: 1 conversion, 0 null; {b}: 0 conversions, 9 nulls; {a,b}: 0 conversions, 10 nulls.
        // v(a) = 1, v(b) = 0, v(ab) = 1/20 = 0.05. φ_a = 1/2·1 + 1/2·0.05 = 0.525; φ_b = 1/2·0 + 1/2·(0.05 − 1)
        // = −0.475. Weights: a 1, b 0 (never negative credit).
        ShapleyStatistics stats = new ShapleyStatistics().add(List.of("a"), 1, 0, 0).add(List.of("b"), 0, 0, 9)
                .add(List.of("a", "b"), 0, 0, 10);
        ShapleyFit fit = stats.fit(ShapleyFit.Options.DEFAULT.with(CoalitionValue.CONVERSION_RATE));
        assertThat(fit.values().get("b")).isCloseTo(-0.475, within(1e-12));
        assertThat(fit.weights()).containsEntry("a", 1.0).containsEntry("b", 0.0);
    }

    @Test
    void exactConversionsMatchTheClosedFormOfTheSimplifiedShapley() {
        // v(S) = Σ_{T ⊆ S} conv(T) is a sum of unanimity games, so φ_c = Σ_{T ∋ c} conv(T) / |T| exactly.
        Random random = new Random(3);
        ShapleyStatistics stats = new ShapleyStatistics();
        Map<String, Double> closedForm = new HashMap<>();
        for (PathRecord record : MarkovFitTest.randomRecords(random, 5_000, 14)) {
            stats.add(record);
            List<String> set = record.channels().stream().distinct().toList();
            for (String channel : set) {
                closedForm.merge(channel, (double) record.conversions() / set.size(), Double::sum);
            }
        }
        ShapleyFit fit = stats.fit();
        assertThat(fit.values()).hasSize(14);
        fit.values().forEach((channel, value) ->
                assertThat(value).as(channel).isCloseTo(closedForm.get(channel), within(1e-9)));
    }

    @Test
    void theMonteCarloApproximationAt15ChannelsStaysWithinItsStatedBound() {
        List<PathRecord> records = MarkovFitTest.randomRecords(new Random(15), 20_000, 15);
        ShapleyStatistics stats = new ShapleyStatistics();
        records.forEach(stats::add);
        assertThat(stats.channels()).hasSize(15);
        for (CoalitionValue value : CoalitionValue.values()) {
            ShapleyFit.Options options = new ShapleyFit.Options(value, Method.MONTE_CARLO, 0.01, 0.001, 2026L);
            ShapleyFit exact = stats.fit(options.with(Method.EXACT));
            ShapleyFit approximate = stats.fit(options);
            assertThat(exact.exact()).isTrue();
            assertThat(approximate.exact()).isFalse();
            // m = ceil(ln(2·15/0.001) / (2·0.01²)) = ceil(10.30895 / 0.0002) = ceil(51544.8) = 51545
            assertThat(approximate.permutations()).isEqualTo(51_545);
            double bound = approximate.errorBound();
            assertThat(bound).isPositive();
            exact.values().forEach((channel, phi) ->
                    assertThat(approximate.values().get(channel)).as("%s %s", value, channel)
                            .isCloseTo(phi, within(bound)));
            if (value != CoalitionValue.CONVERSION_RATE) {
                // every permutation's contributions add up to v(N): the weights are within ε = 0.01
                exact.weights().forEach((channel, weight) ->
                        assertThat(approximate.weights().get(channel)).isCloseTo(weight, within(0.01)));
            }
        }
    }

    @Test
    void beyondTwentyChannelsTheApproximationIsUsedAndReproducible() {
        List<PathRecord> records = MarkovFitTest.randomRecords(new Random(25), 3_000, 24);
        ShapleyStatistics stats = new ShapleyStatistics();
        records.forEach(stats::add);
        ShapleyFit.Options options = new ShapleyFit.Options(CoalitionValue.CONVERSIONS, Method.AUTO, 0.02, 0.01, 9L);
        ShapleyFit fit = stats.fit(options);
        assertThat(fit.exact()).isFalse();
        assertThat(fit.values()).hasSize(24);
        assertThat(stats.fit(options).values()).isEqualTo(fit.values());
        // closed form check within the bound
        Map<String, Double> closedForm = new HashMap<>();
        for (PathRecord record : records) {
            List<String> set = record.channels().stream().distinct().toList();
            for (String channel : set) {
                closedForm.merge(channel, (double) record.conversions() / set.size(), Double::sum);
            }
        }
        fit.values().forEach((channel, value) ->
                assertThat(value).isCloseTo(closedForm.getOrDefault(channel, 0.0), within(fit.errorBound())));
    }

    @Test
    void twoInstancesStatisticsMergeIntoTheFitOfOneInstance() {
        List<PathRecord> records = MarkovFitTest.randomRecords(new Random(8), 4_000, 12);
        ShapleyStatistics all = new ShapleyStatistics();
        ShapleyStatistics first = new ShapleyStatistics();
        ShapleyStatistics second = new ShapleyStatistics();
        List<PathRecord> reversed = new ArrayList<>(records);
        java.util.Collections.reverse(reversed);
        records.forEach(all::add);
        for (int i = 0; i < reversed.size(); i++) {
            (i % 3 == 0 ? first : second).add(reversed.get(i));
        }
        for (CoalitionValue value : List.of(CoalitionValue.CONVERSIONS, CoalitionValue.CONVERSION_RATE)) {
            ShapleyFit.Options options = ShapleyFit.Options.DEFAULT.with(value);
            ShapleyFit merged = new ShapleyStatistics().merge(second).merge(first).fit(options);
            assertThat(merged.values()).isEqualTo(all.fit(options).values());
        }
        assertThat(new ShapleyStatistics().merge(first).merge(second).setCount()).isEqualTo(all.setCount());
    }

    @Test
    void theFittedShapleyModelCreditsAHandCheckableJourney() {
        // The hand example's weights a = 7/12, b = 5/12. Journey a > b > a worth 1200: channel a gets
        // 1200 · 7/12 = 700, shared by its two touches (350 each); b gets 1200 · 5/12 = 500. The order of the
        // touches does not matter: b > a > a gives the same per-channel credit.
        AttributionModel shapley = handExample().fit().model(1);
        java.time.Instant t = java.time.Instant.parse("2026-11-05T14:00:00Z");
        List<Touch> path = RuleBasedModelsTest.path("a", "b", "a");
        Conversion conversion = new Conversion("c", t, "completed", 1_200, "EUR");
        List<Credit> credits = new Attributor(java.time.Duration.ofDays(90)).attribute(shapley, conversion, path);
        assertThat(path.stream().map(touch -> credits.stream().filter(c -> c.touch() == touch)
                .mapToLong(Credit::creditMinor).sum()).toList()).containsExactly(350L, 500L, 350L);
    }
}
