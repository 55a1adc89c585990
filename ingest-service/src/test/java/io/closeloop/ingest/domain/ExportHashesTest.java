package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values are `printf %s VALUE | sha256sum`. */
class ExportHashesTest {

    @Test
    void anOrdinaryAddressHasOneHashForGoogleAndMeta() {
        String sha = "fe9733fcc96501276776fc927df08a395835461a2c5b12c65ebab3454877e227"; // pat@example.com
        assertThat(ExportHashes.ofEmail("pat@example.com"))
                .containsExactly(org.assertj.core.api.Assertions.entry("google_email", sha),
                        org.assertj.core.api.Assertions.entry("meta_email", sha));
    }

    @Test
    void aDottedGmailAddressAlsoGetsGooglesNoDotsVariant() {
        assertThat(ExportHashes.ofEmail("jane.doe@gmail.com"))
                .containsEntry("google_email", "831f6494ad6be4fcb3a724c3d5fef22d3ceffa3c62ef3a7984e45a0ea177f982")
                .containsEntry("google_email_nodots",
                        "d6117306485ed0e50afab3ac871e98f81699151f30281527d63ff5f233656c69") // janedoe@gmail.com
                .containsEntry("meta_email", "831f6494ad6be4fcb3a724c3d5fef22d3ceffa3c62ef3a7984e45a0ea177f982")
                .hasSize(3);
    }

    @Test
    void theNoDotsVariantKeepsTheTagAndTheGooglemailDomain() {
        assertThat(ExportHashes.ofEmail("jane.doe+news@googlemail.com"))
                .containsEntry("google_email", "fdad4ac86c5e2a527d32a992a0d0dc030b5eb70a55690ab4faf60c1b048d529c")
                .containsEntry("google_email_nodots",
                        "60c0265352dbdfd9043256f411b22ac6d8060be92cefd42f815dabb76cd1c040"); // janedoe+news@googlemail.com
    }

    @Test
    void anUndottedGmailAddressHasNoVariant() {
        assertThat(ExportHashes.ofEmail("janedoe@gmail.com")).doesNotContainKey("google_email_nodots").hasSize(2);
    }

    @Test
    void phonesHashE164WithPlusForGoogleAndDigitsForMeta() {
        assertThat(ExportHashes.ofPhone("+4915123456789"))
                .containsEntry("google_phone", "663a4322addcdcc2be9435bfd2505066dc1048b89d33e48f363119f18bdd71e8")
                .containsEntry("meta_phone", "c0f8f0bebbbac96451ee8d8def84a02ae9e34c877775437cb9d458328315afa7")
                .hasSize(2);
        assertThat(ExportHashes.ofPhone("+14155552671"))
                .containsEntry("google_phone", "cb6880e416769253645cb9c6b8989154bf66a56a77fc14c81fb1019663cbb928")
                .containsEntry("meta_phone", "758fbf68945f21c416814c539ab578876c8d98fb69e6da692def92cd52417fe0");
    }

    @Test
    void normalizedPhonesFeedTheHashes() {
        assertThat(ExportHashes.ofPhone(PhoneNormalizer.toE164("0151 23456789", "DE").orElseThrow()))
                .isEqualTo(ExportHashes.ofPhone("+4915123456789"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"4915123456789", "+0151234", "+", "+49 151 23456789", "+1234567890123456", ""})
    void refusesPhonesThatAreNotE164WithoutEchoingThem(String phone) {
        assertThatThrownBy(() -> ExportHashes.ofPhone(phone)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an E.164 number");
    }
}
