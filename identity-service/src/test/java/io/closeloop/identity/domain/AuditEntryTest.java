package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.ConsentPurpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-10-01T10:00:00.123456789Z");
    private static final UUID P1 = UUID.randomUUID();
    private static final UUID P2 = UUID.randomUUID();
    private static final UUID E1 = UUID.randomUUID();

    @Test
    void aConsentDecisionNamesEventPurposeOutcomeAndWhy() {
        assertThat(AuditEntry.consentDecision(AT, E1, P1, ConsentPurpose.AD_USER_DATA, false, "EU default: denied"))
                .isEqualTo(new AuditEntry("consent_decision", Instant.parse("2026-10-01T10:00:00.123456Z"), P1,
                        List.of(), E1, List.of(), "ad_user_data", "suppressed", "EU default: denied", Map.of()));
    }

    @Test
    void aMergeIsAboutTheSurvivorAndRelatesTheAbsorbedPerson() {
        AuditEntry merge = AuditEntry.merge(AT, E1, P1, P2, "same crm contact");

        assertThat(merge.personId()).isEqualTo(P1);
        assertThat(merge.relatedPersonIds()).containsExactly(P2);
        assertThat(AuditEntry.mergeBlocked(AT, E1, P1, P2, "two crm contact ids").outcome()).isEqualTo("blocked");
    }

    @Test
    void erasureEntriesCarryTheRequestAndEveryPerson() {
        UUID request = UUID.randomUUID();

        AuditEntry requested = AuditEntry.erasureRequested(AT, request, List.of(P1, P2), "acme-compliance");

        assertThat(requested.personId()).isEqualTo(P1);
        assertThat(requested.relatedPersonIds()).containsExactly(P2);
        assertThat(requested.details()).containsExactly(Map.entry("request_id", request.toString()),
                Map.entry("requested_by", "acme-compliance"));
        assertThat(AuditEntry.erasureConfirmed(AT, request, "attribution", 12).details()).containsExactly(
                Map.entry("erased_rows", "12"), Map.entry("request_id", request.toString()),
                Map.entry("service", "attribution"));
    }

    @Test
    void textThePostgresColumnsCannotHoldIsRefused() {
        assertThatThrownBy(() -> AuditEntry.consentDecision(AT, E1, P1, ConsentPurpose.MEASUREMENT, true, "a\0b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not contain NUL characters");
        assertThatThrownBy(() -> new AuditEntry(" ", AT, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("action is required");
    }
}
