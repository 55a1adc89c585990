package io.closeloop.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.ConversionChange;
import io.closeloop.messaging.PoisonMessageException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversionVersionsTest {

    private static final Instant CLOSED = Instant.parse("2026-11-05T14:00:00Z");

    @Test
    void versionsWithEqualTimesAreOrderedBySourceUpdateTimeNotByEventId() {
        // The event ids would decide the other way round: the greater id is the older version.
        ConversionState older = version(CLOSED, 100_000, "EUR");
        older.eventId = UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff");
        older.sourceUpdatedAt = Instant.parse("2026-11-06T09:00:00Z");
        ConversionState newer = version(CLOSED, 120_000, "EUR");
        newer.eventId = UUID.fromString("00000000-0000-4000-8000-000000000001");
        newer.sourceUpdatedAt = Instant.parse("2026-11-06T10:00:00Z");

        assertThat(ConversionVersions.apply(copy(newer), copy(older), null)).as("late older version").isNull();
        assertThat(ConversionVersions.apply(copy(older), copy(newer), null).valueMinor).isEqualTo(120_000);
    }

    @Test
    void theIngestSequenceDecidesWhenTheSourceGaveNoUpdateTime() {
        ConversionState first = version(CLOSED, 100_000, "EUR");
        first.ingestSequence = 41L;
        ConversionState second = version(CLOSED, 90_000, "EUR");
        second.ingestSequence = 42L;
        // The source update time decides only when both versions have one.
        second.sourceUpdatedAt = Instant.parse("2020-01-01T00:00:00Z");

        assertThat(ConversionVersions.apply(copy(second), copy(first), null)).isNull();
        assertThat(ConversionVersions.apply(copy(first), copy(second), null).valueMinor).isEqualTo(90_000);
    }

    @Test
    void withoutSourceTimeOrSequenceTheLaterVersionWinsAndATieKeepsTheStoredOne() {
        ConversionState stored = version(CLOSED, 100_000, "EUR");
        assertThat(ConversionVersions.apply(stored, version(CLOSED, 99_000, "EUR"), null)).isNull();
        assertThat(ConversionVersions.apply(stored, version(CLOSED.minusSeconds(1), 98_000, "EUR"), null)).isNull();
        assertThat(ConversionVersions.apply(stored, version(CLOSED.plusSeconds(1), 97_000, "EUR"), null).valueMinor)
                .isEqualTo(97_000);
    }

    @Test
    void aValueChangeKeepsTheConversionsTimeAndStatusAndReplacesValueAndCurrency() {
        ConversionState stored = version(CLOSED, 100_000, "EUR");
        stored.status = "won";
        stored.baseValueMinor = 108_517L;
        stored.baseCurrency = "USD";
        Instant correctedAt = Instant.parse("2026-11-20T08:00:00Z");
        ConversionState correction = version(correctedAt, 90_000, "GBP");
        correction.status = "completed";
        correction.baseValueMinor = 114_300L;
        correction.baseCurrency = "USD";

        ConversionState result = ConversionVersions.apply(stored, correction, ConversionChange.VALUE_CHANGED);

        assertThat(result.occurredAt).isEqualTo(CLOSED);
        assertThat(result.status).isEqualTo("won");
        assertThat(result.valueMinor).isEqualTo(90_000);
        assertThat(result.currency).isEqualTo("GBP");
        assertThat(result.baseValueMinor).isEqualTo(114_300L);
        // The correction's time orders later versions: the original re-sent late does not undo it.
        assertThat(ConversionVersions.apply(result, version(CLOSED, 100_000, "EUR"), null)).isNull();
    }

    @Test
    void aPartialRefundLowersValueAndBaseValueInProportion() {
        ConversionState stored = version(CLOSED, 100_000, "EUR");
        stored.baseValueMinor = 108_517L;
        stored.baseCurrency = "USD";

        ConversionState result = ConversionVersions.apply(stored, version(CLOSED.plusSeconds(86_400), 25_000, "EUR"),
                ConversionChange.REFUND);

        assertThat(result.valueMinor).isEqualTo(75_000);
        // 108517 × 75000 / 100000 = 81387.75 → 81388 (half-even)
        assertThat(result.baseValueMinor).isEqualTo(81_388L);
        assertThat(result.status).isEqualTo("completed");
        assertThat(result.occurredAt).isEqualTo(CLOSED);
    }

    @Test
    void refundsReachingTheWholeValueWithdrawTheConversion() {
        ConversionState stored = version(CLOSED, 100_000, "EUR");
        stored = ConversionVersions.apply(stored, version(CLOSED.plusSeconds(60), 40_000, "EUR"),
                ConversionChange.REFUND);
        stored = ConversionVersions.apply(stored, version(CLOSED.plusSeconds(120), 60_000, "EUR"),
                ConversionChange.REFUND);

        assertThat(stored.valueMinor).isZero();
        assertThat(stored.status).isEqualTo(ConversionVersions.REFUNDED);
        assertThat(stored.toConversion().withdrawn()).isTrue();
    }

    @Test
    void aRefundInAnotherCurrencyIsConvertedThroughBaseValuesOrRefused() {
        ConversionState stored = version(CLOSED, 100_000, "EUR");
        stored.baseValueMinor = 110_000L;
        stored.baseCurrency = "USD";
        ConversionState refund = version(CLOSED.plusSeconds(60), 20_000, "GBP");
        refund.baseValueMinor = 27_500L;
        refund.baseCurrency = "USD";

        ConversionState result = ConversionVersions.apply(stored, refund, ConversionChange.REFUND);
        // 27500 USD of 110000 USD is a quarter of the value.
        assertThat(result.valueMinor).isEqualTo(75_000);
        assertThat(result.baseValueMinor).isEqualTo(82_500L);

        ConversionState unconvertible = version(CLOSED.plusSeconds(120), 1_000, "JPY");
        assertThatThrownBy(() -> ConversionVersions.apply(result, unconvertible, ConversionChange.REFUND))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("no base values");
        assertThatThrownBy(() -> ConversionVersions.apply(null, unconvertible, ConversionChange.REFUND))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("before any version");
    }

    @Test
    void aValueChangeOvertakingTheFirstVersionGivesWayToItsTimeTypeAndStatusNotItsValue() {
        Instant changedAt = Instant.parse("2026-11-08T17:00:00Z");
        ConversionState whole = version(CLOSED, 2_317, "USD");
        whole.ingestSequence = 41L;
        ConversionState change = version(changedAt, 1_985, "USD");
        change.ingestSequence = 42L;
        change.status = "informational";

        ConversionState first = ConversionVersions.apply(null, copyWith(change), ConversionChange.VALUE_CHANGED);
        assertThat(first.wholeVersion).isFalse();
        ConversionState both = ConversionVersions.apply(first, copyWith(whole), null);
        assertThat(both.occurredAt).isEqualTo(CLOSED);
        assertThat(both.status).isEqualTo("completed");
        assertThat(both.valueMinor).as("the value change is newer").isEqualTo(1_985);
        assertThat(both.wholeVersion).isTrue();
        assertThat(both.ingestSequence).isEqualTo(42L);

        // In the order they were sent: the same conversion.
        ConversionState inOrder = ConversionVersions.apply(null, copyWith(whole), null);
        inOrder = ConversionVersions.apply(inOrder, copyWith(change), ConversionChange.VALUE_CHANGED);
        assertThat(inOrder.occurredAt).isEqualTo(both.occurredAt);
        assertThat(inOrder.status).isEqualTo(both.status);
        assertThat(inOrder.valueMinor).isEqualTo(both.valueMinor);
        // A newer whole version replaces them as any newer version does.
        ConversionState later = version(CLOSED.plusSeconds(60), 3_000, "USD");
        later.ingestSequence = 43L;
        assertThat(ConversionVersions.apply(both, later, null).valueMinor).isEqualTo(3_000);
    }

    private static ConversionState copyWith(ConversionState c) {
        ConversionState copy = copy(c);
        copy.status = c.status;
        return copy;
    }

    static ConversionState version(Instant at, long valueMinor, String currency) {
        ConversionState conversion = new ConversionState();
        conversion.tenant = "acme";
        conversion.conversionId = "deal-1001";
        conversion.eventId = UUID.randomUUID();
        conversion.personId = UUID.fromString("3c6e1d2a-7b8f-4c9d-a0e1-f2a3b4c5d6e7");
        conversion.conversionType = "deal";
        conversion.status = "completed";
        conversion.occurredAt = at;
        conversion.versionAt = at;
        conversion.valueMinor = valueMinor;
        conversion.currency = currency;
        return conversion;
    }

    private static ConversionState copy(ConversionState c) {
        ConversionState copy = version(c.occurredAt, c.valueMinor, c.currency);
        copy.eventId = c.eventId;
        copy.sourceUpdatedAt = c.sourceUpdatedAt;
        copy.ingestSequence = c.ingestSequence;
        return copy;
    }
}
