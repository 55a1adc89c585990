package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelGroupingTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "google, cpc, paid_search",
        "Google , CPC, paid_search",
        "bing, ppc, paid_search",
        "google, paid_search, paid_search",
        "google, organic, organic_search",
        "duckduckgo, null, organic_search",
        "facebook, paid_social, paid_social",
        "facebook, cpc, paid_social",
        "linkedin, paid, paid_social",
        "facebook, social, organic_social",
        "instagram, null, organic_social",
        "newsletter, email, email",
        "mailchimp, e-mail, email",
        "twilio, sms, sms",
        "dv360, display, display",
        "partner, affiliate, affiliates",
        "blog.example.com, referral, referral",
        "null, null, direct",
        "null, (none), direct",
        "somewhere, weird, unassigned"
    })
    void groupsLikeGa4(String source, String medium, String channel) {
        assertThat(ChannelGrouping.channelOf(source, medium)).isEqualTo(channel);
    }
}
