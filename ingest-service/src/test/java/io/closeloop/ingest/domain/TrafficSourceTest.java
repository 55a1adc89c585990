package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Utm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The derivation of source and medium before the channel groups, pinned over ga4-derivation.csv and over every
 * entry of GA4's published source categories (ga4-source-categories.csv).
 */
class TrafficSourceTest {

    @ParameterizedTest(name = "{0}/{1} {2} from {3} to {4} -> {5} / {6} -> {7}")
    @CsvFileSource(resources = "/channel-groups/ga4-derivation.csv", numLinesToSkip = 1)
    void derivesLikeGa4(String utmSource, String utmMedium, String clickIds, String referrer, String landingPage,
                        String source, String medium, String channel) {
        Set<String> ids = clickIds == null ? Set.of() : Set.of(clickIds.split("\\|"));
        TouchClassifier.Result result = TouchClassifier.classify(new TouchClassifier.Facts("page_view",
                new Utm(utmSource, utmMedium, null, null, null), ids, referrer, landingPage, true, null, null, null),
                ChannelOverrides.NONE);

        assertThat(result.utm().source()).isEqualTo(source);
        assertThat(result.utm().medium()).isEqualTo(medium);
        assertThat(result.channel()).isEqualTo(channel);
    }

    @ParameterizedTest(name = "referred by {0} ({1})")
    @MethodSource("publishedHosts")
    void aReferrerOnGa4sListLandsInItsCategorysOrganicChannel(String host, String category) {
        TrafficSource.Derived derived = TrafficSource.derive(null, null, Set.of(), "https://" + host + "/page", null);
        String channel = ChannelGrouping.channelOf(derived.source(), derived.medium());

        if (category.equals("search")) {
            assertThat(derived.medium()).isEqualTo("organic");
            assertThat(derived.source()).doesNotContain(".");
            assertThat(channel).isEqualTo("organic_search");
        } else {
            assertThat(derived.source()).isEqualTo(host);
            assertThat(derived.medium()).isEqualTo("referral");
            assertThat(channel).isEqualTo("organic_" + category);
        }
    }

    @ParameterizedTest(name = "utm_source={0} ({1})")
    @MethodSource("publishedSources")
    void aTaggedSourceOnGa4sListLandsInItsCategorysChannels(String source, String category) {
        assertThat(ChannelGrouping.channelOf(source, "cpc")).isEqualTo("paid_" + category);
        assertThat(ChannelGrouping.channelOf(source, "referral")).isEqualTo("organic_" + category);
    }

    static Stream<Arguments> publishedSources() throws IOException {
        return published().stream().map(row -> Arguments.of(row[0], row[1]));
    }

    static Stream<Arguments> publishedHosts() throws IOException {
        // Entries such as "google+" or "google shopping" are utm_source values, never a referrer's host.
        return published().stream().filter(row -> row[0].matches("[a-z0-9][a-z0-9.-]*"))
                .map(row -> Arguments.of(row[0], row[1]));
    }

    private static List<String[]> published() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TrafficSourceTest.class.getResourceAsStream("/channel-groups/ga4-source-categories.csv"),
                StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> line.contains(",SOURCE_CATEGORY_"))
                    .map(line -> line.split(","))
                    .map(cells -> new String[] {cells[0].toLowerCase(Locale.ROOT),
                            cells[1].substring("SOURCE_CATEGORY_".length()).toLowerCase(Locale.ROOT)})
                    .toList();
        }
    }

}
