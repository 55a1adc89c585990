package io.closeloop.realistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleTenantTest {

    private static final RealisticTenant SAMPLE = RealisticTenantGenerator.generateSample(
            RealisticTenantGenerator.SAMPLE_SEED, 300);

    @Test
    void theSampleIsDeterministicWithStableEventIds() {
        RealisticTenant again = RealisticTenantGenerator.generateSample(RealisticTenantGenerator.SAMPLE_SEED, 300);
        assertThat(again.truth()).isEqualTo(SAMPLE.truth());
        assertThat(again.plan()).extracting(s -> s.body().get("eventId"))
                .isEqualTo(SAMPLE.plan().stream().map(s -> s.body().get("eventId")).toList());
        assertThat(again.spend()).extracting(s -> s.get("eventId"))
                .isEqualTo(SAMPLE.spend().stream().map(s -> s.get("eventId")).toList());
        Set<Object> ids = new HashSet<>();
        SAMPLE.plan().forEach(s -> assertThat(ids.add(s.body().get("eventId"))).isTrue());
        SAMPLE.spend().forEach(s -> assertThat(ids.add(s.get("eventId"))).isTrue());
    }

    @Test
    void theStoryAddsEveryTouchKindAndSpendInTwoCurrencies() {
        Map<String, Integer> mix = SAMPLE.mix();
        for (String c : List.of("email_clicks", "promo_redemptions", "qr_scans", "badge_scans",
                "calls_from_known_phone", "deals_won", "store_sales_by_email", "orders", "spend_records")) {
            assertThat(mix.get(c)).as(c).isNotNull().isPositive();
        }
        assertThat(SAMPLE.promoCodes()).containsOnlyKeys("FALL20", "AUTUMN15", "LDN-POSTER");
        assertThat(SAMPLE.truth().spend()).extracting(Truth.Spend::currency).containsOnly("USD", "GBP");
        assertThat(SAMPLE.spend()).hasSameSizeAs(SAMPLE.truth().spend());
        assertThat(RealisticTenantGenerator.generate().spend()).isEmpty();
        assertThat(RealisticTenantGenerator.generate().promoCodes()).isEmpty();
    }

    @Test
    void theStoryShowsInTheExpectedRoi() {
        Map<String, ExpectedRoi.ChannelRoi> last = ExpectedRoi.of(SAMPLE.truth(), ExpectedRevenue.Model.LAST_TOUCH);
        Map<String, ExpectedRoi.ChannelRoi> linear = ExpectedRoi.of(SAMPLE.truth(), ExpectedRevenue.Model.LINEAR);
        System.out.println("sample ROI last_touch " + last.values());
        System.out.println("sample ROI linear " + linear.values());
        assertThat(last.get("paid_search").roi()).isGreaterThan(1.0);
        assertThat(last.get("email").roi()).isGreaterThan(last.get("paid_search").roi());
        assertThat(last.get("display").roi()).isNegative();
        assertThat(last.get("qr_print").roi()).isNegative();
        assertThat(last.get("offline").roi()).as("no spend: no ROI").isNull();
        assertThat(linear.get("paid_social").roi()).isGreaterThan(last.get("paid_social").roi());
        // Every channel's revenue adds up to the counting conversions' base-currency total (to rounding).
        double sum = last.values().stream().mapToDouble(r -> r.revenueMinor().doubleValue()).sum();
        assertThat(sum).isCloseTo(ExpectedRevenue.of(SAMPLE.truth(), ExpectedRevenue.Model.LAST_TOUCH).baseTotal(),
                org.assertj.core.data.Offset.offset(500.0));
    }

    @Test
    void spendScalesWithTheSize() {
        long small = SAMPLE.truth().spend().stream().mapToLong(Truth.Spend::amountMinor).sum();
        long large = RealisticTenantGenerator.generateSample(RealisticTenantGenerator.SAMPLE_SEED, 600).truth()
                .spend().stream().mapToLong(Truth.Spend::amountMinor).sum();
        assertThat((double) large / small).isBetween(1.9, 2.1);
    }
}
