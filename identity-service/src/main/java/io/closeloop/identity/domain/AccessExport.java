package io.closeloop.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything identity holds about the persons of an access request (GDPR Art. 15, CCPA right to know).
 *
 * @param notes how to read the export (identity never holds clear emails or phones)
 */
public record AccessExport(UUID requestId, String tenant, Instant requestedAt, Instant generatedAt,
                           List<String> notes, List<Person> persons) {

    public static final String IDENTIFIER_NOTE = "Identifiers are shown as identity holds them: emails, phones and"
            + " caller numbers only as tenant-keyed HMAC-SHA-256 match keys, other kinds as the issuing system's id;"
            + " identity never receives clear emails or phone numbers.";
    public static final String HASH_NOTE = "Export hashes are the SHA-256 hashes each ad platform expects, by"
            + " platform form; they are sent to a platform only when consent allows.";
    public static final String CONSENT_NOTE = "Without recorded consent signals, events from authenticated"
            + " server-side sources were processed under the tenant's server-side default basis"
            + " (server_side_default).";

    public record Person(UUID personId, Map<String, List<Identifier>> identifiers,
                         Map<String, List<String>> exportHashes, List<Consent> consentHistory, List<Event> events) {
    }

    public record Identifier(String value, String trust, Instant firstSeenAt) {
    }

    public record Consent(String purpose, String state, String source, Instant occurredAt) {
    }

    /** One event of the person's journeys; {@code conversionId} for conversions only. */
    public record Event(UUID eventId, String kind, Instant occurredAt, String channel, String conversionId) {
    }
}
