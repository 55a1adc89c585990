package io.closeloop.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which entries of a tenant's chain to read: each condition is optional. {@code personId} matches the
 * entry's person and its related persons; {@code from} (inclusive) and {@code to} (exclusive) bound the
 * time the fact occurred.
 */
public record AuditFilter(UUID personId, String purpose, String action, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
