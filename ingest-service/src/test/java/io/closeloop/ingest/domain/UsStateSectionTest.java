package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.ConsentPurpose;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state sections, read as usnat opt-outs. The strings were encoded from the specifications' fields with the
 * IAB's GPP library (notices given, MSPA covered, opt-out option mode) rather than copied from a published list.
 */
class UsStateSectionTest {

    @Test
    void californiaSaleOptOutOptsOut() {
        UsNatSection usca = GppString.parse("DBABBg~BQQAAABY.QA").usOptOuts().orElseThrow();
        assertThat(usca).isEqualTo(new UsNatSection(1, UsNatSection.OPTED_OUT, UsNatSection.NOT_APPLICABLE,
                UsNatSection.NOT_APPLICABLE, false));
        assertThat(purposes(usca)).containsEntry(ConsentPurpose.SALE_SHARE_OPT_OUT, ConsentSignals.GRANTED);
    }

    @Test
    void virginiaTargetedAdvertisingOptOutOptsOutWithoutGpc() {
        UsNatSection usva = GppString.parse("DBABRg~BFkAABY").usOptOuts().orElseThrow();
        assertThat(usva).isEqualTo(new UsNatSection(1, UsNatSection.DID_NOT_OPT_OUT, UsNatSection.NOT_APPLICABLE,
                UsNatSection.OPTED_OUT, null));
        assertThat(usva.optedOut()).isTrue();
    }

    @Test
    void coloradoGpcOptsOutThoughNoFieldDoes() {
        UsNatSection usco = GppString.parse("DBABJg~BFoAAFg.YA").usOptOuts().orElseThrow();
        assertThat(usco).isEqualTo(new UsNatSection(1, UsNatSection.DID_NOT_OPT_OUT, UsNatSection.NOT_APPLICABLE,
                UsNatSection.DID_NOT_OPT_OUT, true));
        assertThat(purposes(usco)).containsEntry(ConsentPurpose.SALE_SHARE_OPT_OUT, ConsentSignals.GRANTED);
    }

    @Test
    void utahWithoutOptOutsDeniesTheOptOut() {
        UsNatSection usut = GppString.parse("DBABFg~BFKAAAWA").usOptOuts().orElseThrow();
        assertThat(usut).isEqualTo(new UsNatSection(1, UsNatSection.DID_NOT_OPT_OUT, UsNatSection.NOT_APPLICABLE,
                UsNatSection.DID_NOT_OPT_OUT, null));
        assertThat(purposes(usut)).containsEntry(ConsentPurpose.SALE_SHARE_OPT_OUT, ConsentSignals.DENIED);
    }

    @Test
    void connecticutWithNothingApplicableOnlyCarriesItsGpc() {
        UsNatSection usct = GppString.parse("DBABVg~BAAAAAFg.QA").usOptOuts().orElseThrow();
        assertThat(usct).isEqualTo(new UsNatSection(1, 0, 0, 0, false));
        assertThat(usct.optedOut()).isFalse();
    }

    @Test
    void anOptOutInOneSectionWinsOverDidNotOptOutInAnother() {
        UsNatSection usNat = new UsNatSection(1, 2, 2, 2, false);
        UsNatSection usca = new UsNatSection(1, 1, 0, 0, null);
        assertThat(usNat.together(usca)).isEqualTo(new UsNatSection(1, 1, 2, 2, false));
        assertThat(usca.together(new UsNatSection(1, 0, 0, 0, true)).gpc()).isTrue();
    }

    @Test
    void aBrokenStateSectionIsNamed() {
        assertThatThrownBy(() -> GppString.parse("DBABBg~_").usOptOuts())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usca");
    }

    private static Map<ConsentPurpose, String> purposes(UsNatSection section) {
        return ConsentSignals.purposes(Map.of(), null, section);
    }
}
