package io.closeloop.attribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.attribution.TestEvents;
import io.closeloop.attribution.TestEvents.Event;
import io.closeloop.contracts.ConversionChange;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.FxRate;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * How conversions are credited through the service: conversion types decide what counts and the lookback, value
 * changes and refunds restate in place, versions are ordered without random ids, and a rate arriving late values
 * again the conversions it is now the latest rate for.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "attribution"))
class CreditingRulesTest {

    private static final Instant CLOSE = Instant.parse("2026-11-05T14:00:00Z");
    private static final String LAST_TOUCH = "last_touch";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aStageThatDoesNotCountIsNoRevenueAndALostDealWithdraws() throws Exception {
        TestEvents events = new TestEvents(bootstrap, "stageco");
        UUID person = UUID.randomUUID();
        String deal = "deal-" + person.toString().substring(0, 8);
        events.settle(List.of(events.touch(person, CLOSE.minus(Duration.ofDays(3)), "paid_search")));

        events.settle(List.of(deal(events, person, deal, "new", CLOSE.minus(Duration.ofDays(2)), null, false)));
        assertThat(TestEvents.count("select count(*) from credit_set where tenant = 'stageco' and conversion_id = '"
                + deal + "'")).as("a funnel stage publishes no set").isZero();

        events.settle(List.of(deal(events, person, deal, "won", CLOSE, 50_000L, true)));
        CreditSet won = events.latest(deal, LAST_TOUCH, 1);
        assertThat(won.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(won.matched()).isTrue();
        assertThat(won.lines()).extracting(CreditLine::channel, CreditLine::creditMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("paid_search", 50_000L));

        // Moved back to a stage that does not count: the earlier set is withdrawn.
        events.settle(List.of(deal(events, person, deal, "sql", CLOSE.plus(Duration.ofDays(1)), 50_000L, false)));
        CreditSet back = events.latest(deal, LAST_TOUCH, 2);
        assertThat(back.status()).isEqualTo(CreditSet.Status.WITHDRAWN);
        assertThat(back.lines()).isEmpty();

        String lost = "lost-" + person.toString().substring(0, 8);
        events.settle(List.of(deal(events, person, lost, "won", CLOSE, 70_000L, true)));
        events.settle(List.of(deal(events, person, lost, "lost", CLOSE.plus(Duration.ofDays(2)), 70_000L, false)));
        assertThat(events.latest(lost, LAST_TOUCH, 2).status()).isEqualTo(CreditSet.Status.WITHDRAWN);
    }

    @Test
    void theConversionTypesLookbackDecidesWhetherATouchIsEligible() {
        TestEvents events = new TestEvents(bootstrap, "lookbackco");
        UUID person = UUID.randomUUID();
        String shortWindow = "short-" + person.toString().substring(0, 8);
        String longWindow = "long-" + person.toString().substring(0, 8);
        events.settle(List.of(events.touch(person, CLOSE.minus(Duration.ofDays(10)), "email")));
        Map<String, String> sevenDays = Map.of("counts_as_conversion", "true", "lookback_days", "7");
        Map<String, String> thirtyDays = Map.of("counts_as_conversion", "true", "lookback_days", "30");
        events.settle(List.of(conversion(events, person, shortWindow, CLOSE, 10_000, sevenDays, null, null, null),
                conversion(events, person, longWindow, CLOSE, 10_000, thirtyDays, null, null, null)));

        CreditSet unmatched = events.latest(shortWindow, LAST_TOUCH, 1);
        assertThat(unmatched.matched()).isFalse();
        assertThat(unmatched.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(unmatched.lines()).extracting(CreditLine::channel, CreditLine::creditMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unattributed", 10_000L));
        CreditSet matched = events.latest(longWindow, LAST_TOUCH, 1);
        assertThat(matched.matched()).isTrue();
        assertThat(matched.lines()).extracting(CreditLine::channel).containsExactly("email");
    }

    @Test
    void aValueChangeKeepsTheTimeARefundLowersTheValueAndVersionsAreOrderedWithoutRandomIds() {
        TestEvents events = new TestEvents(bootstrap, "valueco");
        UUID person = UUID.randomUUID();
        String order = "order-" + person.toString().substring(0, 8);
        events.settle(List.of(events.touch(person, CLOSE.minus(Duration.ofDays(1)), "paid_social")));
        events.settle(List.of(conversion(events, person, order, CLOSE, 100_000, Map.of(), null, null, 7L)));
        // The same time, a lower ingest sequence: an older version arriving late changes nothing.
        events.settle(List.of(conversion(events, person, order, CLOSE, 55_000, Map.of(), null, null, 6L)));
        assertThat(events.latest(order, LAST_TOUCH, 1).valueMinor()).isEqualTo(100_000);

        events.settle(List.of(conversion(events, person, order, CLOSE.plus(Duration.ofDays(10)), 120_000, Map.of(),
                ConversionChange.VALUE_CHANGED, null, 8L)));
        CreditSet changed = events.latest(order, LAST_TOUCH, 2);
        assertThat(changed.conversionTime()).isEqualTo(CLOSE);
        assertThat(changed.valueMinor()).isEqualTo(120_000);
        assertThat(changed.baseValueMinor()).isEqualTo(120_000L);
        assertThat(changed.lines()).extracting(CreditLine::creditMinor, CreditLine::baseCreditMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(120_000L, 120_000L));

        events.settle(List.of(conversion(events, person, order, CLOSE.plus(Duration.ofDays(12)), 20_000, Map.of(),
                ConversionChange.REFUND, null, 9L)));
        CreditSet refunded = events.latest(order, LAST_TOUCH, 3);
        assertThat(refunded.conversionTime()).isEqualTo(CLOSE);
        assertThat(refunded.valueMinor()).isEqualTo(100_000);
        assertThat(refunded.status()).isEqualTo(CreditSet.Status.ACTIVE);

        events.settle(List.of(conversion(events, person, order, CLOSE.plus(Duration.ofDays(13)), 100_000, Map.of(),
                ConversionChange.REFUND, null, 10L)));
        assertThat(events.latest(order, LAST_TOUCH, 4).status()).isEqualTo(CreditSet.Status.WITHDRAWN);
    }

    @Test
    void refundsThatOvertakeTheirConversionWaitForItsFirstVersion() throws Exception {
        TestEvents events = new TestEvents(bootstrap, "earlyrefundco");
        UUID person = UUID.randomUUID();
        String partial = "partial-" + person.toString().substring(0, 8);
        String whole = "whole-" + person.toString().substring(0, 8);
        events.settle(List.of(events.touch(person, CLOSE.minus(Duration.ofDays(1)), "email")));

        events.settle(List.of(conversion(events, person, partial, CLOSE.plus(Duration.ofDays(3)), 30_000, Map.of(),
                        ConversionChange.REFUND, null, 12L),
                conversion(events, person, whole, CLOSE.plus(Duration.ofDays(4)), 80_000, Map.of(),
                        ConversionChange.REFUND, null, 13L)));
        assertThat(TestEvents.count("select count(*) from credit_set where tenant = 'earlyrefundco'"))
                .as("a refund alone credits nothing").isZero();
        assertThat(TestEvents.count("select count(*) from pending_refund where tenant = 'earlyrefundco'"))
                .isEqualTo(2);

        events.settle(List.of(conversion(events, person, partial, CLOSE, 100_000, Map.of(), null, null, 10L),
                conversion(events, person, whole, CLOSE, 80_000, Map.of(), null, null, 11L)));
        CreditSet lowered = events.latest(partial, LAST_TOUCH, 1);
        assertThat(lowered.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(lowered.conversionTime()).isEqualTo(CLOSE);
        assertThat(lowered.valueMinor()).isEqualTo(70_000);
        assertThat(lowered.baseValueMinor()).isEqualTo(70_000L);
        assertThat(events.latest(whole, LAST_TOUCH, 1).status()).isEqualTo(CreditSet.Status.WITHDRAWN);
        assertThat(TestEvents.count("select count(*) from pending_refund where tenant = 'earlyrefundco'"))
                .as("applied refunds leave").isZero();
    }

    @Test
    void aRateArrivingLateValuesAgainTheConversionsItIsNowTheLatestRateFor() {
        String tenant = "fxco";
        TestEvents events = new TestEvents(bootstrap, tenant);
        events.settle(List.of(events.event(Topics.TENANTS, Keys.tenant(tenant),
                new TenantSettings(tenant, "UTC", "USD", "US", Instant.now()))));
        UUID person = UUID.randomUUID();
        String order = "fx-" + person.toString().substring(0, 8);
        events.settle(List.of(events.touch(person, CLOSE.minus(Duration.ofDays(2)), "email"),
                events.touch(person, CLOSE.minus(Duration.ofDays(1)), "paid_search")));
        events.settle(List.of(conversion(events, person, order, CLOSE, 100_000, Map.of(), null, null, null)));

        CreditSet missing = events.latest(order, "linear", 1);
        assertThat(missing.rateMissing()).isTrue();
        assertThat(missing.baseCurrency()).isEqualTo("USD");
        assertThat(missing.baseValueMinor()).isNull();
        assertThat(missing.lines()).extracting(CreditLine::creditMinor).containsExactly(50_000L, 50_000L);

        // A rate dated after the conversion's day does not apply to it; one dated before does.
        events.settle(List.of(rate(events, tenant, LocalDate.parse("2026-11-06"), "2.0")));
        events.settle(List.of(rate(events, tenant, LocalDate.parse("2026-11-01"), "1.08517")));
        CreditSet converted = events.latest(order, "linear", 2);
        assertThat(converted.rateMissing()).isFalse();
        // 1000.00 EUR × 1.08517 = 1085.17 USD, split 54258.5 each: 54258 and 54259 (the later touch takes the unit).
        assertThat(converted.baseValueMinor()).isEqualTo(108_517L);
        assertThat(converted.lines()).extracting(CreditLine::baseCreditMinor).containsExactly(54_258L, 54_259L);
        assertThat(converted.matched()).isTrue();

        // The rate of the conversion's own day, entered late, is now the latest on or before that day: restated.
        events.settle(List.of(rate(events, tenant, LocalDate.parse("2026-11-05"), "1.1")));
        CreditSet exact = events.latest(order, "linear", 3);
        assertThat(exact.baseValueMinor()).isEqualTo(110_000L);
        assertThat(exact.lines()).extracting(CreditLine::baseCreditMinor).containsExactly(55_000L, 55_000L);
        // Correcting the 1st's rate no longer concerns it; a conversion of the 3rd, which ingest valued with the
        // rate it knew then, is valued again with the corrected one.
        UUID other = UUID.randomUUID();
        String earlier = "fx-" + other.toString().substring(0, 8);
        events.settle(List.of(events.touch(other, CLOSE.minus(Duration.ofDays(3)), "email")));
        events.settle(List.of(withBase(events, other, earlier, CLOSE.minus(Duration.ofDays(2)), 10_000, 10_852)));
        assertThat(events.latest(earlier, "linear", 1).baseValueMinor()).isEqualTo(10_852L);
        events.settle(List.of(rate(events, tenant, LocalDate.parse("2026-11-01"), "1.2")));
        assertThat(events.latest(earlier, "linear", 2).baseValueMinor()).isEqualTo(12_000L);
        assertThat(events.latest(order, "linear", 3).setVersion()).isEqualTo(3L);
    }

    private static Event withBase(TestEvents events, UUID person, String id, Instant at, long value, long base) {
        ConversionResolved record = new ConversionResolved(events.tenant(), UUID.randomUUID(), person, 1.0, null, true,
                id, "purchase", "completed", at, "UTC", new Money(value, "EUR"), Map.of(), new Money(base, "USD"),
                List.of(), Map.of(), null, null, null);
        return new Event(Topics.CONVERSIONS_RESOLVED, Keys.person(events.tenant(), person), record, record.eventId());
    }

    private static Event rate(TestEvents events, String tenant, LocalDate day, String rate) {
        return events.event(Topics.FX_RATES, Keys.fxRate(tenant, "EUR", "USD", day),
                new FxRate(tenant, "EUR", "USD", day, rate, Instant.now()));
    }

    private static Event deal(TestEvents events, UUID person, String deal, String stage, Instant at, Long value,
                              boolean counts) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("counts_as_conversion", Boolean.toString(counts));
        attributes.put("lookback_days", "90");
        ConversionResolved record = new ConversionResolved(tenantOf(events), UUID.randomUUID(), person, 1.0, null, true,
                deal, "deal", stage, at, "UTC", value == null ? null : new Money(value, "EUR"), Map.of(),
                value == null ? null : new Money(value, "EUR"), List.of(), attributes, null, null, null);
        return new Event(Topics.CONVERSIONS_RESOLVED, Keys.person(record.tenant(), person), record, record.eventId());
    }

    private static Event conversion(TestEvents events, UUID person, String id, Instant at, long value,
                                    Map<String, String> attributes, String change, Instant sourceUpdatedAt,
                                    Long sequence) {
        String tenant = tenantOf(events);
        // Without a tenants record the base is given as ingest would for a tenant whose base is EUR.
        Money base = tenant.equals("fxco") ? null : new Money(value, "EUR");
        ConversionResolved record = new ConversionResolved(tenant, UUID.randomUUID(), person, 1.0, null, true, id,
                "purchase", "completed", at, "UTC", new Money(value, "EUR"), Map.of(), base, List.of(), attributes,
                change, sourceUpdatedAt, sequence);
        return new Event(Topics.CONVERSIONS_RESOLVED, Keys.person(tenant, person), record, record.eventId());
    }

    private static String tenantOf(TestEvents events) {
        return events.tenant();
    }
}
