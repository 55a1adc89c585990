package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tenant options every model shares: lookback per type, link confidence, path transforms, accounts, fallback. */
class AttributionOptionsTest {

    private static final Instant T = Instant.parse("2026-11-05T14:00:00Z");
    private static final AttributionOptions PER_TYPE = new AttributionOptions(Duration.ofDays(90),
            Map.of("purchase", Duration.ofDays(30), "deal", Duration.ofDays(90)), 0, false, false);

    @Test
    void theConversionTypesOwnLookbackFromIngestWinsOverTheTenantsWindows() {
        Attributor attributor = new Attributor(PER_TYPE);
        Touch at10Days = touch(T.minus(Duration.ofDays(10)), "email", 1.0);
        Touch at45Days = touch(T.minus(Duration.ofDays(45)), "display", 1.0);
        Touch at120Days = touch(T.minus(Duration.ofDays(120)), "paid_search", 1.0);
        List<Touch> touches = List.of(at10Days, at45Days, at120Days);
        // purchase: the tenant says 30 days, the conversion's own type 7 days: only 7 days count.
        assertThat(attributor.path(new Conversion("c", T, "completed", 100, "EUR", "purchase", Duration.ofDays(7)),
                touches)).isEmpty();
        // deal: the tenant says 90 days, the type 180: the touch 120 days before counts.
        assertThat(attributor.path(new Conversion("c", T, "won", 100, "EUR", "deal", Duration.ofDays(180)), touches))
                .containsExactly(at120Days, at45Days, at10Days);
        // Without its own window the tenant's for the type applies, then the tenant's default.
        assertThat(attributor.path(new Conversion("c", T, "completed", 100, "EUR", "purchase", null), touches))
                .containsExactly(at10Days);
        assertThat(attributor.path(new Conversion("c", T, "completed", 100, "EUR", "signup", null), touches))
                .containsExactly(at45Days, at10Days);
    }

    @Test
    void eachConversionTypeHasItsOwnLookbackAndTheWindowStartCounts() {
        Attributor attributor = new Attributor(PER_TYPE);
        Touch at45Days = touch(T.minus(Duration.ofDays(45)), "email", 1.0);
        Touch at30Days = touch(T.minus(Duration.ofDays(30)), "paid_search", 1.0);
        Touch justOutside = touch(T.minus(Duration.ofDays(30)).minusMillis(1), "display", 1.0);
        List<Touch> touches = List.of(at45Days, at30Days, justOutside);
        // purchase: 30 days; the touch exactly 30 days before counts, 1 ms earlier does not.
        assertThat(attributor.path(conversion("purchase"), touches)).containsExactly(at30Days);
        // deal: 90 days, everything counts, in journey order.
        assertThat(attributor.path(conversion("deal"), touches)).containsExactly(at45Days, justOutside, at30Days);
        // an unlisted type and a conversion without type use the default, 90 days.
        assertThat(attributor.path(conversion("signup"), touches)).hasSize(3);
        assertThat(attributor.path(new Conversion("c", T, "completed", 100, "EUR"), touches)).hasSize(3);
        assertThat(attributor.lookback()).isEqualTo(Duration.ofDays(90));
        assertThat(new AttributionOptions(Duration.ofDays(30), Map.of("deal", Duration.ofDays(180)), 0, false, false)
                .maxLookback()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void touchesLessConfidentThanTheMinimumNeverCountAndTheMinimumItselfDoes() {
        Attributor attributor = new Attributor(new AttributionOptions(Duration.ofDays(90), Map.of(), 0.8, false, false));
        Touch sure = touch(T.minus(Duration.ofHours(3)), "email", 1.0);
        Touch atMinimum = touch(T.minus(Duration.ofHours(2)), "paid_search", 0.8);
        Touch below = touch(T.minus(Duration.ofHours(1)), "display", 0.79);
        assertThat(attributor.path(conversion(null), List.of(sure, atMinimum, below))).containsExactly(sure, atMinimum);
        // last touch therefore goes to the touch at the minimum, not the later unsure one.
        assertThat(attributor.attribute(new LastTouchModel(1), conversion(null), List.of(sure, atMinimum, below)))
                .singleElement().satisfies(credit -> assertThat(credit.touch()).isEqualTo(atMinimum));
        // only unsure touches: unattributed.
        assertThat(attributor.attribute(new LastTouchModel(1), conversion(null), List.of(below)))
                .singleElement().satisfies(credit -> assertThat(credit.isUnattributed()).isTrue());
    }

    @Test
    void collapseRepeatsKeepsTheFirstTouchOfEachRun() {
        // email, email, paid_search, email → email(1st), paid_search, email(4th); linear over 3: 30000 each.
        List<Touch> path = path("email", "email", "paid_search", "email");
        Attributor attributor = new Attributor(options(true, false));
        assertThat(attributor.path(conversion(null), path)).containsExactly(path.get(0), path.get(2), path.get(3));
        assertThat(credits(attributor, new LinearModel(1), 90_000, path)).containsExactly(30_000L, 0L, 30_000L, 30_000L);
        // without the transform: 22500 each of four.
        assertThat(credits(new Attributor(options(false, false)), new LinearModel(1), 90_000, path))
                .containsExactly(22_500L, 22_500L, 22_500L, 22_500L);
    }

    @Test
    void dropDirectRemovesDirectUnlessThePathIsOnlyDirect() {
        Attributor attributor = new Attributor(options(false, true));
        // direct, email, Direct → email alone: first touch and last touch both credit email.
        List<Touch> path = path("direct", "email", "Direct");
        assertThat(credits(attributor, new FirstTouchModel(1), 1_000, path)).containsExactly(0L, 1_000L, 0L);
        assertThat(credits(attributor, new LastTouchModel(1), 1_000, path)).containsExactly(0L, 1_000L, 0L);
        // only direct: the path stays, linear splits 500/500.
        assertThat(credits(attributor, new LinearModel(1), 1_000, path("direct", "direct")))
                .containsExactly(500L, 500L);
    }

    @Test
    void bothTransformsDropDirectFirstThenCollapse() {
        // email, direct, email → email, email → email (the first): it gets all 1000 under linear.
        List<Touch> path = path("email", "direct", "email");
        assertThat(credits(new Attributor(options(true, true)), new LinearModel(1), 1_000, path))
                .containsExactly(1_000L, 0L, 0L);
    }

    @Test
    void anAccountJourneyIsTheUnionOfItsContactsJourneysWithoutDuplicates() {
        Touch shared = touch(T.minus(Duration.ofDays(3)), "events", 1.0);
        Touch alice = touch(T.minus(Duration.ofDays(2)), "email", 1.0);
        Touch bob = touch(T.minus(Duration.ofDays(1)), "paid_search", 1.0);
        List<Touch> union = AccountJourneys.union(List.of(List.of(alice, shared), List.of(shared, bob)));
        assertThat(union).containsExactly(alice, shared, bob);
        // linear over the account's three touches: 3000 → 1000 each, the shared touch credited once.
        assertThat(new Attributor(Duration.ofDays(90)).attribute(new LinearModel(1),
                        new Conversion("deal-1", T, "won", 3_000, "EUR", "deal"), union)
                .stream().map(Credit::creditMinor).toList()).containsExactly(1_000L, 1_000L, 1_000L);
    }

    @Test
    void aDataDrivenModelFallsBackBelowTheMinimumJourneysAndSaysSo() {
        ChannelWeightsModel fitted = new ChannelWeightsModel("markov", 1, Map.of("email", 0.25, "paid_search", 0.75));
        AttributionModel fallback = new LastNonDirectModel(1);
        List<Touch> path = path("email", "paid_search", "direct");

        // 999 journeys < 1000: last non-direct credits paid_search, and the choice names it and the fit.
        ModelChoice small = ModelChoice.choose("markov", 3, fitted, 7L, 999, 1000, fallback);
        assertThat(small.id()).isEqualTo("markov");
        assertThat(small.configVersion()).isEqualTo(3);
        assertThat(small.fallbackModelId()).isEqualTo("last_non_direct");
        assertThat(small.fitVersion()).isEqualTo(7L);
        assertThat(credits(new Attributor(Duration.ofDays(90)), small, 1_000, path)).containsExactly(0L, 1_000L, 0L);

        // exactly the minimum: the fit credits (email 1/4, paid_search 3/4, direct unseen → 0).
        ModelChoice enough = ModelChoice.choose("markov", 3, fitted, 7L, 1000, 1000, fallback);
        assertThat(enough.fellBack()).isFalse();
        assertThat(enough.fitVersion()).isEqualTo(7L);
        assertThat(credits(new Attributor(Duration.ofDays(90)), enough, 1_000, path)).containsExactly(250L, 750L, 0L);

        // never fitted: fallback, no fit version.
        ModelChoice none = ModelChoice.choose("shapley", 3, null, null, 0, 1000, fallback);
        assertThat(none.fallbackModelId()).isEqualTo("last_non_direct");
        assertThat(none.fitVersion()).isNull();
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> new AttributionOptions(Duration.ZERO, Map.of(), 0, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttributionOptions(Duration.ofDays(1), Map.of("deal", Duration.ofDays(-1)), 0,
                false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttributionOptions(Duration.ofDays(1), Map.of(), 1.5, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> touch(T, "email", -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: under random options and journeys, transforms never empty a path and credits add up exactly. */
    @Test
    void underEveryOptionCreditsAddUpAndTransformsNeverDropTheWholePath() {
        Random random = new Random(20261123L);
        List<AttributionModel> models = ModelPropertiesTest.allModels(random);
        for (int run = 0; run < 3_000; run++) {
            AttributionOptions options = new AttributionOptions(Duration.ofDays(1 + random.nextInt(90)),
                    Map.of("deal", Duration.ofDays(1 + random.nextInt(90))), random.nextInt(3) * 0.4,
                    random.nextBoolean(), random.nextBoolean());
            Attributor attributor = new Attributor(options);
            Attributor untransformed = new Attributor(new AttributionOptions(options.defaultLookback(),
                    options.lookbackByType(), options.minLinkConfidence(), false, false));
            List<Touch> touches = new ArrayList<>();
            for (Touch touch : ModelPropertiesTest.journey(random, 1 + random.nextInt(20))) {
                String channel = random.nextInt(3) == 0 ? "direct" : touch.channel();
                touches.add(new Touch(touch.id(), touch.at(), channel, null, null, null, true, touch.milestones(),
                        random.nextDouble()));
            }
            Conversion conversion = new Conversion("c" + run, T, "completed", random.nextInt(10_000_000), "EUR",
                    random.nextBoolean() ? "deal" : null);
            List<Touch> eligible = untransformed.path(conversion, touches);
            List<Touch> path = attributor.path(conversion, touches);
            assertThat(path.isEmpty()).as("run %d", run).isEqualTo(eligible.isEmpty());
            assertThat(eligible).containsSubsequence(path);
            if (options.collapseRepeats()) {
                for (int i = 1; i < path.size(); i++) {
                    assertThat(path.get(i).channel()).isNotEqualTo(path.get(i - 1).channel());
                }
            }
            if (options.dropDirectUnlessAlone() && eligible.stream().anyMatch(t -> !t.channel().equals("direct"))) {
                assertThat(path).noneMatch(t -> t.channel().equals("direct"));
            }
            for (AttributionModel model : models) {
                List<Credit> credits = attributor.attribute(model, conversion, touches);
                assertThat(credits.stream().mapToLong(Credit::creditMinor).sum()).as("%s run %d", model.id(), run)
                        .isEqualTo(conversion.valueMinor());
                assertThat(credits).allSatisfy(c -> assertThat(c.creditMinor()).isNotNegative());
            }
        }
    }

    private static AttributionOptions options(boolean collapse, boolean dropDirect) {
        return new AttributionOptions(Duration.ofDays(90), Map.of(), 0, collapse, dropDirect);
    }

    private static Conversion conversion(String type) {
        return new Conversion("c", T, "completed", 100, "EUR", type);
    }

    /** Credits per touch of {@code path} (0 for a touch without a line). */
    private static List<Long> credits(Attributor attributor, AttributionModel model, long value, List<Touch> path) {
        List<Credit> credits = attributor.attribute(model, new Conversion("c", T, "completed", value, "EUR"), path);
        assertThat(credits.stream().mapToLong(Credit::creditMinor).sum()).isEqualTo(value);
        return path.stream().map(touch -> credits.stream().filter(c -> c.touch() == touch)
                .mapToLong(Credit::creditMinor).sum()).toList();
    }

    private static List<Touch> path(String... channels) {
        return RuleBasedModelsTest.path(channels);
    }

    private static Touch touch(Instant at, String channel, double confidence) {
        return new Touch(UUID.randomUUID(), at, channel, null, null, null, true, Set.of(), confidence);
    }
}
