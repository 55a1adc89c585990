package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** The pinned GA4 fixture table (src/test/resources/channel-groups/ga4-default.csv) and its spelling rules. */
class Ga4DefaultChannelGroupsTest {

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvFileSource(resources = "/channel-groups/ga4-default.csv", numLinesToSkip = 1)
    void groupsEveryFixtureRowAsPinned(String source, String medium, String campaign, String expected) {
        assertThat(ChannelGrouping.channelOf(source, medium, campaign)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" / \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
        "' Google '|' CPC '|paid_search",
        "GOOGLE|Cpc|paid_search",
        "'Face  Book'|cpc|paid_other",
        "facebook|'Social   Media'|organic_social",
        "'  '|'(NOT SET)'|direct",
        "'(Direct)'|'(None)'|direct",
        "'\u00a0google\u00a0'|'organic'|organic_search"
    })
    void groupsRawValuesAfterNormalizingThem(String source, String medium, String expected) {
        assertThat(ChannelGrouping.channelOf(source, medium)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is a {1} site")
    @CsvSource({
        "google, search", "google.de, search", "www.google.com.au, search", "search.yahoo.com, search",
        "uk.search.yahoo.com, search", "ecosia.org, search",
        "facebook, social", "lm.facebook.com, social", "fb, social", "x.com, social", "t.co, social",
        "amazon, shopping", "amazon.co.uk, shopping", "shopping.naver.com, shopping",
        "youtube, video", "m.youtube.com, video", "youtu.be, video"
    })
    void recognisesRepresentativeSites(String source, String category) {
        assertThat(category(category).contains(source)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not a {1} site")
    @CsvSource({
        "mail.google.com, search", "googleblog.example, search", "yahoo.com.evil.example, search",
        "notfacebook.com, social", "facebookfans.example, social", "xx, social", "x.de, social",
        "amazonian.example, shopping", "youtube-downloader.example, video", "'', search"
    })
    void rejectsLookAlikes(String source, String category) {
        assertThat(category(category).contains(source)).isFalse();
    }

    private static SourceCategories category(String name) {
        return switch (name) {
            case "search" -> SourceCategories.SEARCH;
            case "social" -> SourceCategories.SOCIAL;
            case "shopping" -> SourceCategories.SHOPPING;
            case "video" -> SourceCategories.VIDEO;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
