package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionConfigTest {

    @Test
    void codesMatchCaseInsensitivelyAndWithinTheirDays() {
        PromoCode spring = new PromoCode("spring25", "spring_sale", null, "flyer", "print",
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-05-31"));
        CollectionConfig config = new CollectionConfig(List.of(), List.of(spring), List.of(), FxRates.NONE,
                ChannelOverrides.NONE);
        assertThat(config.promoCode(" SPRING25 ")).contains(spring);
        assertThat(config.promoCode("summer")).isEmpty();
        assertThat(spring.validOn(LocalDate.parse("2026-02-28"))).isFalse();
        assertThat(spring.validOn(LocalDate.parse("2026-03-01"))).isTrue();
        assertThat(spring.validOn(LocalDate.parse("2026-05-31"))).isTrue();
        assertThat(spring.validOn(LocalDate.parse("2026-06-01"))).isFalse();
    }

    @Test
    void aTypeCountsOnlyItsStages() {
        ConversionType deal = new ConversionType("deal", true, List.of("sql", "won"), 180, true);
        assertThat(deal.counts("won")).isTrue();
        assertThat(deal.counts("sql")).isTrue();
        assertThat(deal.counts("mql")).isFalse();
        assertThat(new ConversionType("sale", true, List.of(), 90, false).counts("completed")).isTrue();
        assertThat(new ConversionType("sale", true, List.of(), 90, false).counts("cancelled")).isFalse();
        assertThat(new ConversionType("deal", true, List.of(), 90, false).counts("lost")).isFalse();
        assertThat(new ConversionType("lead", false, List.of(), 90, false).counts("new")).isFalse();
    }
}
