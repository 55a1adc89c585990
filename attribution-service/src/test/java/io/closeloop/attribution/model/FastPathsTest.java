package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shortcuts taken for speed give exactly the results of the straightforward computations. */
class FastPathsTest {

    @Test
    void equalWeightsGiveWhatTheDecimalComputationGives() {
        Random random = new Random(1);
        for (int run = 0; run < 20_000; run++) {
            long amount = switch (run % 3) {
                case 0 -> random.nextInt(100);
                case 1 -> random.nextInt(1_000_000_000);
                default -> Long.MAX_VALUE - random.nextInt(1_000_000);
            };
            double[] weights = new double[1 + random.nextInt(30)];
            double weight = random.nextBoolean() ? 1.0 : random.nextDouble() + Double.MIN_VALUE;
            int positive = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextInt(3) == 0 ? 0 : weight;
                positive += weights[i] > 0 ? 1 : 0;
            }
            if (positive == 0) {
                weights[random.nextInt(weights.length)] = weight;
                positive = 1;
            }
            assertThat(LargestRemainder.allocate(amount, weights)).as("run %d", run)
                    .containsExactly(LargestRemainder.allocateDecimal(amount, weights));
        }
    }

    @Test
    void journeyOrderComparesIdsAsTheirCanonicalText() {
        Random random = new Random(2);
        for (int run = 0; run < 100_000; run++) {
            UUID a = new UUID(random.nextLong(), random.nextLong());
            UUID b = random.nextInt(4) == 0 ? new UUID(a.getMostSignificantBits(), random.nextLong())
                    : new UUID(random.nextLong(), random.nextLong());
            assertThat(Integer.signum(Touch.compareAsText(a, b)))
                    .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        }
    }

    @Test
    void attributeAllEqualsAttributeModelByModel() {
        Random random = new Random(3);
        Attributor attributor = new Attributor(Duration.ofDays(30));
        List<AttributionModel> models = ModelPropertiesTest.allModels(random);
        Instant t = Instant.parse("2026-11-05T14:00:00Z");
        for (int run = 0; run < 2_000; run++) {
            List<Touch> touches = new ArrayList<>(ModelPropertiesTest.journey(random, random.nextInt(15)));
            Collections.shuffle(touches, random);
            String status = run % 50 == 0 ? "cancelled" : "completed";
            Conversion conversion = new Conversion("c", t, status, random.nextInt(1_000_000), "EUR");
            List<List<Credit>> all = attributor.attributeAll(models, conversion, touches);
            for (int m = 0; m < models.size(); m++) {
                assertThat(all.get(m)).isEqualTo(attributor.attribute(models.get(m), conversion, touches));
            }
        }
    }
}
