package io.closeloop.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IdentityNormalizationTest {

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(EmailNormalizer.normalize("  Jane.Doe@Example.COM ")).contains("jane.doe@example.com");
        assertThat(EmailNormalizer.normalize("not-an-email")).isEmpty();
        assertThat(EmailNormalizer.normalize("a@b")).isEmpty();
        assertThat(EmailNormalizer.normalize(null)).isEmpty();
    }

    @Test
    void matchKeysDifferPerTenantSecretAndKind() {
        IdentifierHasher acme = new IdentifierHasher("acme-secret".getBytes(StandardCharsets.UTF_8));
        IdentifierHasher globex = new IdentifierHasher("globex-secret".getBytes(StandardCharsets.UTF_8));
        String acmeKey = acme.matchKey("email", "jane@example.com");
        assertThat(acmeKey).hasSize(64).isEqualTo(acme.matchKey("email", "jane@example.com"));
        assertThat(acmeKey).isNotEqualTo(globex.matchKey("email", "jane@example.com"));
        assertThat(acmeKey).isNotEqualTo(acme.matchKey("phone", "jane@example.com"));
        assertThat(acmeKey).doesNotContain("jane");
    }

    @Test
    void exportHashIsPlainSha256Hex() {
        // echo -n "jane@example.com" | sha256sum
        assertThat(IdentifierHasher.sha256("jane@example.com"))
                .isEqualTo("8c87b489ce35cf2e2f39f80e282cb2e804932a56a213983eeeb428407d43b52d");
    }

    @Test
    void timeWithOffsetKeepsTheOffsetAsSourceZone() {
        EventTime time = EventTime.parse("2026-11-02T09:15:00+01:00", ZoneId.of("UTC"));
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-02T08:15:00Z"));
        assertThat(time.sourceZone()).isEqualTo("+01:00");
        assertThat(EventTime.parse("2026-11-02T08:15:00Z", ZoneId.of("Europe/Berlin")).sourceZone()).isEqualTo("UTC");
    }

    @Test
    void localTimeIsReadInTheGivenZone() {
        EventTime time = EventTime.parse("2026-07-01T10:00:00", ZoneId.of("Europe/Berlin"));
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(time.sourceZone()).isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> EventTime.parse("yesterday", ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
