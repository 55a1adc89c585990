package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.attribution.model.Touch.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Properties over thousands of seeded random journeys, for every model (rule-based and fitted). */
class ModelPropertiesTest {

    private static final Instant T = Instant.parse("2026-11-05T14:00:00Z");
    private static final String[] CHANNELS = {"direct", "paid_search", "email", "paid_social", "display", "organic",
            "affiliate", "sms"};
    private static final int JOURNEYS = 5_000;

    private final Attributor attributor = new Attributor(Duration.ofDays(90));

    @Test
    void creditsAlwaysAddUpExactlyAndAreNeverNegative() {
        Random random = new Random(20261105L);
        List<AttributionModel> models = allModels(random);
        for (int run = 0; run < JOURNEYS; run++) {
            List<Touch> touches = journey(random, 1 + random.nextInt(20));
            long value = switch (run % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(10);
                case 2 -> random.nextInt(10_000_000);
                default -> Long.MAX_VALUE / (1 + random.nextInt(1000));
            };
            Conversion conversion = new Conversion("c" + run, T, "completed", value, "EUR");
            for (AttributionModel model : models) {
                List<Credit> credits = attributor.attribute(model, conversion, touches);
                assertThat(credits).as("%s run %d", model.id(), run).isNotEmpty();
                assertThat(credits.stream().mapToLong(Credit::creditMinor).sum()).as("%s run %d", model.id(), run)
                        .isEqualTo(value);
                assertThat(credits).allSatisfy(credit -> {
                    assertThat(credit.creditMinor()).isNotNegative();
                    assertThat(credit.fractionalConversions()).isPositive();
                });
                assertThat(credits.stream().mapToDouble(Credit::fractionalConversions).sum())
                        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void aSingleTouchGetsEverythingUnderEveryModel() {
        Random random = new Random(7L);
        List<AttributionModel> models = allModels(random);
        for (int run = 0; run < JOURNEYS; run++) {
            List<Touch> touches = journey(random, 1);
            long value = random.nextInt(1_000_000);
            Conversion conversion = new Conversion("c" + run, T, "completed", value, "EUR");
            for (AttributionModel model : models) {
                assertThat(attributor.attribute(model, conversion, touches)).as(model.id())
                        .containsExactly(new Credit(touches.get(0), value, 1.0));
            }
        }
    }

    @Test
    void linearAndTheChannelWeightModelsDoNotDependOnTouchOrder() {
        Random random = new Random(99L);
        List<AttributionModel> orderFree = new ArrayList<>(List.of(new LinearModel(1)));
        for (AttributionModel model : allModels(random)) {
            if (model instanceof ChannelWeightsModel) {
                orderFree.add(model);
            }
        }
        assertThat(orderFree).hasSize(5);
        for (int run = 0; run < JOURNEYS; run++) {
            List<Touch> path = journey(random, 1 + random.nextInt(20));
            List<Integer> permutation = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) {
                permutation.add(i);
            }
            Collections.shuffle(permutation, random);
            List<Touch> shuffled = new ArrayList<>();
            for (int i : permutation) {
                shuffled.add(path.get(i));
            }
            for (AttributionModel model : orderFree) {
                double[] weights = model.weights(path, T);
                double[] shuffledWeights = model.weights(shuffled, T);
                for (int i = 0; i < path.size(); i++) {
                    assertThat(shuffledWeights[i]).as(model.id()).isEqualTo(weights[permutation.get(i)]);
                }
            }
            // linear credits differ by at most one unit between touches, whatever their order
            long value = random.nextInt(1_000_000);
            List<Credit> credits = attributor.attribute(new LinearModel(1),
                    new Conversion("c", T, "completed", value, "EUR"), shuffled);
            long floor = value / path.size();
            assertThat(credits).allSatisfy(c -> assertThat(c.creditMinor()).isBetween(floor, floor + 1));
        }
    }

    @Test
    void theInputOrderOfTouchesNeverMatters() {
        Random random = new Random(5L);
        List<AttributionModel> models = allModels(random);
        for (int run = 0; run < 1_000; run++) {
            List<Touch> touches = journey(random, 1 + random.nextInt(12));
            List<Touch> shuffled = new ArrayList<>(touches);
            Collections.shuffle(shuffled, random);
            Conversion conversion = new Conversion("c", T, "completed", random.nextInt(1_000_000), "EUR");
            for (AttributionModel model : models) {
                assertThat(attributor.attribute(model, conversion, shuffled))
                        .isEqualTo(attributor.attribute(model, conversion, touches));
            }
        }
    }

    /** Rule-based models with defaults and other parameters, plus Markov orders 1-3 and Shapley fitted on random paths. */
    static List<AttributionModel> allModels(Random random) {
        List<AttributionModel> models = new ArrayList<>(RuleBasedModels.defaults(1));
        models.add(new TimeDecayModel(2, Duration.ofHours(3)));
        models.add(new PositionBasedModel(2, 0.3, 0.4, 0.3));
        models.add(new WShapedModel(2, 0.25, 0.25, 0.25, 0.25));
        List<MarkovStatistics> markov = List.of(new MarkovStatistics(1), new MarkovStatistics(2),
                new MarkovStatistics(3));
        ShapleyStatistics shapley = new ShapleyStatistics();
        for (int i = 0; i < 2_000; i++) {
            List<String> channels = new ArrayList<>();
            int length = 1 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                // "sms" never appears in the fits: the models must still credit journeys that contain it
                channels.add(CHANNELS[random.nextInt(CHANNELS.length - 1)]);
            }
            PathRecord record = new PathRecord(channels, random.nextInt(3), random.nextInt(1000), random.nextInt(5));
            markov.forEach(m -> m.add(record));
            shapley.add(record);
        }
        markov.forEach(m -> models.add(m.fit().model(1)));
        models.add(shapley.fit().model(1));
        return models;
    }

    /** Random eligible touches within the last 60 days, some at the same instant, some with milestones. */
    static List<Touch> journey(Random random, int length) {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Instant at = random.nextInt(5) == 0 && !touches.isEmpty() ? touches.get(touches.size() - 1).at()
                    : T.minus(Duration.ofSeconds(1 + random.nextInt(60 * 24 * 3600)));
            Set<Milestone> milestones = EnumSet.noneOf(Milestone.class);
            if (random.nextInt(6) == 0) {
                milestones.add(Milestone.LEAD_CREATED);
            }
            if (random.nextInt(8) == 0) {
                milestones.add(Milestone.OPPORTUNITY_CREATED);
            }
            touches.add(new Touch(new UUID(random.nextLong(), random.nextLong()), at,
                    CHANNELS[random.nextInt(CHANNELS.length)], null, null, null, true, milestones));
        }
        return touches;
    }

}
