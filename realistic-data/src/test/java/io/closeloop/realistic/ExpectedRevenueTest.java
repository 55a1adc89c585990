package io.closeloop.realistic;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.realistic.ExpectedRevenue.Model;
import io.closeloop.realistic.ExpectedRevenue.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The calculator on a tiny journey set whose numbers are worked out by hand in the comments. */
class ExpectedRevenueTest {

    private static final Instant B = Instant.parse("2026-08-01T00:00:00Z");
    private final List<Truth.Touch> touches = new ArrayList<>();
    private final List<Truth.ConsentSignal> consents = new ArrayList<>();
    private final List<Truth.ConversionRecord> records = new ArrayList<>();
    private int n;

    private Truth truth() {
        // Person A: granted long before anything.
        consents.add(new Truth.ConsentSignal("A", Instant.parse("2026-05-01T00:00:00Z"), true));
        // t0 exactly at the order's window start (90 days before B+10d): counts for the order, not for the deal.
        web("A", Instant.parse("2026-05-13T00:00:00Z"), "newsletter", "email", "monthly_news", false, null);
        web("A", day(1), "google", "cpc", "brand_search", false, null);                     // t1 paid_search
        web("A", day(3), null, null, null, true, "https://www.google.com/");                 // t2 gclid: paid_search
        web("A", day(5), null, null, null, false, "https://www.bing.com/search?q=x");        // t3 organic_search
        touches.add(new Truth.Touch(id(), "A", day(8), "call", null, null, null, false, null, "phone", "radio_fall",
                null));                                                                        // t4 phone
        web("A", day(10), null, null, null, false, null);             // at the order's instant: never counts
        web("X", day(9), "google", "cpc", "brand_search", false, null);                       // someone else's
        consents.add(new Truth.ConsentSignal("X", Instant.parse("2026-05-01T00:00:00Z"), true));

        // Order O-1: 1005 USD, 2 refunded later: 1003 over t0..t4.
        record("O-1", "A", "order", null, "completed", day(10), 1005L, "USD", null);
        record("O-1", "A", "order", "refund", "completed", day(15), 2L, "USD", null);
        // Deal D-1: won at B+9d for 2000 GBP; the correction updated at B+12d (2400) arrives before the one
        // updated at B+11d (2200): 2400 wins, at the won time; lookback 60 leaves t0 out.
        record("D-1", "A", "deal", null, "new", day(2), null, null, day(2));
        record("D-1", "A", "deal", null, "qualified", day(4), 500_000L, "GBP", day(4));
        record("D-1", "A", "deal", null, "won", day(9), 2000L, "GBP", day(9));
        record("D-1", "A", "deal", "value_changed", "won", day(12), 2400L, "GBP", day(12));
        record("D-1", "A", "deal", "value_changed", "won", day(11), 2200L, "GBP", day(11));
        // D-2 stays qualified with an estimate; D-3 is won, then lost; S-1 is refunded in full.
        record("D-2", "A", "deal", null, "new", day(2), null, null, null);
        record("D-2", "A", "deal", null, "qualified", day(6), 9_999L, "GBP", null);
        record("D-3", "A", "deal", null, "won", day(6), 7_000L, "USD", null);
        record("D-3", "A", "deal", null, "lost", day(7), null, null, null);
        record("S-1", "A", "store_sale", null, "completed", day(9), 500L, "EUR", null);
        record("S-1", "A", "store_sale", "refund", "completed", day(11), 500L, "EUR", null);

        // Person C denied measurement: the order counts, unattributed.
        consents.add(new Truth.ConsentSignal("C", Instant.parse("2026-05-01T00:00:00Z"), false));
        web("C", day(1), "google", "cpc", "brand_search", false, null);
        record("O-2", "C", "order", null, "completed", day(2), 700L, "USD", null);

        // Person G granted late: only the touch after the grant counts.
        consents.add(new Truth.ConsentSignal("G", Instant.parse("2026-05-01T00:00:00Z"), false));
        web("G", day(1), "bing", "cpc", "bing_search", false, null);
        consents.add(new Truth.ConsentSignal("G", day(2), true));
        web("G", day(3), "facebook", "paid_social", "retargeting_q3", false, null);
        record("O-3", "G", "order", null, "completed", day(4), 999L, "USD", null);

        return new Truth(touches, consents, records, RealisticTenantGenerator.TYPES, List.of(
                new Truth.FxRate(java.time.LocalDate.parse("2026-07-01"), "GBP", "USD", new java.math.BigDecimal("1.25"))),
                "USD");
    }

    @Test
    void lastTouchGivesEachCountingConversionToItsLastEligibleTouch() {
        ExpectedRevenue.Expected e = ExpectedRevenue.of(truth(), Model.LAST_TOUCH);
        Map<Row, Long> expected = new LinkedHashMap<>();
        expected.put(new Row("phone", "radio_fall", "USD"), 1003L);
        expected.put(new Row("unattributed", null, "USD"), 700L);
        expected.put(new Row("paid_social", "retargeting_q3", "USD"), 999L);
        expected.put(new Row("phone", "radio_fall", "GBP"), 2400L);
        assertThat(e.rows()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(e.totals()).containsExactlyInAnyOrderEntriesOf(Map.of("USD", 2702L, "GBP", 2400L));
        // 2702 USD + 2400 GBP * 1.25 = 57.02 USD
        assertThat(e.baseTotal()).isEqualTo(5702L);
        assertThat(e.outcomes()).filteredOn(o -> !o.counts()).extracting(ExpectedRevenue.Outcome::conversionId)
                .containsExactlyInAnyOrder("D-2", "D-3", "S-1");
    }

    @Test
    void linearSplitsEquallyWithTheLeftoverUnitsOnTheLatestTouches() {
        ExpectedRevenue.Expected e = ExpectedRevenue.of(truth(), Model.LINEAR);
        Map<Row, Long> expected = new LinkedHashMap<>();
        // 1003 / 5 = 200 rest 3: t2, t3, t4 get 201.
        expected.put(new Row("email", "monthly_news", "USD"), 200L);
        expected.put(new Row("paid_search", "brand_search", "USD"), 200L);
        expected.put(new Row("paid_search", null, "USD"), 201L);
        expected.put(new Row("organic_search", null, "USD"), 201L);
        expected.put(new Row("phone", "radio_fall", "USD"), 201L);
        expected.put(new Row("unattributed", null, "USD"), 700L);
        expected.put(new Row("paid_social", "retargeting_q3", "USD"), 999L);
        // 2400 / 4 over t1..t4 (t0 is outside the deal's 60 days).
        expected.put(new Row("paid_search", "brand_search", "GBP"), 600L);
        expected.put(new Row("paid_search", null, "GBP"), 600L);
        expected.put(new Row("organic_search", null, "GBP"), 600L);
        expected.put(new Row("phone", "radio_fall", "GBP"), 600L);
        assertThat(e.rows()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(e.byChannel()).containsEntry(new Row("paid_search", null, "USD"), 401L)
                .containsEntry(new Row("paid_search", null, "GBP"), 1200L);
        assertThat(e.totals()).containsExactlyInAnyOrderEntriesOf(Map.of("USD", 2702L, "GBP", 2400L));
    }

    @Test
    void channelsFollowGa4Derivation() {
        assertThat(Channels.group("google", "cpc")).isEqualTo("paid_search");
        assertThat(Channels.group("linkedin", "paid_social")).isEqualTo("paid_social");
        assertThat(Channels.group("dv360", "display")).isEqualTo("display");
        assertThat(Channels.group("partner_blog", "referral")).isEqualTo("referral");
        assertThat(Channels.group("newsletter", "email")).isEqualTo("email");
        assertThat(Channels.of(touch(null, true, "https://www.google.com/")).channel()).isEqualTo("paid_search");
        assertThat(Channels.of(touch(null, false, "https://duckduckgo.com/")).channel()).isEqualTo("organic_search");
        assertThat(Channels.of(touch(null, false, null)).channel()).isEqualTo("direct");
        assertThat(Channels.of(touch(null, false, "https://" + Channels.SITE_HOST + "/pricing")).channel())
                .isEqualTo("direct");
    }

    private Truth.Touch touch(String source, boolean gclid, String referrer) {
        return new Truth.Touch(id(), "A", B, "page_view", source, null, null, gclid, referrer, null, null, null);
    }

    private void web(String person, Instant at, String source, String medium, String campaign, boolean gclid,
                     String referrer) {
        touches.add(new Truth.Touch(id(), person, at, "page_view", source, medium, campaign, gclid, referrer, null,
                null, "dev-" + person));
    }

    private void record(String id, String person, String type, String change, String stage, Instant at, Long amount,
                        String currency, Instant sourceUpdatedAt) {
        records.add(new Truth.ConversionRecord(id, person, type, change, stage, at, amount, currency, sourceUpdatedAt,
                records.size()));
    }

    private UUID id() {
        return new UUID(0, ++n);
    }

    private static Instant day(int d) {
        return B.plus(Duration.ofDays(d));
    }
}
