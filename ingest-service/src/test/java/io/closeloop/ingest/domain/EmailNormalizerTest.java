package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormalizerTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "jane@example.com|jane@example.com",
        "'  Jane.Doe@Example.COM '|jane.doe@example.com",
        "JANE+NEWS@EXAMPLE.COM|jane+news@example.com",
        "Jane.Doe@Gmail.com|jane.doe@gmail.com",
        "'\tjane@example.co.uk\n'|jane@example.co.uk"
    })
    void normalizesByTrimmingAndLowerCasing(String raw, String normalized) {
        assertThat(EmailNormalizer.normalize(raw)).contains(normalized);
    }

    @ParameterizedTest(name = "\"{0}\" is not an address")
    @ValueSource(strings = {"", "  ", "not-an-email", "a@b", "@example.com", "jane@", "jane@@example.com",
        "jane doe@example.com", "jane@exa mple.com", "jane@example.", "jane@.com"})
    void refusesTextThatIsNotAnAddress(String raw) {
        assertThat(EmailNormalizer.normalize(raw)).isEmpty();
        assertThat(EmailNormalizer.matchForm(raw)).isEmpty();
    }

    @ParameterizedTest(name = "match form of \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "jane.doe@gmail.com|janedoe@gmail.com",
        "Jane.Doe@Gmail.com|janedoe@gmail.com",
        "j.a.n.e.d.o.e@gmail.com|janedoe@gmail.com",
        "janedoe+news@gmail.com|janedoe@gmail.com",
        "jane.doe+news+more@gmail.com|janedoe@gmail.com",
        "jane.doe+ne.ws@gmail.com|janedoe@gmail.com",
        "jane.doe@googlemail.com|janedoe@gmail.com",
        "JaneDoe+Promo@GoogleMail.com|janedoe@gmail.com",
        "janedoe@gmail.com|janedoe@gmail.com",
        "+tag@gmail.com|+tag@gmail.com",
        "...@gmail.com|...@gmail.com",
        "jane.doe@example.com|jane.doe@example.com",
        "jane.doe+news@example.com|jane.doe+news@example.com",
        "jane.doe@gmail.co.uk|jane.doe@gmail.co.uk",
        "jane.doe@mail.gmail.com|jane.doe@mail.gmail.com",
        "jane.doe@notgmail.com|jane.doe@notgmail.com",
        "jane.doe@outlook.com|jane.doe@outlook.com"
    })
    void matchFormFoldsGmailDotsAndTagsOnly(String raw, String matchForm) {
        assertThat(EmailNormalizer.matchForm(raw)).contains(matchForm);
    }

    @ParameterizedTest(name = "Google no-dots variant of {0} is \"{1}\"")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "jane.doe@gmail.com|janedoe@gmail.com",
        "jane.doe@googlemail.com|janedoe@googlemail.com",
        "jane.doe+news@gmail.com|janedoe+news@gmail.com",
        "janedoe@gmail.com|none",
        "jane.doe@example.com|none",
        "...@gmail.com|none",
        "not-normalized|none"
    })
    void googleVariantDropsOnlyGmailDots(String normalized, String variant) {
        if (variant == null) {
            assertThat(EmailNormalizer.googleWithoutGmailDots(normalized)).isEmpty();
        } else {
            assertThat(EmailNormalizer.googleWithoutGmailDots(normalized)).contains(variant);
        }
    }
}
