package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UtmExtractorTest {

    @Test
    void readsTheFiveUtmFieldsNormalized() {
        LandingPageParameters page = UtmExtractor.extract("https://shop.example/landing?utm_source=Google"
                + "&utm_medium=CPC&utm_campaign=Brand%20Search&utm_term=Running+Shoes&utm_content=Hero%2FBanner");
        assertThat(page.utm()).isEqualTo(new UtmParameters("google", "cpc", "brand search", "Running Shoes",
                "Hero/Banner"));
        assertThat(page.clickIds()).isEmpty();
    }

    @Test
    void readsEveryKnownClickIdAndIgnoresOtherParameters() {
        LandingPageParameters page = UtmExtractor.extract("https://shop.example/?gclid=Cj0K-abc_1&gbraid=0AAA"
                + "&wbraid=CkQI&fbclid=IwAR2x&msclkid=5a1b&ttclid=E.C.P.x&li_fat_id=7c1d-ee&dclid=CJmB&yclid=skip&id=3");
        assertThat(page.clickIds()).containsExactlyInAnyOrderEntriesOf(Map.of("gclid", "Cj0K-abc_1",
                "gbraid", "0AAA", "wbraid", "CkQI", "fbclid", "IwAR2x", "msclkid", "5a1b", "ttclid", "E.C.P.x",
                "li_fat_id", "7c1d-ee", "dclid", "CJmB"));
        assertThat(page.utm()).isEqualTo(UtmParameters.NONE);
    }

    @ParameterizedTest(name = "{0} -> source {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "https://a.example/?utm_source=first&utm_source=second|first",
        "https://a.example/?UTM_SOURCE=Upper|upper",
        "https://a.example/?Utm_Source=mixed&utm_source=lower|mixed",
        "https://a.example/?utm_source=a%2Bb|a+b",
        "https://a.example/?utm_source=a+b|a b",
        "https://a.example/?utm_source=caf%C3%A9|café",
        "https://a.example/?utm_source=café|café",
        "https://a.example/?utm_source=%E2%9C%93|✓",
        "https://a.example/?utm_source=news&&utm_medium=email|news",
        "https://a.example/?utm_source=|null",
        "https://a.example/?utm_source|null",
        "https://a.example/?utm_source=(not%20set)|null",
        "https://a.example/?utm_source=x=y|x=y",
        "https://a.example/page#utm_source=fragment|null",
        "https://a.example/?utm_source=query#utm_source=fragment|query",
        "https://a.example/?utm_source=q#frag?utm_medium=x|q",
        "/landing?utm_source=relative|relative",
        "?utm_source=bare|bare",
        "https://a.example/landing page?utm_source=with space|with space",
        "https://a.example/?q=[1]&utm_source=brackets|brackets",
        "https://a.example/?utm_source=%20%20padded%20%20|padded"
    })
    void decodesAndKeepsTheFirstOccurrence(String url, String source) {
        assertThat(UtmExtractor.extract(url).utm().source()).isEqualTo(source);
    }

    @ParameterizedTest(name = "\"{0}\" is empty")
    @ValueSource(strings = {
        "", "   ", "https://a.example/", "https://a.example/no-query#utm_source=x", "not a url at all",
        "https://a.example/?utm_source=bad%zz", "https://a.example/?utm_source=cut%2",
        "https://a.example/?utm_source=cut%", "https://a.example/?utm_source=%C3%28",
        "https://a.example/?utm_source=%FF", "https://a.example/?bad%G1=1&utm_source=x",
        "https://a.example/?gclid=abc&utm_medium=%E2%82"
    })
    void unreadableUrlsYieldNothing(String url) {
        assertThat(UtmExtractor.extract(url)).isEqualTo(LandingPageParameters.EMPTY);
    }

    @Test
    void nullYieldsNothing() {
        assertThat(UtmExtractor.extract(null)).isEqualTo(LandingPageParameters.EMPTY);
    }

    @Test
    void emptyClickIdsAreDropped() {
        assertThat(UtmExtractor.extract("https://a.example/?gclid=&fbclid=%20&msclkid=m1").clickIds())
                .containsExactlyEntriesOf(Map.of("msclkid", "m1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?%", "?&&&", "?=", "?==&=", "?%%%%", "?\u0000=\u0000", "?\ud800=x", "?a=\udfff",
        "?utm_source=\ud83d\ude00"})
    void neverThrows(String url) {
        assertThatCode(() -> UtmExtractor.extract(url)).doesNotThrowAnyException();
    }

    @Test
    void keepsSupplementaryCharacters() {
        assertThat(UtmExtractor.extract("?utm_campaign=launch_\ud83d\ude80").utm().campaign())
                .isEqualTo("launch_\ud83d\ude80");
    }
}
