package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.ingest.service.NaughtyStrings;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The GPP, phone and URL parsers under hostile text: GPP refuses with {@link IllegalArgumentException} only (answered
 * 400 naming {@code gpp}), the phone normalizer and the landing-page reader never throw and only ever return what
 * their contracts allow.
 */
class HostileParserTest {

    @Property(tries = 1000)
    void gppIsParsedOrRefusedWithAReason(@ForAll("gpp") String gpp) {
        try {
            GppString parsed = GppString.parse(gpp);
            assertThat(parsed.sectionIds()).hasSameSizeAs(parsed.sections().keySet());
            try {
                parsed.usNat();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> gpp() {
        Arbitrary<String> base64ish = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~.").ofMaxLength(80);
        Arbitrary<String> headed = Arbitraries.of("DBABM", "DBACNY", "DBABjw", "DBABLA", "DBAA")
                .flatMap(h -> base64ish.map(rest -> h + "~" + rest));
        return Arbitraries.oneOf(base64ish, headed, Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of(NaughtyStrings.load()));
    }

    @Property(tries = 1000)
    void aPhoneIsE164OrNothing(@ForAll("phones") String phone, @ForAll("regions") String region) {
        Optional<String> e164 = PhoneNormalizer.toE164(phone, region);
        e164.ifPresent(number -> assertThat(number).matches("\\+[1-9][0-9]{1,14}"));
    }

    @Provide
    Arbitrary<String> phones() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("+0123456789 ()-./x#*٠١٢３").ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(70), Arbitraries.of(NaughtyStrings.load()));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.oneOf(Arbitraries.of("US", "GB", "de", " fr ", "ZZ", "001", ""),
                Arbitraries.strings().all().ofMaxLength(4), Arbitraries.just(null));
    }

    @Property(tries = 1000)
    void aLandingPageIsReadWithoutThrowing(@ForAll("urls") String url) {
        LandingPageParameters parameters = UtmExtractor.extract(url);
        assertThat(parameters).isNotNull();
        parameters.clickIds().forEach((name, value) -> assertThat(UtmExtractor.CLICK_IDS).contains(name));
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> query = Arbitraries.strings().withChars("abcgclidutm_sourcemedium=&%?#+;25 zZ0-9é")
                .ofMaxLength(120);
        return Arbitraries.oneOf(query.map(q -> "https://example.com/p?" + q),
                Arbitraries.strings().all().ofMaxLength(200), Arbitraries.of(NaughtyStrings.load())
                        .map(s -> "https://example.com/?utm_source=" + s + "&gclid=" + s));
    }
}
