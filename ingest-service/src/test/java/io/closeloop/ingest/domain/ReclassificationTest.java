package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a reclassification changes in a stored touch, and what it keeps. */
class ReclassificationTest {

    private static final Utm NONE = new Utm(null, null, null, null, null);

    private static TouchpointRaw stored(String type, String channel, Utm utm, Map<String, String> clickIds,
                                        String referrer, Map<String, String> attributes) {
        return new TouchpointRaw("t", UUID.fromString("00000000-0000-0000-0000-000000000001"), type,
                Instant.parse("2026-10-01T10:00:00Z"), "UTC", Instant.parse("2026-10-01T10:00:01Z"), channel, utm,
                clickIds, "https://acme.example/", referrer, List.of(), Map.of(), attributes, null);
    }

    @Test
    void organicAndClickIdVisitsStoredAsDirectBeforeDerivationAreCorrected() {
        TouchpointRaw organic = stored("page_view", "direct", NONE, Map.of(), "https://www.google.com/", null);
        TouchpointRaw gclid = stored("ad_click", "direct", NONE, Map.of("gclid", "x"), null, null);

        TouchpointRaw fixedOrganic = Reclassification.reclassify(organic, ChannelOverrides.NONE, "r1").orElseThrow();
        TouchpointRaw fixedGclid = Reclassification.reclassify(gclid, ChannelOverrides.NONE, "r1").orElseThrow();

        assertThat(fixedOrganic.channel()).isEqualTo("organic_search");
        assertThat(fixedOrganic.utm()).isEqualTo(new Utm("google", "organic", null, null, null));
        assertThat(fixedOrganic.eventId()).isEqualTo(organic.eventId());
        assertThat(fixedOrganic.attributes()).containsEntry("classification_revision", "r1")
                .containsEntry("source_origin", "referrer").containsEntry("channel_origin", "default");
        assertThat(fixedGclid.channel()).isEqualTo("paid_search");
        assertThat(fixedGclid.utm()).isEqualTo(new Utm("google", "cpc", null, null, null));
        assertThat(Reclassification.reclassify(fixedOrganic, ChannelOverrides.NONE, "r1")).isEmpty();
    }

    @Test
    void derivedSourcesAreDerivedAgainAndGivenOnesKept() {
        ChannelOverrides rules = ChannelOverrides.of(new ChannelRule(null, null, null, null, "fbclid", null, null,
                "paid_social"));
        TouchpointRaw derived = stored("page_view", "organic_social",
                new Utm("l.facebook.com", "referral", null, null, null), Map.of("fbclid", "x"),
                "https://l.facebook.com/", Map.of("source_origin", "referrer", "channel_origin", "default"));
        TouchpointRaw tagged = stored("page_view", "email", new Utm("newsletter", "email", "nov", null, null),
                Map.of(), null, Map.of("source_origin", "utm", "channel_origin", "default"));

        assertThat(Reclassification.reclassify(derived, rules, "r2").orElseThrow().channel()).isEqualTo("paid_social");
        assertThat(Reclassification.reclassify(tagged, rules, "r2")).isEmpty();
    }

    @Test
    void fixedChannelsStayAndKindChannelsFollowTheRules() {
        ChannelOverrides everything = ChannelOverrides.of(
                new ChannelRule(null, null, null, null, null, ".*", null, "everything"));
        TouchpointRaw requested = stored("ad_click", "partner_ads", new Utm("google", "cpc", null, null, null),
                Map.of("gclid", "x"), null,
                Map.of("source_origin", "click_id", "channel_origin", "request"));
        TouchpointRaw legacyRequested = stored("ad_click", "partner_ads", new Utm("google", "cpc", null, null, null),
                Map.of(), null, null);
        TouchpointRaw knownCall = stored("call", "paid_search", new Utm("google", "cpc", "spring", null, null),
                Map.of(), null, Map.of("tracking_number", "+14155550100", "tracking_number_status", "known"));
        TouchpointRaw unknownCall = stored("call", "phone", new Utm("unknown", null, null, null, null), Map.of(),
                null, Map.of("tracking_number", "+14155550199", "tracking_number_status", "unknown"));
        TouchpointRaw badge = stored("badge_scan", "events", new Utm("expo", "event", "expo", null, null), Map.of(),
                null, Map.of("event", "expo", "channel_origin", "kind"));

        assertThat(Reclassification.reclassify(requested, everything, "r")).isEmpty();
        assertThat(Reclassification.reclassify(legacyRequested, everything, "r")).isEmpty();
        assertThat(Reclassification.reclassify(knownCall, everything, "r")).isEmpty();
        assertThat(Reclassification.reclassify(unknownCall, everything, "r").orElseThrow().channel())
                .isEqualTo("everything");
        TouchpointRaw renamed = Reclassification.reclassify(badge, everything, "r").orElseThrow();
        assertThat(renamed.channel()).isEqualTo("everything");
        assertThat(renamed.attributes()).containsEntry("channel_origin", "rule").containsEntry("event", "expo");
        // The rule removed again: back to the kind's own channel.
        assertThat(Reclassification.reclassify(renamed, ChannelOverrides.NONE, "r0").orElseThrow().channel())
                .isEqualTo("events");
    }

    @Test
    void theRevisionNamesTheRulesAndTheMessageIdTheTouchVersion() {
        ChannelOverrides one = ChannelOverrides.of(new ChannelRule("a", null, null, "x"));
        ChannelOverrides same = ChannelOverrides.of(new ChannelRule("a", null, null, "x"));
        ChannelOverrides other = ChannelOverrides.of(new ChannelRule("a", null, null, "y"));
        UUID touch = UUID.randomUUID();

        assertThat(Reclassification.revision(one)).isEqualTo(Reclassification.revision(same))
                .isNotEqualTo(Reclassification.revision(other)).isNotEqualTo(Reclassification.revision(
                        ChannelOverrides.NONE));
        assertThat(Reclassification.messageId(touch, "r1")).isEqualTo(Reclassification.messageId(touch, "r1"))
                .isNotEqualTo(Reclassification.messageId(touch, "r2")).isNotEqualTo(touch);
    }
}
