package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.attribution.model.Touch.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Golden cases for the rule-based models: every number is worked out in the comments. */
class RuleBasedModelsTest {

    private static final Instant T = Instant.parse("2026-11-05T14:00:00Z");
    private final Attributor attributor = new Attributor(Duration.ofDays(90));

    @Test
    void linearSplits125000OverThreeTouchesWithTheLeftoverUnitsToTheLaterTouches() {
        // 125000 / 3 = 41666.67 each: floors 41666 * 3 = 124998, 2 units left. All three remainders are equal
        // (0.67), and equal remainders favour the later touch: the 2nd and 3rd touches get one unit each.
        assertThat(minor(new LinearModel(1), 125_000, path("paid_search", "email", "paid_social")))
                .containsExactly(41_666L, 41_667L, 41_667L);
    }

    @Test
    void firstTouchGivesEverythingToTheFirstTouch() {
        assertThat(minor(new FirstTouchModel(1), 125_000, path("paid_search", "email", "direct")))
                .containsExactly(125_000L, 0L, 0L);
    }

    @Test
    void lastNonDirectSkipsDirectUnlessOnlyDirectWasSeen() {
        // direct touches at the end are skipped: email (2nd) is the last non-direct touch.
        assertThat(minor(new LastNonDirectModel(1), 125_000, path("paid_search", "email", "direct", "Direct")))
                .containsExactly(0L, 125_000L, 0L, 0L);
        // only direct touches: the last one gets everything, as under last touch.
        assertThat(minor(new LastNonDirectModel(1), 125_000, path("direct", "direct")))
                .containsExactly(0L, 125_000L);
    }

    @Test
    void timeDecayHalvesTheWeightPerHalfLife() {
        // ages 21, 14 and 7 days with a 7-day half-life: 2^-3, 2^-2, 2^-1 = 1/8, 1/4, 1/2, i.e. 1 : 2 : 4.
        // 70000 * 1/7 = 10000, * 2/7 = 20000, * 4/7 = 40000.
        List<Touch> path = List.of(touchAt(T.minus(Duration.ofDays(21)), "display"),
                touchAt(T.minus(Duration.ofDays(14)), "email"), touchAt(T.minus(Duration.ofDays(7)), "paid_search"));
        assertThat(minor(new TimeDecayModel(1), 70_000, path)).containsExactly(10_000L, 20_000L, 40_000L);
        // half-life 1 day: ages 2 days and 1 day weigh 1/4 and 1/2, i.e. 1 : 2 → 300 splits 100 / 200.
        List<Touch> two = List.of(touchAt(T.minus(Duration.ofDays(2)), "display"),
                touchAt(T.minus(Duration.ofDays(1)), "email"));
        assertThat(minor(new TimeDecayModel(1, Duration.ofDays(1)), 300, two)).containsExactly(100L, 200L);
        assertThat(new TimeDecayModel(1).halfLife()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void timeDecayNeverUnderflowsToNothing() {
        // a 1-second half-life over 80 days would underflow 2^-age to 0; relative to the youngest touch it
        // gives weights 2^-6912000 = 0 and 1: everything to the youngest touch.
        List<Touch> path = List.of(touchAt(T.minus(Duration.ofDays(80)), "display"),
                touchAt(T.minus(Duration.ofDays(79)), "email"));
        assertThat(minor(new TimeDecayModel(1, Duration.ofSeconds(1)), 1_000, path)).containsExactly(0L, 1_000L);
    }

    @Test
    void positionBasedGivesFortyTwentyForty() {
        // 5 touches: first and last 40 % of 100000 = 40000 each; the three middle ones share 20 % = 20000:
        // 6666.67 each, floors 6666 * 3 = 19998, the 2 units left go to the later equal remainders (3rd, 4th).
        assertThat(minor(new PositionBasedModel(1), 100_000, path("a", "b", "c", "d", "e")))
                .containsExactly(40_000L, 6_666L, 6_667L, 6_667L, 40_000L);
        // 3 touches: 40 / 20 / 40.
        assertThat(minor(new PositionBasedModel(1), 125_000, path("a", "b", "c")))
                .containsExactly(50_000L, 25_000L, 50_000L);
        // two touches split evenly; one touch gets everything.
        assertThat(minor(new PositionBasedModel(1), 125_001, path("a", "b"))).containsExactly(62_500L, 62_501L);
        assertThat(minor(new PositionBasedModel(1), 125_000, path("a"))).containsExactly(125_000L);
        // configurable: 30/40/30 over 4 touches → 30000, 20000, 20000, 30000 of 100000.
        assertThat(minor(new PositionBasedModel(1, 0.3, 0.4, 0.3), 100_000, path("a", "b", "c", "d")))
                .containsExactly(30_000L, 20_000L, 20_000L, 30_000L);
        assertThatThrownBy(() -> new PositionBasedModel(1, 0.5, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wShapedGivesThirtyToFirstLeadAndOpportunityAndSpreadsTheRest() {
        // first (0), lead (2), opportunity (4) get 30 % each; touches 1 and 3 share 10 % → 5 % each.
        List<Touch> path = milestones(new String[] {"a", "b", "c", "d", "e"}, 2, 4);
        assertThat(minor(new WShapedModel(1), 100_000, path))
                .containsExactly(30_000L, 5_000L, 30_000L, 5_000L, 30_000L);
    }

    @Test
    void wShapedAddsCoincidingRoles() {
        // the first touch also created the lead: 30 + 30 = 60 %; opportunity on the 3rd: 30 %; the 2nd: 10 %.
        assertThat(minor(new WShapedModel(1), 100_000, milestones(new String[] {"a", "b", "c"}, 0, 2)))
                .containsExactly(60_000L, 10_000L, 30_000L);
        // one touch holding all three roles alone: 100 %.
        assertThat(minor(new WShapedModel(1), 100_000, milestones(new String[] {"a"}, 0, 0)))
                .containsExactly(100_000L);
        // three touches, three distinct anchors, no other touch: the 10 % has nobody to go to → 1/3 each:
        // 33333.33 each, one unit left to the latest equal remainder.
        assertThat(minor(new WShapedModel(1), 100_000, milestones(new String[] {"a", "b", "c"}, 1, 2)))
                .containsExactly(33_333L, 33_333L, 33_334L);
    }

    @Test
    void wShapedDropsMissingAnchorsAndRenormalizes() {
        // no opportunity yet: first 30, lead (2nd) 30, two others 5 each = 70 → 3/7, 3/7, 1/14, 1/14.
        // 100000 * 3/7 = 42857.14 (x2), * 1/14 = 7142.86 (x2): floors 99998, the 2 units to the .86 remainders.
        assertThat(minor(new WShapedModel(1), 100_000, milestones(new String[] {"a", "b", "c", "d"}, 1, -1)))
                .containsExactly(42_857L, 42_857L, 7_143L, 7_143L);
        // no milestone at all: first 30, three others 10/3 each = 40 → 75 %, 8.33 % x3:
        // 75000 + 8333 * 3 = 99999, the last unit to the latest equal remainder.
        assertThat(minor(new WShapedModel(1), 100_000, path("a", "b", "c", "d")))
                .containsExactly(75_000L, 8_333L, 8_333L, 8_334L);
        // a later touch flagged again does not move the anchor: the first flagged touch is the lead touch.
        List<Touch> twice = milestones(new String[] {"a", "b", "c"}, 1, -1);
        twice = new ArrayList<>(twice);
        Touch last = twice.get(2);
        twice.set(2, new Touch(last.id(), last.at(), last.channel(), null, null, null, true,
                Set.of(Milestone.LEAD_CREATED)));
        // first 30, lead (2nd) 30, the 3rd is a non-anchor touch: 10 → 3/7, 3/7, 1/7 of 70000.
        assertThat(minor(new WShapedModel(1), 70_000, twice)).containsExactly(30_000L, 30_000L, 10_000L);
    }

    @Test
    void everyRuleBasedModelHasItsIdAndConfigVersion() {
        assertThat(RuleBasedModels.defaults(3)).extracting(AttributionModel::id).containsExactly("first_touch",
                "last_touch", "last_non_direct", "linear", "time_decay", "position_based", "w_shaped");
        assertThat(RuleBasedModels.defaults(3)).extracting(AttributionModel::configVersion).containsOnly(3);
    }

    @Test
    void theOldTouchConstructorStillWorksWithoutMilestones() {
        Touch touch = new Touch(UUID.randomUUID(), T, "email", "newsletter", "email", "nov", true);
        assertThat(touch.milestones()).isEmpty();
        assertThat(touch.has(Milestone.LEAD_CREATED)).isFalse();
    }

    private List<Long> minor(AttributionModel model, long value, List<Touch> path) {
        Conversion conversion = new Conversion("c", T, "completed", value, "EUR");
        List<Credit> credits = attributor.attribute(model, conversion, path);
        List<Long> result = new ArrayList<>();
        for (Touch touch : attributor.path(conversion, path)) {
            result.add(credits.stream().filter(c -> c.touch() == touch).mapToLong(Credit::creditMinor).sum());
        }
        assertThat(result.stream().mapToLong(Long::longValue).sum()).isEqualTo(value);
        return result;
    }

    /** Touches one hour apart, the last one hour before the conversion. */
    static List<Touch> path(String... channels) {
        List<Touch> path = new ArrayList<>();
        for (int i = 0; i < channels.length; i++) {
            path.add(touchAt(T.minus(Duration.ofHours(channels.length - i)), channels[i]));
        }
        return path;
    }

    private static List<Touch> milestones(String[] channels, int lead, int opportunity) {
        List<Touch> path = new ArrayList<>(path(channels));
        for (int i = 0; i < path.size(); i++) {
            Set<Milestone> flags = new java.util.HashSet<>();
            if (i == lead) {
                flags.add(Milestone.LEAD_CREATED);
            }
            if (i == opportunity) {
                flags.add(Milestone.OPPORTUNITY_CREATED);
            }
            Touch t = path.get(i);
            path.set(i, new Touch(t.id(), t.at(), t.channel(), null, null, null, true, flags));
        }
        return path;
    }

    static Touch touchAt(Instant at, String channel) {
        return new Touch(UUID.randomUUID(), at, channel, null, null, null, true);
    }
}
