package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNormalizerTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "(415) 555-2671|US|+14155552671",
        "415-555-2671|US|+14155552671",
        "'  415.555.2671  '|US|+14155552671",
        "(415) 555-2671|us|+14155552671",
        "(415) 555-2671|' us '|+14155552671",
        "+1 415 555 2671|DE|+14155552671",
        "+1 415 555 2671|null|+14155552671",
        "tel:+1-415-555-2671|US|+14155552671",
        "4155552671 ext. 12|US|+14155552671",
        "+1 (415) 555\u20112671|US|+14155552671",
        "011 49 151 23456789|US|+4915123456789",
        "0151 23456789|DE|+4915123456789",
        "015123456789|DE|+4915123456789",
        "\uff10\uff11\uff15\uff11 \uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19|DE|+4915123456789",
        "+49 151 23456789|US|+4915123456789",
        "00 49 151 23456789|FR|+4915123456789",
        "030 123456|DE|+4930123456",
        "020 7946 0018|GB|+442079460018",
        "07911 123456|GB|+447911123456",
        "06 12 34 56 78|FR|+33612345678",
        "090-1234-5678|JP|+819012345678",
        "0412 345 678|AU|+61412345678",
        "98765 43210|IN|+919876543210",
        "1-800-FLOWERS|US|+18003569377",
        "+44 20 7946 0958|US|+442079460958",
        "0044 20 7946 0958|US|+442079460958",
        "(+44) 20 7946 0958|US|+442079460958",
        "(0044) 20 7946 0958|US|+442079460958",
        "+44 (0)20 7946 0958|US|+442079460958",
        "0044 7911 123456|US|+447911123456",
        "0049 (0)30 123456|US|+4930123456",
        "+49 30 123456|GB|+4930123456",
        "001 415 555 2671|DE|+14155552671",
        "0044 20 7946 0958|null|+442079460958"
    })
    void formatsValidNumbersAsE164(String raw, String region, String e164) {
        assertThat(PhoneNormalizer.toE164(raw, region)).contains(e164);
    }

    @ParameterizedTest(name = "{0} in {1} is rejected")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null|US",
        "''|US",
        "'   '|US",
        "abc|US",
        "123|US",
        "555-0100|US",
        "+1 000 555 2671|US",
        "+49 151 2345678901234|DE",
        "+4920100000000000|DE",
        "+4923184481053623|DE",
        "(415) 555-2671|ZZ",
        "(415) 555-2671|USA",
        "(415) 555-2671|null",
        "(415) 555-2671|''",
        "0151 23456789|US",
        "020 7946 0958|US",
        "07911 123456|US",
        "+1 415 555 2671 0000000000000000000000000000000000000000000000000000000|US"
    })
    void rejectsInvalidNumbersAndUnknownRegions(String raw, String region) {
        assertThat(PhoneNormalizer.toE164(raw, region)).isEmpty();
    }

    @ParameterizedTest(name = "region {0} known: {1}")
    @CsvSource(nullValues = "null", value = {"US, true", "de, true", "' GB ', true", "ZZ, false", "USA, false",
        "null, false"})
    void knowsTheSupportedRegions(String region, boolean known) {
        assertThat(PhoneNormalizer.isKnownRegion(region)).isEqualTo(known);
    }
}
