package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.ConsentPurpose;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GppStringTest {

    @Test
    void headerExamplesOfTheSpecification() {
        assertThat(GppString.parse("DBABM~x").sectionIds()).containsExactly(2);
        assertThat(GppString.parse("DBACNY~x~y").sections()).isEqualTo(Map.of(2, "x", 6, "y"));
        // A group: start 5 (Fibonacci 00011), length 1 (11), so 5 and 6.
        assertThat(GppString.parse("DBABjw~a~b").sectionIds()).containsExactly(5, 6);
        assertThat(GppString.parse("DBABLA~BVQqAAAAAAJY.QA").sectionIds()).isEqualTo(List.of(GppString.USNAT));
    }

    @Test
    void usNatWithoutOptOutsAndGpcFalse() {
        UsNatSection usNat = GppString.parse("DBABLA~BVQqAAAAAAJY.QA").usNat().orElseThrow();
        assertThat(usNat).isEqualTo(new UsNatSection(1, 2, 2, 2, false));
        assertThat(usNat.optedOut()).isFalse();
        assertThat(usNat.speaksToOptOut()).isTrue();
    }

    @Test
    void anyOfTheThreeOptOutsOrGpcIsAnOptOut() {
        assertThat(GppString.parse("DBABLA~BVQVAAAAAAJY.QA").usNat().orElseThrow())
                .isEqualTo(new UsNatSection(1, 1, 1, 1, false)).matches(UsNatSection::optedOut);
        assertThat(GppString.parse("DBABLA~BVQaAAAAAAJY").usNat().orElseThrow())
                .isEqualTo(new UsNatSection(1, 1, 2, 2, null)).matches(UsNatSection::optedOut);
        assertThat(GppString.parse("DBABLA~BVQqAAAAAAJY.YA").usNat().orElseThrow())
                .isEqualTo(new UsNatSection(1, 2, 2, 2, true)).matches(UsNatSection::optedOut);
    }

    @Test
    void notApplicableSaysNothing() {
        UsNatSection usNat = GppString.parse("DBABLA~BAAAAAAAAAAA").usNat().orElseThrow();
        assertThat(usNat).isEqualTo(new UsNatSection(1, 0, 0, 0, null));
        assertThat(usNat.speaksToOptOut()).isFalse();
        assertThat(GppString.parse("DBABM~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA").usNat()).isEmpty();
    }

    @Test
    void malformedStringsAreRefusedWithAReason() {
        assertThatThrownBy(() -> GppString.parse("")).hasMessage("is empty");
        assertThatThrownBy(() -> GppString.parse("DBABLA")).hasMessage("the header names 1 sections but 0 follow");
        assertThatThrownBy(() -> GppString.parse("ABABLA~x")).hasMessage("header type is 0, not 3");
        assertThatThrownBy(() -> GppString.parse("DB*BLA~x")).hasMessage("not base64-websafe: '*'");
        assertThatThrownBy(() -> GppString.parse("DBA")).hasMessage("segment ends too early");
        assertThatThrownBy(() -> GppString.parse("DBABLA~DAAA").usNat()).hasMessage("usnat version 3 is not supported");
        assertThatThrownBy(() -> GppString.parse("DBABLA~BVQ6AAAAAAJY").usNat())
                .hasMessage("usnat SaleOptOut has the undefined value 3");
    }

    @Test
    void consentPurposesFromConsentModeGpcAndGpp() {
        UsNatSection notOptedOut = new UsNatSection(1, 2, 2, 2, null);
        UsNatSection optedOut = new UsNatSection(1, 2, 1, 2, null);
        Map<ConsentPurpose, String> mode = Map.of(ConsentPurpose.MEASUREMENT, "granted",
                ConsentPurpose.AD_STORAGE, "denied");
        assertThat(ConsentSignals.purposes(mode, null, null)).isEqualTo(mode);
        assertThat(ConsentSignals.purposes(Map.of(), true, null))
                .isEqualTo(Map.of(ConsentPurpose.SALE_SHARE_OPT_OUT, "granted"));
        assertThat(ConsentSignals.purposes(Map.of(), false, notOptedOut))
                .isEqualTo(Map.of(ConsentPurpose.SALE_SHARE_OPT_OUT, "denied"));
        assertThat(ConsentSignals.purposes(Map.of(), null, optedOut))
                .isEqualTo(Map.of(ConsentPurpose.SALE_SHARE_OPT_OUT, "granted"));
        // GPC wins over a GPP string that did not opt out.
        assertThat(ConsentSignals.purposes(Map.of(), true, notOptedOut))
                .isEqualTo(Map.of(ConsentPurpose.SALE_SHARE_OPT_OUT, "granted"));
        assertThat(ConsentSignals.purposes(Map.of(), false, new UsNatSection(1, 0, 0, 0, null))).isEmpty();
    }
}
