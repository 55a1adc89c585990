package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.Utm;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tenant rules over referrer host, click ids, kind and default channel, and what stays fixed. */
class ChannelRuleInputsTest {

    private static TouchClassifier.Result visit(ChannelOverrides rules, Set<String> clickIds, String referrer) {
        return TouchClassifier.classify(new TouchClassifier.Facts("page_view", new Utm(null, null, null, null, null),
                clickIds, referrer, "https://acme.example/", true, null, null, null), rules);
    }

    private static TouchClassifier.Result badge(ChannelOverrides rules) {
        return TouchClassifier.classify(new TouchClassifier.Facts("badge_scan",
                new Utm("web summit", "event", "web summit", null, null), Set.of(), null, null, false, null, null,
                ChannelGrouping.EVENTS), rules);
    }

    @Test
    void aClickIdRuleMakesFbclidPaidWhereTheReferrerAloneWouldNot() {
        ChannelOverrides rules = ChannelOverrides.of(
                new ChannelRule(null, null, null, null, "fbclid", null, null, ChannelGrouping.PAID_SOCIAL));

        TouchClassifier.Result withClickId = visit(rules, Set.of("fbclid"), "https://l.facebook.com/");
        TouchClassifier.Result without = visit(rules, Set.of(), "https://l.facebook.com/");

        assertThat(withClickId.channel()).isEqualTo("paid_social");
        assertThat(withClickId.attributes()).containsEntry("channel_origin", "rule")
                .containsEntry("source_origin", "referrer");
        assertThat(without.channel()).isEqualTo("organic_social");
        assertThat(without.attributes()).containsEntry("channel_origin", "default");
        assertThat(visit(ChannelOverrides.NONE, Set.of("fbclid"), "https://l.facebook.com/").channel())
                .isEqualTo("organic_social");
    }

    @Test
    void anEmptyClickIdRegexSelectsTouchesWithoutClickIds() {
        ChannelOverrides rules = ChannelOverrides.of(
                new ChannelRule(null, null, null, null, "^$", "page_view", "direct", "untracked"));

        assertThat(visit(rules, Set.of(), null).channel()).isEqualTo("untracked");
        assertThat(visit(rules, Set.of("fbclid"), null).channel()).isEqualTo("direct");
    }

    @Test
    void aReferrerHostRuleSeesTheHostWithoutWww() {
        ChannelOverrides rules = ChannelOverrides.of(
                new ChannelRule(null, null, null, "(.*\\.)?partner\\.example", null, null, null, "partners"));

        assertThat(visit(rules, Set.of(), "https://www.partner.example/deals").channel()).isEqualTo("partners");
        assertThat(visit(rules, Set.of(), "https://shop.partner.example/").channel()).isEqualTo("partners");
        assertThat(visit(rules, Set.of(), "https://partner.example.evil/").channel()).isEqualTo("referral");
    }

    @Test
    void rulesSeeTheDerivedSourceAndMedium() {
        ChannelOverrides rules = ChannelOverrides.of(new ChannelRule("bing", "organic", null, "seo_bing"));

        assertThat(visit(rules, Set.of(), "https://www.bing.com/search?q=x").channel()).isEqualTo("seo_bing");
        assertThat(visit(rules, Set.of(), "https://www.google.com/").channel()).isEqualTo("organic_search");
    }

    @Test
    void aKindOrDefaultChannelRuleRenamesABadgeScansEvents() {
        assertThat(badge(ChannelOverrides.NONE).channel()).isEqualTo("events");
        assertThat(badge(ChannelOverrides.NONE).attributes()).containsEntry("channel_origin", "kind")
                .doesNotContainKey("source_origin");
        assertThat(badge(ChannelOverrides.of(new ChannelRule(null, null, null, null, null, "badge_scan", null,
                "trade_shows"))).channel()).isEqualTo("trade_shows");
        assertThat(badge(ChannelOverrides.of(new ChannelRule(null, null, null, null, null, null, "events",
                "field_marketing"))).channel()).isEqualTo("field_marketing");
        assertThat(visit(ChannelOverrides.of(new ChannelRule(null, null, null, null, null, null, "organic_search",
                "seo")), Set.of(), "https://duckduckgo.com/").channel()).isEqualTo("seo");
    }

    @Test
    void aKindRuleDoesNotTakeOtherKinds() {
        ChannelOverrides rules = ChannelOverrides.of(
                new ChannelRule(null, null, null, null, null, "badge_scan", null, "trade_shows"));

        assertThat(visit(rules, Set.of(), null).channel()).isEqualTo("direct");
    }

    @Test
    void aChannelTheRequestOrAMappingNamedStays() {
        ChannelOverrides rules = ChannelOverrides.of(new ChannelRule(".*", null, null, "everything"));
        TouchClassifier.Result requested = TouchClassifier.classify(new TouchClassifier.Facts("ad_click",
                new Utm(null, null, null, null, null), Set.of("gclid"), null, null, true, "partner_ads",
                ChannelGrouping.ORIGIN_REQUEST, null), rules);

        assertThat(requested.channel()).isEqualTo("partner_ads");
        assertThat(requested.utm().source()).isEqualTo("google");
        assertThat(requested.attributes()).containsEntry("channel_origin", "request");
    }

    @Test
    void aRuleNeedsOneInputAndValidRegexes() {
        assertThatThrownBy(() -> new ChannelRule(null, null, null, null, null, null, null, "x"))
                .hasMessageStartingWith("a rule needs at least one of");
        assertThatThrownBy(() -> new ChannelRule(null, null, null, "(", null, null, null, "x"))
                .hasMessageStartingWith("referrerHost is not a valid regex");
        assertThatThrownBy(() -> new ChannelRule(null, null, null, null, null, "[", null, "x"))
                .hasMessageStartingWith("kind is not a valid regex");
    }
}
