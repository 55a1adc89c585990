package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChannelOverridesTest {

    private final ChannelOverrides acme = ChannelOverrides.of(
            new ChannelRule("newsletter", null, null, "email"),
            new ChannelRule(null, "cpc", "brand_.*", "paid_search_brand"),
            new ChannelRule("(facebook|instagram)", "cpc", null, "meta_ads"),
            new ChannelRule("partner-[0-9]+", "^$", null, "partners"),
            new ChannelRule(null, null, ".*webinar.*", "webinars"));

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
        "newsletter, null, null, email",
        "Newsletter, weird, null, email",
        "google, cpc, brand_q4, paid_search_brand",
        "google, cpc, generic_q4, paid_search",
        "FACEBOOK, CPC, retarget, meta_ads",
        "instagram, cpc, brand_x, paid_search_brand",
        "partner-17, null, null, partners",
        "partner-17, referral, null, referral",
        "partner-x, null, null, unassigned",
        "google, organic, spring_webinar, webinars",
        "null, null, null, direct",
        "facebookfans, cpc, null, paid_other"
    })
    void firstMatchingOverrideWinsElseTheDefault(String source, String medium, String campaign, String channel) {
        assertThat(ChannelGrouping.channelOf(source, medium, campaign, acme)).isEqualTo(channel);
    }

    @Test
    void rulesAreEvaluatedInTheirOrder() {
        ChannelRule broad = new ChannelRule(null, "cpc", null, "any_cpc");
        ChannelRule narrow = new ChannelRule("google", "cpc", null, "google_cpc");
        assertThat(ChannelGrouping.channelOf("google", "cpc", null, ChannelOverrides.of(broad, narrow)))
                .isEqualTo("any_cpc");
        assertThat(ChannelGrouping.channelOf("google", "cpc", null, ChannelOverrides.of(narrow, broad)))
                .isEqualTo("google_cpc");
    }

    @Test
    void aRegexMustMatchTheWholeValue() {
        ChannelRule rule = new ChannelRule("google", null, null, "g");
        assertThat(rule.matches("google", null, null)).isTrue();
        assertThat(rule.matches("google.com", null, null)).isFalse();
        assertThat(rule.matches("notgoogle", null, null)).isFalse();
    }

    @Test
    void noOverridesMeansTheDefaults() {
        assertThat(ChannelGrouping.channelOf("google", "cpc", null, ChannelOverrides.NONE)).isEqualTo("paid_search");
        assertThat(ChannelOverrides.NONE.channelOf("google", "cpc", null)).isEmpty();
    }

    @ParameterizedTest(name = "channel id \"{0}\" is refused")
    @CsvSource(nullValues = "null", value = {"null", "''", "Paid_Search", "paid search", "1st", "_x", "paid-search",
        "a2345678901234567890123456789012345678901234567890123456789012345"})
    void refusesChannelIdsThatAreNotSnakeCaseLower(String channel) {
        assertThatThrownBy(() -> new ChannelRule("google", null, null, channel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake_case");
    }

    @Test
    void refusesBrokenLongOrEmptyRules() {
        assertThatThrownBy(() -> new ChannelRule("(unclosed", null, null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source is not a valid regex");
        assertThatThrownBy(() -> new ChannelRule(null, "a".repeat(201), null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medium regex is longer");
        assertThatThrownBy(() -> new ChannelRule(null, null, null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void allowsAtMostFiftyRules() {
        ChannelRule rule = new ChannelRule("a", null, null, "x");
        assertThat(new ChannelOverrides(Collections.nCopies(50, rule)).rules()).hasSize(50);
        assertThatThrownBy(() -> new ChannelOverrides(Collections.nCopies(51, rule)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 50");
    }

    @Test
    void rulesAreValuesComparedByTheirText() {
        assertThat(new ChannelRule("a", null, "c", "x")).isEqualTo(new ChannelRule("a", null, "c", "x"))
                .hasSameHashCodeAs(new ChannelRule("a", null, "c", "x"))
                .isNotEqualTo(new ChannelRule("a", null, "c", "y"));
        assertThat(ChannelOverrides.of(new ChannelRule("a", null, null, "x")))
                .isEqualTo(new ChannelOverrides(List.of(new ChannelRule("a", null, null, "x"))));
    }
}
