package io.closeloop.identity.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entry as the chain stores it: its place ({@code seq}, 1, 2, ... per tenant), when it was recorded, the
 * hash of the entry before it and its own hash.
 */
public record ChainedEntry(String tenant, long seq, Instant recordedAt, AuditEntry entry, String prevHash,
                           String hash) {

    public ChainedEntry {
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Links {@code entry} after the entry whose hash is {@code prevHash}. */
    public static ChainedEntry link(String tenant, long seq, Instant recordedAt, AuditEntry entry, String prevHash) {
        Instant recorded = recordedAt.truncatedTo(ChronoUnit.MICROS);
        return new ChainedEntry(tenant, seq, recorded, entry, prevHash,
                AuditHash.of(tenant, seq, recorded, entry, prevHash));
    }

    /** The hash this entry's content and link should have; differs from {@link #hash()} if a row was altered. */
    public String expectedHash() {
        return AuditHash.of(tenant, seq, recordedAt, entry, prevHash);
    }
}
