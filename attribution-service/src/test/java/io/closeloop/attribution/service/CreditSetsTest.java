package io.closeloop.attribution.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.attribution.domain.ConversionState;
import io.closeloop.attribution.model.Credit;
import io.closeloop.attribution.model.LastTouchModel;
import io.closeloop.attribution.model.Touch;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreditSetsTest {

    private final LastTouchModel model = new LastTouchModel(1);
    private final Touch touch = new Touch(UUID.randomUUID(), Instant.parse("2026-11-02T08:15:00Z"), "paid_search",
            "google", "cpc", "winter_sale", true);

    @Test
    void anActiveSetCarriesTheConversionAndOneLinePerCredit() {
        CreditSet set = CreditSets.of(conversion("completed"), model, List.of(new Credit(touch, 125_000, 1.0)), 3);

        assertThat(set.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(set.setVersion()).isEqualTo(3);
        assertThat(set.modelId()).isEqualTo("last_touch");
        assertThat(set.modelConfigVersion()).isEqualTo(1);
        assertThat(set.valueMinor()).isEqualTo(125_000);
        assertThat(set.currency()).isEqualTo("EUR");
        assertThat(set.lines()).containsExactly(new CreditLine(touch.id(), touch.at(), "paid_search", "google", "cpc",
                "winter_sale", 125_000, 1.0));
    }

    @Test
    void anUnattributedCreditBecomesALineWithoutTouch() {
        CreditSet set = CreditSets.of(conversion("completed"), model, List.of(Credit.unattributed(125_000)), 1);

        assertThat(set.lines()).containsExactly(new CreditLine(null, null, "unattributed", null, null, null,
                125_000, 1.0));
    }

    @Test
    void aLostConversionIsWithdrawnWithoutLines() {
        CreditSet set = CreditSets.of(conversion("lost"), model, List.of(), 2);

        assertThat(set.status()).isEqualTo(CreditSet.Status.WITHDRAWN);
        assertThat(set.lines()).isEmpty();
    }

    @Test
    void theFingerprintIgnoresTheVersionButNotTheContent() {
        List<Credit> credits = List.of(new Credit(touch, 125_000, 1.0));
        String v1 = CreditSets.fingerprint(CreditSets.of(conversion("completed"), model, credits, 1));

        assertThat(CreditSets.fingerprint(CreditSets.of(conversion("completed"), model, credits, 7))).isEqualTo(v1);
        assertThat(CreditSets.fingerprint(CreditSets.of(conversion("completed"), model,
                List.of(Credit.unattributed(125_000)), 1))).isNotEqualTo(v1);
        assertThat(CreditSets.fingerprint(CreditSets.of(conversion("lost"), model, List.of(), 1))).isNotEqualTo(v1);
    }

    @Test
    void baseCreditsAddUpExactlyToTheBaseValueSplitLikeTheOriginal() {
        ConversionState conversion = conversion("completed");
        conversion.valueMinor = 100_000;
        conversion.baseValueMinor = 108_517L;
        conversion.baseCurrency = "USD";
        Touch second = new Touch(UUID.randomUUID(), touch.at().plusSeconds(60), "email", "newsletter", "email",
                "nov", true);
        Touch third = new Touch(UUID.randomUUID(), touch.at().plusSeconds(120), "paid_social", "facebook",
                "paid_social", "retarget", true);
        // Linear thirds: 100000 → 33333/33333/33334; 108517 → 36172/36172/36173 (the later touch takes the unit).
        List<Credit> credits = List.of(new Credit(touch, 33_333, 1.0 / 3), new Credit(second, 33_333, 1.0 / 3),
                new Credit(third, 33_334, 1.0 / 3));

        CreditSet set = CreditSets.of(conversion, model, credits, 1, true);

        assertThat(set.baseCurrency()).isEqualTo("USD");
        assertThat(set.baseValueMinor()).isEqualTo(108_517L);
        assertThat(set.rateMissing()).isFalse();
        assertThat(set.matched()).isTrue();
        assertThat(set.lines()).extracting(CreditLine::baseCreditMinor).containsExactly(36_172L, 36_172L, 36_173L);

        // Position based 40/20/40 of 108517: 43406.8 / 21703.4 / 43406.8 → 43407, 21703, 43407.
        CreditSet positions = CreditSets.of(conversion, model, List.of(new Credit(touch, 40_000, 0.4),
                new Credit(second, 20_000, 0.2), new Credit(third, 40_000, 0.4)), 1, true);
        assertThat(positions.lines()).extracting(CreditLine::baseCreditMinor).containsExactly(43_407L, 21_703L,
                43_407L);
        assertThat(positions.lines().stream().mapToLong(CreditLine::baseCreditMinor).sum()).isEqualTo(108_517L);
    }

    @Test
    void aSetWithoutRateIsMarkedNotDroppedAndAnUnmatchedSetKeepsItsUnattributedLine() {
        ConversionState conversion = conversion("completed");
        conversion.baseCurrency = "USD";

        CreditSet set = CreditSets.of(conversion, model, List.of(Credit.unattributed(125_000)), 1);

        assertThat(set.status()).isEqualTo(CreditSet.Status.ACTIVE);
        assertThat(set.rateMissing()).isTrue();
        assertThat(set.baseCurrency()).isEqualTo("USD");
        assertThat(set.baseValueMinor()).isNull();
        assertThat(set.matched()).isFalse();
        assertThat(set.lines()).containsExactly(new CreditLine(null, null, "unattributed", null, null, null,
                125_000, 1.0, null));

        // In the base currency itself the value is the base value; the fingerprint sees the difference.
        conversion.currency = "USD";
        CreditSet inBase = CreditSets.of(conversion, model, List.of(Credit.unattributed(125_000)), 1);
        assertThat(inBase.baseValueMinor()).isEqualTo(125_000L);
        assertThat(inBase.rateMissing()).isFalse();
        assertThat(CreditSets.fingerprint(inBase)).isNotEqualTo(CreditSets.fingerprint(set));
    }

    @Test
    void aStageThatDoesNotCountIsNeverRevenue() {
        ConversionState conversion = conversion("new");
        conversion.counts = false;

        CreditSet set = CreditSets.of(conversion, model, List.of(new Credit(touch, 125_000, 1.0)), 2, true);

        assertThat(set.status()).isEqualTo(CreditSet.Status.WITHDRAWN);
        assertThat(set.lines()).isEmpty();
    }

    private static ConversionState conversion(String status) {
        ConversionState conversion = new ConversionState();
        conversion.tenant = "acme";
        conversion.conversionId = "deal-1001";
        conversion.eventId = UUID.randomUUID();
        conversion.personId = UUID.fromString("3c6e1d2a-7b8f-4c9d-a0e1-f2a3b4c5d6e7");
        conversion.conversionType = "purchase";
        conversion.status = status;
        conversion.occurredAt = Instant.parse("2026-11-05T14:00:00Z");
        conversion.sourceZone = "+01:00";
        conversion.valueMinor = 125_000;
        conversion.currency = "EUR";
        return conversion;
    }
}
