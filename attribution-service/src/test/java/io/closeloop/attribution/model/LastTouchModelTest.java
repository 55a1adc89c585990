package io.closeloop.attribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Golden cases: every number here can be checked by hand. */
class LastTouchModelTest {

    private static final Instant CONVERSION_TIME = Instant.parse("2026-11-05T14:00:00Z");
    private static final Conversion PURCHASE = new Conversion("o-1", CONVERSION_TIME, "completed", 125_000, "EUR");

    private final Attributor attributor = new Attributor(Duration.ofDays(90));
    private final LastTouchModel lastTouch = new LastTouchModel(1);

    private final Touch google = touch("2026-11-01T09:00:00Z", "paid_search", "google", "cpc", "brand");
    private final Touch newsletter = touch("2026-11-02T09:00:00Z", "email", "newsletter", "email", "nov_news");
    private final Touch facebook = touch("2026-11-04T09:00:00Z", "paid_social", "facebook", "paid_social", "retarget");

    @Test
    void theLastTouchBeforeTheConversionGetsEverything() {
        List<Credit> credits = attributor.attribute(lastTouch, PURCHASE, List.of(newsletter, facebook, google));

        assertThat(credits).containsExactly(new Credit(facebook, 125_000, 1.0));
        assertThat(lastTouch.id()).isEqualTo("last_touch");
        assertThat(lastTouch.configVersion()).isEqualTo(1);
    }

    @Test
    void aTouchAfterTheConversionGetsNothing() {
        Touch after = touch("2026-11-05T14:00:01Z", "display", "dv360", "display", "late");
        Touch atTheSameInstant = touch("2026-11-05T14:00:00Z", "display", "dv360", "display", "same");

        List<Credit> credits = attributor.attribute(lastTouch, PURCHASE, List.of(google, after, atTheSameInstant));

        assertThat(credits).containsExactly(new Credit(google, 125_000, 1.0));
    }

    @Test
    void touchesAtTheSameInstantAreOrderedByEventIdSoTheGreaterIdIsLast() {
        Instant at = Instant.parse("2026-11-03T12:00:00Z");
        Touch low = new Touch(UUID.fromString("00000000-0000-4000-8000-000000000001"), at, "email", "newsletter",
                "email", null, true);
        // Java's UUID.compareTo would put this one first (signed comparison); the text order puts it last.
        Touch high = new Touch(UUID.fromString("f0000000-0000-4000-8000-000000000000"), at, "paid_search", "google",
                "cpc", null, true);

        assertThat(attributor.attribute(lastTouch, PURCHASE, List.of(low, high)))
                .extracting(c -> c.touch().id()).containsExactly(high.id());
        assertThat(attributor.attribute(lastTouch, PURCHASE, List.of(high, low)))
                .extracting(c -> c.touch().id()).containsExactly(high.id());
    }

    @Test
    void onlyTouchesWithinTheLookbackCount() {
        Touch exactlyAtTheWindowStart = touch("2026-08-07T14:00:00Z", "email", "newsletter", "email", "aug");
        Touch justBefore = touch("2026-08-07T13:59:59Z", "paid_search", "google", "cpc", "aug");

        assertThat(attributor.attribute(lastTouch, PURCHASE, List.of(exactlyAtTheWindowStart)))
                .extracting(Credit::channel).containsExactly("email");
        assertThat(attributor.attribute(lastTouch, PURCHASE, List.of(justBefore)))
                .containsExactly(Credit.unattributed(125_000));
    }

    @Test
    void aTouchWithoutMeasurementConsentIsIgnored() {
        Touch denied = new Touch(UUID.randomUUID(), Instant.parse("2026-11-04T10:00:00Z"), "paid_social", "facebook",
                "paid_social", "retarget", false);

        assertThat(attributor.attribute(lastTouch, PURCHASE, List.of(google, denied)))
                .containsExactly(new Credit(google, 125_000, 1.0));
    }

    @Test
    void aConversionWithoutEligibleTouchIsUnattributedForItsWholeValue() {
        List<Credit> credits = attributor.attribute(lastTouch, PURCHASE, List.of());

        assertThat(credits).hasSize(1);
        assertThat(credits.get(0).isUnattributed()).isTrue();
        assertThat(credits.get(0).channel()).isEqualTo("unattributed");
        assertThat(credits.get(0).creditMinor()).isEqualTo(125_000);
        assertThat(credits.get(0).fractionalConversions()).isEqualTo(1.0);
    }

    @Test
    void aLostOrCancelledConversionGetsNoCredit() {
        for (String status : List.of("lost", "cancelled")) {
            Conversion withdrawn = new Conversion("o-1", CONVERSION_TIME, status, 125_000, "EUR");
            assertThat(withdrawn.withdrawn()).isTrue();
            assertThat(attributor.attribute(lastTouch, withdrawn, List.of(google, facebook))).isEmpty();
        }
        assertThat(new Conversion("o-1", CONVERSION_TIME, "won", 1, "EUR").withdrawn()).isFalse();
    }

    @Test
    void aConversionWithoutValueStillCountsOnce() {
        Conversion lead = new Conversion("l-1", CONVERSION_TIME, "mql", 0, "XXX");

        assertThat(attributor.attribute(lastTouch, lead, List.of(google)))
                .containsExactly(new Credit(google, 0, 1.0));
    }

    @Test
    void aModelSharingCreditProducesOneLinePerWeightedTouchAddingUpExactly() {
        AttributionModel linear = new AttributionModel() {
            public String id() {
                return "linear_for_test";
            }

            public int configVersion() {
                return 1;
            }

            public double[] weights(List<Touch> path, Instant conversionTime) {
                double[] weights = new double[path.size()];
                java.util.Arrays.fill(weights, 1.0);
                return weights;
            }
        };
        Conversion hundred = new Conversion("o-2", CONVERSION_TIME, "completed", 100, "EUR");

        List<Credit> credits = attributor.attribute(linear, hundred, List.of(facebook, google, newsletter));

        // 100 / 3 = 33.33 each; the one unit left goes to the latest touch (equal remainders).
        assertThat(credits).extracting(c -> c.touch().channel(), Credit::creditMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("paid_search", 33L),
                        org.assertj.core.groups.Tuple.tuple("email", 33L),
                        org.assertj.core.groups.Tuple.tuple("paid_social", 34L));
        assertThat(credits.stream().mapToDouble(Credit::fractionalConversions).sum()).isEqualTo(1.0);
    }

    private static Touch touch(String at, String channel, String source, String medium, String campaign) {
        return new Touch(UUID.randomUUID(), Instant.parse(at), channel, source, medium, campaign, true);
    }
}
