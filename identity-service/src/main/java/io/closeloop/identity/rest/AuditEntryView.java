package io.closeloop.identity.rest;

import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.ChainedEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An audit entry as the API shows it, with its links so that an auditor can check the chain. */
public record AuditEntryView(long seq, Instant occurredAt, Instant recordedAt, String action, UUID personId,
                             List<UUID> relatedPersonIds, UUID eventId, List<UUID> relatedEventIds, String purpose,
                             String outcome, String reason, Map<String, String> details, String prevHash,
                             String hash) {

    static AuditEntryView of(ChainedEntry chained) {
        AuditEntry e = chained.entry();
        return new AuditEntryView(chained.seq(), e.occurredAt(), chained.recordedAt(), e.action(), e.personId(),
                e.relatedPersonIds(), e.eventId(), e.relatedEventIds(), e.purpose(), e.outcome(), e.reason(),
                e.details(), chained.prevHash(), chained.hash());
    }
}
