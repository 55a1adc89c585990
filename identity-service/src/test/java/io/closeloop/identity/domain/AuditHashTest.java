package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.ConsentPurpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final UUID PERSON = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID EVENT = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final Instant AT = Instant.parse("2026-10-01T10:00:00.123456789Z");

    @Test
    void theCanonicalEncodingLengthPrefixesEveryValueAndMarksMissingOnes() {
        AuditEntry entry = AuditEntry.consentDecision(AT, EVENT, PERSON, ConsentPurpose.MEASUREMENT, false,
                "denied: ü");

        String canonical = AuditHash.canonical("acme", 7, Instant.parse("2026-10-01T10:00:01Z"), entry,
                AuditHash.GENESIS);

        assertThat(canonical).isEqualTo("closeloop-audit-v1" + "4:acme" + "1:7" + "16:1790848800123456"
                + "16:1790848801000000" + "16:consent_decision" + "36:" + PERSON + "0*" + "36:" + EVENT + "0*"
                + "11:measurement" + "10:suppressed" + "10:denied: ü" + "0*" + "64:" + AuditHash.GENESIS);
    }

    @Test
    void theHashIsSha256HexOfTheCanonicalEncoding() {
        AuditEntry entry = new AuditEntry("merge", Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null,
                null, null, null, null);

        assertThat(AuditHash.canonical("t", 1, Instant.EPOCH, entry, AuditHash.GENESIS))
                .isEqualTo("closeloop-audit-v11:t1:116:17672256000000001:05:merge-0*-0*---0*64:" + AuditHash.GENESIS);
        // the same text through sha256sum
        assertThat(AuditHash.of("t", 1, Instant.EPOCH, entry, AuditHash.GENESIS))
                .isEqualTo("16fe511ac10c511c19d9a4b2b9f2140fa6fb24ffe9ad4029f601dea8cc77d70e");
    }

    @Test
    void valuesThatConcatenateAlikeHashDifferently() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        AuditEntry ab = new AuditEntry("x", at, null, null, null, null, "ab", "c", null, null);
        AuditEntry a = new AuditEntry("x", at, null, null, null, null, "a", "bc", null, null);
        AuditEntry keyValue = new AuditEntry("x", at, null, null, null, null, null, null, null, Map.of("a", "b=c"));
        AuditEntry keyValue2 = new AuditEntry("x", at, null, null, null, null, null, null, null, Map.of("a=b", "c"));

        assertThat(hash(ab)).isNotEqualTo(hash(a));
        assertThat(hash(keyValue)).isNotEqualTo(hash(keyValue2));
    }

    @Test
    void everyFieldAndTheLinkCountInTheHash() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        AuditEntry base = AuditEntry.merge(at, EVENT, PERSON, UUID.randomUUID(), "same crm contact");
        String hash = hash(base);

        assertThat(AuditHash.of("acme", 1, Instant.EPOCH, base, "1".repeat(64))).isNotEqualTo(hash);
        assertThat(AuditHash.of("acme", 2, Instant.EPOCH, base, AuditHash.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditHash.of("globex", 1, Instant.EPOCH, base, AuditHash.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditHash.of("acme", 1, Instant.EPOCH.plusNanos(1000), base, AuditHash.GENESIS)).isNotEqualTo(hash);
        assertThat(hash(new AuditEntry(base.action(), base.occurredAt(), base.personId(), List.of(), base.eventId(),
                null, null, null, base.reason(), null))).isNotEqualTo(hash);
        assertThat(hash(new AuditEntry(base.action(), base.occurredAt(), base.personId(), base.relatedPersonIds(),
                base.eventId(), null, null, null, "other reason", null))).isNotEqualTo(hash);
    }

    @Test
    void detailsAreHashedInKeyOrderWhateverTheMapOrder() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        AuditEntry one = new AuditEntry("x", at, null, null, null, null, null, null, null,
                descending());
        AuditEntry two = new AuditEntry("x", at, null, null, null, null, null, null, null, Map.of("a", "1", "b", "2"));

        assertThat(hash(one)).isEqualTo(hash(two));
        assertThat(AuditHash.canonical("acme", 1, Instant.EPOCH, one, AuditHash.GENESIS)).contains("2*1:a1:11:b1:2");
    }

    private static Map<String, String> descending() {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("b", "2");
        details.put("a", "1");
        return details;
    }

    private static String hash(AuditEntry entry) {
        return AuditHash.of("acme", 1, Instant.EPOCH, entry, AuditHash.GENESIS);
    }
}
