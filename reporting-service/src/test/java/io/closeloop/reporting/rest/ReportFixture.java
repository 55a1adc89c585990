package io.closeloop.reporting.rest;

import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSnapshot;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.SpendRecord;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.contracts.Utm;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The hand-computed fixture of the metric views (numbers worked out in ReportMetricsTest): tenant {@code roi-co},
 * base GBP, days 2026-01-05..11 (ISO week 2026-W02), 2026-01-07 empty. Spend in GBP, EUR (with a base amount) and
 * USD (without); a restated conversion and a corrected spend day; a lost deal; a conversion in JPY without a rate;
 * an unattributed one; a lead that was won; touches including a reclassified and a consent-suppressed one.
 */
final class ReportFixture {

    static final String TENANT = "roi-co";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static boolean loaded;

    private final String bootstrap;
    private final List<UUID> events = new ArrayList<>();

    private ReportFixture(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    static synchronized void load(String bootstrap) throws Exception {
        if (loaded) {
            return;
        }
        ReportFixture fixture = new ReportFixture(bootstrap);
        fixture.publishAll();
        loaded = true;
    }

    private void publishAll() throws Exception {
        publish(Topics.TENANTS, Keys.tenant(TENANT), new TenantSettings(TENANT, "Europe/London", "GBP", "GB",
                Instant.parse("2025-12-01T00:00:00Z")));
        settle();

        // c1: paid search, linear path email → paid search (first touch 48 h before).
        credit("c1", "last_touch", 1, "2026-01-05T10:00:00Z", "GBP", 10_000, 10_000L, true,
                line("paid_search", "brand", "2026-01-04T10:00:00Z", 10_000, 1.0, 10_000L));
        credit("c1", "linear", 1, "2026-01-05T10:00:00Z", "GBP", 10_000, 10_000L, true,
                line("email", "news", "2026-01-03T10:00:00Z", 5_000, 0.5, 5_000L),
                line("paid_search", "brand", "2026-01-04T10:00:00Z", 5_000, 0.5, 5_000L));
        // c2: EUR 120.00 = GBP 100.00, offline (a store sale), 12 h.
        credit("c2", "last_touch", 1, "2026-01-06T12:00:00Z", "EUR", 12_000, 10_000L, true,
                line("paid_social", "retarget", "2026-01-06T00:00:00Z", 12_000, 1.0, 10_000L));
        credit("c2", "linear", 1, "2026-01-06T12:00:00Z", "EUR", 12_000, 10_000L, true,
                line("paid_social", "retarget", "2026-01-06T00:00:00Z", 12_000, 1.0, 10_000L));
        conversion("c2", "completed", "2026-01-06T12:00:00Z", Map.of("store_id", "S-1"));
        // c3: restated from paid search 50.00 to paid social 80.00; 24 h from its first touch.
        credit("c3", "last_touch", 1, "2026-01-08T09:00:00Z", "GBP", 5_000, 5_000L, true,
                line("paid_search", "brand", "2026-01-07T09:00:00Z", 5_000, 1.0, 5_000L));
        credit("c3", "linear", 1, "2026-01-08T09:00:00Z", "GBP", 5_000, 5_000L, true,
                line("paid_search", "brand", "2026-01-07T09:00:00Z", 5_000, 1.0, 5_000L));
        settle();
        credit("c3", "last_touch", 2, "2026-01-08T09:00:00Z", "GBP", 8_000, 8_000L, true,
                line("paid_social", "retarget", "2026-01-08T03:00:00Z", 8_000, 1.0, 8_000L));
        credit("c3", "linear", 2, "2026-01-08T09:00:00Z", "GBP", 8_000, 8_000L, true,
                line("paid_search", "brand", "2026-01-07T09:00:00Z", 4_000, 0.5, 4_000L),
                line("paid_social", "retarget", "2026-01-08T03:00:00Z", 4_000, 0.5, 4_000L));
        // D-4: a deal at sql, then lost: its set is withdrawn.
        conversion("D-4", "sql", "2026-01-05T10:00:00Z", Map.of("pipeline", "sales"));
        credit("D-4", "last_touch", 1, "2026-01-09T10:00:00Z", "GBP", 20_000, 20_000L, true,
                line("paid_search", "brand", "2026-01-08T10:00:00Z", 20_000, 1.0, 20_000L));
        settle();
        conversion("D-4", "lost", "2026-01-09T10:00:00Z", Map.of("pipeline", "sales"));
        withdrawn("D-4", "last_touch", 2, "2026-01-09T10:00:00Z", "GBP", 20_000);
        // c5: JPY 120000 without a rate.
        publish(Topics.CREDITS, Keys.conversion(TENANT, "c5"), new CreditSet(TENANT, "c5", "purchase",
                Instant.parse("2026-01-10T10:00:00Z"), "UTC", null, "last_touch", 1, 1, CreditSet.Status.ACTIVE,
                "JPY", 120_000, List.of(new CreditLine(null, Instant.parse("2026-01-09T10:00:00Z"), "paid_search",
                "google", "cpc", "brand", 120_000, 1.0, null)), null, null, true, "GBP", null, true));
        // c6: no eligible touch.
        credit("c6", "last_touch", 1, "2026-01-11T10:00:00Z", "GBP", 4_000, 4_000L, false,
                line("unattributed", null, null, 4_000, 1.0, 4_000L));
        credit("c6", "linear", 1, "2026-01-11T10:00:00Z", "GBP", 4_000, 4_000L, false,
                line("unattributed", null, null, 4_000, 1.0, 4_000L));
        // L-1: a lead new → mql → won, from the CRM (offline), credited to email; 48 h.
        conversion("L-1", "new", "2026-01-05T09:00:00Z", Map.of("pipeline", "sales"));
        conversion("L-1", "mql", "2026-01-06T09:00:00Z", Map.of("pipeline", "sales"));
        conversion("L-1", "won", "2026-01-10T15:00:00Z", Map.of("pipeline", "sales"));
        credit("L-1", "last_touch", 1, "2026-01-10T15:00:00Z", "GBP", 30_000, 30_000L, true,
                line("email", "news", "2026-01-08T15:00:00Z", 30_000, 1.0, 30_000L));
        credit("L-1", "linear", 1, "2026-01-10T15:00:00Z", "GBP", 30_000, 30_000L, true,
                line("email", "news", "2026-01-08T15:00:00Z", 30_000, 1.0, 30_000L));
        // c8: paid social campaign without spend; 6 h.
        credit("c8", "last_touch", 1, "2026-01-11T12:00:00Z", "GBP", 2_000, 2_000L, true,
                line("paid_social", "summer", "2026-01-11T06:00:00Z", 2_000, 1.0, 2_000L));
        credit("c8", "linear", 1, "2026-01-11T12:00:00Z", "GBP", 2_000, 2_000L, true,
                line("paid_social", "summer", "2026-01-11T06:00:00Z", 2_000, 1.0, 2_000L));

        spend("2026-01-05", "paid_search", "brand", 3_000, "GBP", 3_000L, "2026-01-06T00:00:00Z");
        spend("2026-01-06", "paid_search", "brand", 2_000, "GBP", 2_000L, "2026-01-07T00:00:00Z");
        spend("2026-01-06", "paid_social", "retarget", 6_000, "EUR", 5_000L, "2026-01-07T00:00:00Z");
        spend("2026-01-08", "paid_social", "retarget", 1_000, "USD", null, "2026-01-09T00:00:00Z");
        spend("2026-01-09", "display", "prospecting", 1_500, "GBP", 1_500L, "2026-01-10T00:00:00Z");
        spend("2026-01-10", "paid_search", "generic", 500, "GBP", 500L, "2026-01-11T00:00:00Z");
        settle();
        // The platform corrects 2026-01-06: 25.00, replacing 20.00.
        spend("2026-01-06", "paid_search", "brand", 2_500, "GBP", 2_500L, "2026-01-08T00:00:00Z");

        UUID t3 = UUID.randomUUID();
        touch(UUID.randomUUID(), "2026-01-05T08:00:00Z", "paid_search", "google", "cpc", "brand", true);
        touch(UUID.randomUUID(), "2026-01-06T08:00:00Z", "paid_search", "google", "cpc", "brand", true);
        touch(t3, "2026-01-06T09:00:00Z", "unassigned", "weird", "zzz", null, true);
        touch(UUID.randomUUID(), "2026-01-08T08:00:00Z", "direct", "(direct)", "(none)", null, true);
        touch(UUID.randomUUID(), "2026-01-09T08:00:00Z", "unassigned", "mystery", "odd", null, true);
        touch(UUID.randomUUID(), "2026-01-10T08:00:00Z", "paid_social", "facebook", "paid", "retarget", false);
        touch(UUID.randomUUID(), "2026-01-10T09:00:00Z", "email", "newsletter", "email", "news", true);
        settle();
        // A reclassification: the same touch again, now paid social.
        touch(t3, "2026-01-06T09:00:00Z", "paid_social", "facebook", "paid", "retarget", true);
        settle();
    }

    private static CreditLine line(String channel, String campaign, String touchTime, long credit, double fraction,
                                   Long base) {
        return new CreditLine(touchTime == null ? null : UUID.randomUUID(),
                touchTime == null ? null : Instant.parse(touchTime), channel, touchTime == null ? null : "src",
                touchTime == null ? null : "med", campaign, credit, fraction, base);
    }

    private void credit(String conversion, String model, long version, String at, String currency, long value,
                        Long base, boolean matched, CreditLine... lines) throws Exception {
        publish(Topics.CREDITS, Keys.conversion(TENANT, conversion), new CreditSet(TENANT, conversion, "purchase",
                Instant.parse(at), "UTC", UUID.randomUUID(), model, 1, version, CreditSet.Status.ACTIVE, currency,
                value, Arrays.asList(lines), null, null, matched, "GBP", base, false));
    }

    private void withdrawn(String conversion, String model, long version, String at, String currency, long value)
            throws Exception {
        publish(Topics.CREDITS, Keys.conversion(TENANT, conversion), new CreditSet(TENANT, conversion, "deal",
                Instant.parse(at), "UTC", UUID.randomUUID(), model, 1, version, CreditSet.Status.WITHDRAWN, currency,
                value, List.of(), null, null, true, "GBP", value, false));
    }

    private void conversion(String id, String status, String at, Map<String, String> attributes) throws Exception {
        UUID person = UUID.randomUUID();
        publish(Topics.CONVERSIONS_RESOLVED, Keys.person(TENANT, person), new ConversionResolved(TENANT,
                UUID.randomUUID(), person, 1.0, granted(true), true, id, "deal", status, Instant.parse(at), "UTC",
                null, Map.of(), null, null, attributes));
    }

    private void spend(String day, String channel, String campaign, long amount, String currency, Long base,
                       String receivedAt) throws Exception {
        LocalDate date = LocalDate.parse(day);
        publish(Topics.SPEND_RAW, Keys.spend(TENANT, date, channel, campaign), new SpendRecord(TENANT,
                UUID.randomUUID(), date, channel, "platform", "cpc", campaign, null, new Money(amount, currency),
                base == null ? null : new Money(base, "GBP"), Instant.parse(receivedAt)));
    }

    private void touch(UUID id, String at, String channel, String source, String medium, String campaign,
                       boolean measured) throws Exception {
        UUID person = UUID.randomUUID();
        publish(Topics.TOUCHPOINTS_RESOLVED, Keys.person(TENANT, person), new TouchpointResolved(TENANT, id, person,
                1.0, granted(measured), "page_view", Instant.parse(at), "UTC", channel,
                new Utm(source, medium, campaign, null, null), Map.of(), null, null));
    }

    private static ConsentSnapshot granted(boolean measurement) {
        return new ConsentSnapshot(Map.of(ConsentPurpose.MEASUREMENT, measurement ? ConsentSnapshot.GRANTED
                : ConsentSnapshot.DENIED), "signal", Instant.parse("2025-12-01T00:00:00Z"));
    }

    private <V extends io.closeloop.contracts.TenantScoped> void publish(io.closeloop.contracts.TopicSpec<V> topic,
                                                                         String key, V value) throws Exception {
        UUID event = UUID.randomUUID();
        TopicProbe.publish(bootstrap, topic, key, value, event);
        events.add(event);
    }

    /** Waits until every record published so far is processed, so that later ones restate earlier ones. */
    private void settle() {
        String ids = events.stream().map(e -> "'" + e + "'").collect(Collectors.joining(","));
        int expected = events.size();
        await().atMost(WAIT).until(() -> InfraTestResource.database("reporting").queryLong(
                "select count(*) from processed_message where consumer = 'reporting' and event_id in (" + ids + ")")
                == expected);
    }
}
