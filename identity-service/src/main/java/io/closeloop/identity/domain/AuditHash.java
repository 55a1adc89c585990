package io.closeloop.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hash of an audit entry: lower-case hex SHA-256 over the UTF-8 bytes of its canonical encoding.
 *
 * <p>The encoding is the text {@code closeloop-audit-v1} followed by these fields in this order: tenant,
 * seq, occurred_at, recorded_at, action, person_id, related_person_ids, event_id, related_event_ids,
 * purpose, outcome, reason, details, prev_hash. A value is written as its UTF-8 byte length, a colon and
 * the value ({@code 5:hello}); a missing value as {@code -}. Numbers are decimal, instants are
 * microseconds since 1970-01-01T00:00:00Z, UUIDs are lower-case with dashes. A list is its length and
 * {@code *} followed by its items; details are their count and {@code *} followed by key and value of each
 * pair in ascending key order (Java {@link String#compareTo}). Every value says where it ends, so no two
 * different entries share an encoding. The first entry's prev_hash is {@link #GENESIS}.
 */
public final class AuditHash {

    /** prev_hash of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "closeloop-audit-v1";

    private AuditHash() {
    }

    public static String of(String tenant, long seq, Instant recordedAt, AuditEntry entry, String prevHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(tenant, seq, recordedAt, entry, prevHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The text that is hashed; public so that the format can be shown and checked outside the service. */
    public static String canonical(String tenant, long seq, Instant recordedAt, AuditEntry entry, String prevHash) {
        StringBuilder out = new StringBuilder(VERSION);
        value(out, tenant);
        value(out, Long.toString(seq));
        value(out, micros(entry.occurredAt()));
        value(out, micros(recordedAt));
        value(out, entry.action());
        value(out, entry.personId());
        list(out, entry.relatedPersonIds());
        value(out, entry.eventId());
        list(out, entry.relatedEventIds());
        value(out, entry.purpose());
        value(out, entry.outcome());
        value(out, entry.reason());
        out.append(entry.details().size()).append('*');
        for (Map.Entry<String, String> pair : entry.details().entrySet()) {
            value(out, pair.getKey());
            value(out, pair.getValue());
        }
        value(out, prevHash);
        return out.toString();
    }

    private static void list(StringBuilder out, List<UUID> ids) {
        out.append(ids.size()).append('*');
        ids.forEach(id -> value(out, id));
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append('-');
            return;
        }
        String text = value.toString();
        out.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }
}
