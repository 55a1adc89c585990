package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtmNormalizerTest {

    @ParameterizedTest(name = "key \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "google|google",
        "Google|google",
        "'  Google  '|google",
        "'Brand  Search'|brand search",
        "'Brand \t\n Search'|brand search",
        "'\u00a0Spring\u00a0\u00a0Sale\u2007'|spring sale",
        "BLACK_FRIDAY-2026|black_friday-2026",
        "'İSTANBUL'|i̇stanbul",
        "''|null",
        "'   '|null",
        "(not set)|null",
        "'(NOT SET)'|null",
        "' (none) '|null",
        "(None)|null",
        "'(not  set)'|null",
        "'(not set) campaign'|(not set) campaign",
        "null|null"
    })
    void keysAreTrimmedCollapsedAndLowerCased(String raw, String expected) {
        assertThat(UtmNormalizer.key(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "text \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Running Shoes|Running Shoes",
        "'  Running  Shoes '|Running  Shoes",
        "'\u00a0Hero Banner\u00a0'|Hero Banner",
        "''|null",
        "'  '|null",
        "(not set)|null",
        "' (None) '|null",
        "null|null"
    })
    void textIsOnlyTrimmed(String raw, String expected) {
        assertThat(UtmNormalizer.text(raw)).isEqualTo(expected);
    }

    @Test
    void normalizesAllFiveFieldsByTheirRule() {
        assertThat(UtmNormalizer.normalize(" Google ", "CPC", "Brand  Search", " Running Shoes ", "(not set)"))
                .isEqualTo(new UtmParameters("google", "cpc", "brand search", "Running Shoes", null));
        assertThat(UtmNormalizer.normalize(null, "", "(none)", " ", null)).isEqualTo(UtmParameters.NONE);
        assertThat(UtmParameters.NONE.isEmpty()).isTrue();
    }

    @Test
    void givenFieldsWinAndTheFallbackFillsGaps() {
        UtmParameters given = new UtmParameters("newsletter", null, "spring", null, null);
        UtmParameters fromUrl = new UtmParameters("google", "cpc", "brand", "shoes", "hero");
        assertThat(given.orElse(fromUrl)).isEqualTo(new UtmParameters("newsletter", "cpc", "spring", "shoes", "hero"));
        assertThat(UtmParameters.NONE.orElse(fromUrl)).isEqualTo(fromUrl);
        assertThat(fromUrl.orElse(UtmParameters.NONE)).isEqualTo(fromUrl);
    }
}
