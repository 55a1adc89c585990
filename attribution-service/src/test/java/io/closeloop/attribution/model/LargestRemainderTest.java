package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void exactSharesStayExact() {
        assertThat(LargestRemainder.allocate(125_000, new double[] {0.4, 0.2, 0.4}))
                .containsExactly(50_000, 25_000, 50_000);
        assertThat(LargestRemainder.allocate(125_000, new double[] {0, 0, 1})).containsExactly(0, 0, 125_000);
    }

    @Test
    void leftoverUnitsGoToTheLargestRemaindersAndTiesToTheLaterPosition() {
        // 10 * 1/6 = 1.67, 10 * 2/6 = 3.33, 10 * 3/6 = 5: floors 1, 3, 5; the unit left goes to 1.67.
        assertThat(LargestRemainder.allocate(10, new double[] {1, 2, 3})).containsExactly(2, 3, 5);
        assertThat(LargestRemainder.allocate(2, new double[] {1, 1, 1})).containsExactly(0, 1, 1);
        assertThat(LargestRemainder.allocate(1, new double[] {1, 0, 1, 0})).containsExactly(0, 0, 1, 0);
    }

    @Test
    void partsAlwaysAddUpToTheAmount() {
        Random random = new Random(42);
        for (int run = 0; run < 5_000; run++) {
            long amount = run % 10 == 0 ? Long.MAX_VALUE - random.nextInt(1000) : random.nextInt(1_000_000);
            double[] weights = new double[1 + random.nextInt(12)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
            }
            weights[random.nextInt(weights.length)] = 0.5;
            long[] parts = LargestRemainder.allocate(amount, weights);
            assertThat(Arrays.stream(parts).sum()).as("run %d", run).isEqualTo(amount);
            for (int i = 0; i < parts.length; i++) {
                assertThat(parts[i]).isNotNegative();
                if (weights[i] == 0) {
                    assertThat(parts[i]).isZero();
                }
            }
        }
    }

    @Test
    void weightsMustBeUsable() {
        assertThatThrownBy(() -> LargestRemainder.allocate(10, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.allocate(10, new double[] {-1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.allocate(10, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
