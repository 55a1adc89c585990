package io.closeloop.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MatchFeatureNormalizerTest {

    @Test
    void namesAreTrimmedLowerCasedAndStrippedOfAccents() {
        assertThat(MatchFeatureNormalizer.name("  José  ")).isEqualTo("jose");
        assertThat(MatchFeatureNormalizer.name("MÜLLER")).isEqualTo("muller");
        assertThat(MatchFeatureNormalizer.name("Zoë  Anne")).isEqualTo("zoe anne");
        assertThat(MatchFeatureNormalizer.name("O'Brien-Smith")).isEqualTo("o'brien-smith");
        assertThat(MatchFeatureNormalizer.name("Kovačević")).isEqualTo("kovacevic");
        assertThat(MatchFeatureNormalizer.name("Ann3")).isEqualTo("ann");
        assertThat(MatchFeatureNormalizer.name("   ")).isNull();
        assertThat(MatchFeatureNormalizer.name(null)).isNull();
    }

    @Test
    void companyDomainComesFromAnEmailAUrlOrABareDomain() {
        assertThat(MatchFeatureNormalizer.companyDomain("Jane.Doe@Acme.COM")).isEqualTo("acme.com");
        assertThat(MatchFeatureNormalizer.companyDomain("https://www.acme.co.uk:8443/contact?x=1"))
                .isEqualTo("acme.co.uk");
        assertThat(MatchFeatureNormalizer.companyDomain(" WWW.Acme.io. ")).isEqualTo("acme.io");
        assertThat(MatchFeatureNormalizer.companyDomain("acme.de/about")).isEqualTo("acme.de");
    }

    @Test
    void freeMailAndUnusableDomainsAreMissing() {
        assertThat(MatchFeatureNormalizer.companyDomain("jane@gmail.com")).isNull();
        assertThat(MatchFeatureNormalizer.companyDomain("https://www.hotmail.com")).isNull();
        assertThat(MatchFeatureNormalizer.companyDomain("localhost")).isNull();
        assertThat(MatchFeatureNormalizer.companyDomain("jane@")).isNull();
        assertThat(MatchFeatureNormalizer.companyDomain("")).isNull();
    }

    @Test
    void postcodesLoseSpacesAndHyphensAndAreLowerCase() {
        assertThat(MatchFeatureNormalizer.postcode(" SW1A 1AA ")).isEqualTo("sw1a1aa");
        assertThat(MatchFeatureNormalizer.postcode("12345-6789")).isEqualTo("123456789");
        assertThat(MatchFeatureNormalizer.postcode(" ")).isNull();
    }

    @Test
    void ipAddressesBecomeTheirSlash24OrSlash48Network() {
        assertThat(MatchFeatureNormalizer.ipPrefix("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(MatchFeatureNormalizer.ipPrefix("203.000.113.7")).isEqualTo("203.0.113.0/24");
        assertThat(MatchFeatureNormalizer.ipPrefix("203.0.113.0/24")).isEqualTo("203.0.113.0/24");
        assertThat(MatchFeatureNormalizer.ipPrefix("2001:DB8:ABCD:12::1")).isEqualTo("2001:db8:abcd::/48");
        assertThat(MatchFeatureNormalizer.ipPrefix("2001:db8::1")).isEqualTo("2001:db8:0::/48");
        assertThat(MatchFeatureNormalizer.ipPrefix("::ffff:198.51.100.9")).isEqualTo("198.51.100.0/24");
    }

    @Test
    void invalidAddressesAndHostNamesAreMissing() {
        assertThat(MatchFeatureNormalizer.ipPrefix("256.1.1.1")).isNull();
        assertThat(MatchFeatureNormalizer.ipPrefix("example.com")).isNull();
        assertThat(MatchFeatureNormalizer.ipPrefix("1.2.3")).isNull();
        assertThat(MatchFeatureNormalizer.ipPrefix("gg::1")).isNull();
        assertThat(MatchFeatureNormalizer.ipPrefix(null)).isNull();
    }

    @Test
    void aWholeRecordIsNormalizedFieldByField() {
        Instant at = Instant.parse("2026-10-05T18:45:00Z");
        MatchRecord record = MatchFeatureNormalizer.normalize("e1", " Renée ", "DUBOIS", "renee@Example.FR",
                "75001 ", "192.0.2.200", " ABC123 ", at);
        assertThat(record).isEqualTo(new MatchRecord("e1", "renee", "dubois", "example.fr", "75001",
                "192.0.2.0/24", "abc123", at));
    }
}
