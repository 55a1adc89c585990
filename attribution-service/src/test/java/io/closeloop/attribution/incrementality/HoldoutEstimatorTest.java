package io.closeloop.attribution.incrementality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoldoutEstimatorTest {

    private final HoldoutEstimator estimator = new HoldoutEstimator();

    /*
     * Golden experiment: exposed 1000 persons, 60 convert (6 %); control 1000 persons, 40 convert (4 %); every
     * converter spends 5000 minor units. z(0.975) = 1.959963984540054.
     * Wilson: exposed [0.046896473, 0.076471075], control [0.029510974, 0.054009644].
     * Newcombe: d = 0.02; lower = 0.02 − √((0.06−0.046896473)² + (0.054009644−0.04)²) = 0.000817389,
     *           upper = 0.02 + √((0.076471075−0.06)² + (0.04−0.029510974)²) = 0.039527314.
     * Incremental conversions = 60 − 40 · 1000/1000 = 20, interval × 1000 = [0.817389, 39.527314].
     * Lift = 0.06/0.04 − 1 = 0.5; se(ln RR) = √(1/60 − 1/1000 + 1/40 − 1/1000) = 0.199164923;
     *           exp(ln 1.5 ∓ 1.959964 · 0.199165) − 1 = [0.015223750, 1.216260209].
     * Revenue per person: 300 vs 200, difference 100; variances (n−1): 60·5000²·(1 − 60/1000)/999
     *           = 1411411.411, 40·5000²·(1 − 40/1000)/999 = 960960.961; se = √(1411.411 + 960.961) = 48.707005;
     *           Welch df = 1928.4748, t(0.975, df) = 1.961194872 → [4.476071, 195.523929].
     * Incremental revenue = 300000 − 200000 = 100000 minor units, interval × 1000 = [4476.07, 195523.93].
     */
    @Test
    void goldenExperimentGivesTheHandComputedNumbers() {
        HoldoutEstimate estimate = estimator.estimate(arm(1000, 60, 5000), arm(1000, 40, 5000));
        assertThat(estimate.level()).isEqualTo(0.95);
        assertThat(estimate.rateDifference()).isCloseTo(0.02, within(1e-12));
        assertThat(estimate.rateDifferenceInterval().lower()).isCloseTo(0.0008173892095758896, within(1e-9));
        assertThat(estimate.rateDifferenceInterval().upper()).isCloseTo(0.03952731363525781, within(1e-9));
        assertThat(estimate.incrementalConversions()).isCloseTo(20, within(1e-9));
        assertThat(estimate.incrementalConversionsInterval().lower()).isCloseTo(0.8173892095758896, within(1e-6));
        assertThat(estimate.incrementalConversionsInterval().upper()).isCloseTo(39.52731363525781, within(1e-6));
        assertThat(estimate.relativeLift()).isCloseTo(0.5, within(1e-12));
        assertThat(estimate.relativeLiftInterval().lower()).isCloseTo(0.015223749937738784, within(1e-9));
        assertThat(estimate.relativeLiftInterval().upper()).isCloseTo(1.216260208784504, within(1e-9));
        assertThat(estimate.revenuePerPersonDifference()).isCloseTo(100, within(1e-9));
        assertThat(estimate.revenuePerPersonDifferenceInterval().lower()).isCloseTo(4.476070830854354, within(1e-6));
        assertThat(estimate.revenuePerPersonDifferenceInterval().upper()).isCloseTo(195.52392916914565, within(1e-6));
        assertThat(estimate.incrementalRevenueMinor()).isCloseTo(100_000, within(1e-6));
        assertThat(estimate.incrementalRevenueInterval().lower()).isCloseTo(4476.070830854354, within(1e-3));
    }

    @Test
    void quantilesMatchTheTables() {
        // Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.001) = −3.090232306167813, Φ⁻¹(0.9) = 1.2815515655446004;
        // t(0.975; 10) = 2.228138851986274, t(0.975; 3.5) = 2.9400886379827282, t(0.9; 1e6) = 1.281552412129939.
        assertThat(Quantiles.normal(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Quantiles.normal(0.001)).isCloseTo(-3.090232306167813, within(1e-12));
        assertThat(Quantiles.normal(0.9)).isCloseTo(1.2815515655446004, within(1e-12));
        assertThat(Quantiles.studentT(0.975, 10)).isCloseTo(2.228138851986274, within(1e-10));
        assertThat(Quantiles.studentT(0.975, 3.5)).isCloseTo(2.9400886379827282, within(1e-10));
        assertThat(Quantiles.studentT(0.9, 1e6)).isCloseTo(1.281552412129939, within(1e-9));
        assertThat(Quantiles.studentT(0.025, 10)).isCloseTo(-2.228138851986274, within(1e-10));
    }

    @Test
    void aLowerLevelGivesANarrowerInterval() {
        HoldoutEstimate at90 = new HoldoutEstimator(0.90).estimate(arm(1000, 60, 5000), arm(1000, 40, 5000));
        HoldoutEstimate at95 = estimator.estimate(arm(1000, 60, 5000), arm(1000, 40, 5000));
        assertThat(at90.relativeLiftInterval().lower()).isGreaterThan(at95.relativeLiftInterval().lower());
        assertThat(at90.relativeLiftInterval().upper()).isLessThan(at95.relativeLiftInterval().upper());
        assertThat(at90.level()).isEqualTo(0.90);
    }

    @Test
    void withoutControlConversionsTheLiftIsUndefinedButTheDifferenceIsNot() {
        HoldoutEstimate estimate = estimator.estimate(arm(100, 5, 1000), arm(100, 0, 0));
        assertThat(estimate.relativeLift()).isNull();
        assertThat(estimate.relativeLiftInterval()).isNull();
        assertThat(estimate.incrementalConversions()).isCloseTo(5, within(1e-12));
        assertThat(estimate.rateDifferenceInterval().lower()).isPositive();
        assertThat(estimate.incrementalRevenueMinor()).isCloseTo(5000, within(1e-9));
        assertThatThrownBy(() -> estimator.estimate(arm(1, 0, 0), arm(100, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlScalesToTheExposedSize() {
        // exposed 2000 persons, 120 convert; control 500, 20 convert: 120 − 20 · 2000/500 = 40 incremental.
        HoldoutEstimate estimate = estimator.estimate(arm(2000, 120, 100), arm(500, 20, 100));
        assertThat(estimate.incrementalConversions()).isCloseTo(40, within(1e-9));
        // revenue 12000 − 2000 · 2000/500 = 4000 minor units.
        assertThat(estimate.incrementalRevenueMinor()).isCloseTo(4000, within(1e-9));
        assertThat(estimate.relativeLift()).isCloseTo(0.5, within(1e-12));
    }

    /*
     * Simulated experiments with a known truth: conversion probability 10 % exposed, 8 % control (true lift
     * 0.25, true rate difference 0.02), revenue per converter uniform on [1000, 9000] (mean 5000), so the
     * true revenue difference per person is 0.02 · 5000 = 100. 5000 persons per arm.
     */
    @Test
    void onASeededExperimentTheIntervalsCoverTheTruthAndOverManySeedsCoverageIsNominal() {
        HoldoutEstimate one = simulate(new Random(20261123L));
        assertThat(one.relativeLiftInterval().contains(0.25)).isTrue();
        assertThat(one.rateDifferenceInterval().contains(0.02)).isTrue();
        assertThat(one.revenuePerPersonDifferenceInterval().contains(100)).isTrue();

        int runs = 1000;
        int lift = 0;
        int difference = 0;
        int revenue = 0;
        Random random = new Random(42L);
        for (int run = 0; run < runs; run++) {
            HoldoutEstimate estimate = simulate(random);
            lift += estimate.relativeLiftInterval().contains(0.25) ? 1 : 0;
            difference += estimate.rateDifferenceInterval().contains(0.02) ? 1 : 0;
            revenue += estimate.revenuePerPersonDifferenceInterval().contains(100) ? 1 : 0;
        }
        // Coverage of 1000 runs at 95 % has a standard deviation of 0.7 %: 93–97 % is within ±2.9 sd.
        assertThat(lift / (double) runs).isBetween(0.93, 0.97);
        assertThat(difference / (double) runs).isBetween(0.93, 0.97);
        assertThat(revenue / (double) runs).isBetween(0.93, 0.97);
    }

    private HoldoutEstimate simulate(Random random) {
        return estimator.estimate(simulatedArm(random, 5000, 0.10), simulatedArm(random, 5000, 0.08));
    }

    private static Arm simulatedArm(Random random, int persons, double rate) {
        long[] revenues = new long[persons];
        int converting = 0;
        for (int i = 0; i < persons; i++) {
            if (random.nextDouble() < rate) {
                revenues[converting++] = 1000 + random.nextInt(8001);
            }
        }
        return Arm.of(persons, Arrays.copyOf(revenues, converting));
    }

    private static Arm arm(long persons, int converting, long revenueEach) {
        long[] revenues = new long[converting];
        Arrays.fill(revenues, revenueEach);
        return Arm.of(persons, revenues);
    }
}
