package io.closeloop.identity.domain;

import io.closeloop.contracts.ConsentPurpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One fact for the audit chain, as a caller states it. It names persons and events by their random ids
 * only, never by identifiers (no match keys, export hashes or hashes of emails), so erasing a person's
 * identifiers leaves the chain intact and unlinkable.
 *
 * @param action           what happened, e.g. {@code consent_decision}; open so other services can add theirs
 * @param occurredAt       when it happened (kept to the microsecond, as PostgreSQL stores it)
 * @param personId         the person the entry is about, if any
 * @param relatedPersonIds further persons it concerns (the absorbed person of a merge, the rest of an export)
 * @param eventId          the event it is about, if any
 * @param relatedEventIds  further events it concerns (the events an unmerge moves, the conversions exported)
 * @param purpose          the consent purpose concerned, e.g. {@code measurement}
 * @param outcome          e.g. {@code allowed}, {@code suppressed}, {@code blocked}
 * @param reason           why, in words a compliance officer can read
 * @param details          further facts as text; kept sorted by key
 */
public record AuditEntry(String action, Instant occurredAt, UUID personId, List<UUID> relatedPersonIds,
                         UUID eventId, List<UUID> relatedEventIds, String purpose, String outcome, String reason,
                         Map<String, String> details) {

    public static final String CONSENT_RECEIVED = "consent_received";
    public static final String CONSENT_DECISION = "consent_decision";
    public static final String MERGE = "merge";
    public static final String MERGE_BLOCKED = "merge_blocked";
    public static final String UNMERGE = "unmerge";
    public static final String ERASURE_REQUESTED = "erasure_requested";
    public static final String ERASURE_CONFIRMED = "erasure_confirmed";
    public static final String ERASURE_COMPLETED = "erasure_completed";
    public static final String RETENTION_PURGE = "retention_purge";
    public static final String ACCESS_EXPORTED = "access_exported";
    public static final String CONFIGURATION_CHANGED = "configuration_changed";

    public static final String ALLOWED = "allowed";
    public static final String SUPPRESSED = "suppressed";
    public static final String BLOCKED = "blocked";

    public AuditEntry {
        action = requireText("action", action);
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        relatedPersonIds = relatedPersonIds == null ? List.of() : List.copyOf(relatedPersonIds);
        relatedEventIds = relatedEventIds == null ? List.of() : List.copyOf(relatedEventIds);
        purpose = storable("purpose", purpose);
        outcome = storable("outcome", outcome);
        reason = storable("reason", reason);
        TreeMap<String, String> sorted = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> sorted.put(requireText("details key", key),
                    Objects.requireNonNull(storable("details." + key, value), "details." + key)));
        }
        details = Collections.unmodifiableSortedMap(sorted);
    }

    /** A consent signal arrived: its source and the state per purpose it carries. */
    public static AuditEntry consentReceived(Instant occurredAt, UUID eventId, UUID personId, String source,
                                             Map<ConsentPurpose, String> purposes) {
        Map<String, String> details = new TreeMap<>();
        if (purposes != null) {
            purposes.forEach((purpose, state) -> details.put(purpose.code(), state));
        }
        details.put("source", source);
        return new AuditEntry(CONSENT_RECEIVED, occurredAt, personId, null, eventId, null, null, null, null,
                details);
    }

    /** An event was let through ({@code allowed}) or held back ({@code suppressed}) for a purpose, and why. */
    public static AuditEntry consentDecision(Instant occurredAt, UUID eventId, UUID personId, ConsentPurpose purpose,
                                             boolean allowed, String why) {
        return new AuditEntry(CONSENT_DECISION, occurredAt, personId, null, eventId, null, purpose.code(),
                allowed ? ALLOWED : SUPPRESSED, why, null);
    }

    /** Two persons became one; the absorbed person's journeys move to the survivor. */
    public static AuditEntry merge(Instant occurredAt, UUID eventId, UUID survivorPersonId, UUID absorbedPersonId,
                                   String reason) {
        return new AuditEntry(MERGE, occurredAt, survivorPersonId, List.of(absorbedPersonId), eventId, null, null,
                null, reason, null);
    }

    /** A merge an over-merge guard or the trust rules refused; {@code rule} names the limit that held. */
    public static AuditEntry mergeBlocked(Instant occurredAt, UUID eventId, UUID personId, UUID otherPersonId,
                                          String rule) {
        return new AuditEntry(MERGE_BLOCKED, occurredAt, personId, List.of(otherPersonId), eventId, null, null,
                BLOCKED, rule, null);
    }

    /** An admin undid a merge; {@code movedEventIds} go back to the restored person. */
    public static AuditEntry unmerge(Instant occurredAt, UUID eventId, UUID survivorPersonId, UUID restoredPersonId,
                                     List<UUID> movedEventIds, String reason) {
        return new AuditEntry(UNMERGE, occurredAt, survivorPersonId, List.of(restoredPersonId), eventId,
                movedEventIds, null, null, reason, null);
    }

    /** The compliance role asked to erase persons; {@code requestedBy} is the staff account, not the subject. */
    public static AuditEntry erasureRequested(Instant occurredAt, UUID requestId, List<UUID> personIds,
                                              String requestedBy) {
        return persons(ERASURE_REQUESTED, occurredAt, personIds, null, request(requestId, requestedBy));
    }

    /** One service confirmed it erased its rows for a request. */
    public static AuditEntry erasureConfirmed(Instant occurredAt, UUID requestId, String service, long erasedRows) {
        return new AuditEntry(ERASURE_CONFIRMED, occurredAt, null, null, null, null, null, "confirmed", null,
                Map.of("request_id", requestId.toString(), "service", service,
                        "erased_rows", Long.toString(erasedRows)));
    }

    /** Every service confirmed: the request is complete. */
    public static AuditEntry erasureCompleted(Instant occurredAt, UUID requestId, List<UUID> personIds) {
        return persons(ERASURE_COMPLETED, occurredAt, personIds, "completed",
                Map.of("request_id", requestId.toString()));
    }

    /** What identity holds about persons was exported for a data-subject access request. */
    public static AuditEntry accessExported(Instant occurredAt, UUID requestId, List<UUID> personIds,
                                            String requestedBy) {
        return persons(ACCESS_EXPORTED, occurredAt, personIds, null, request(requestId, requestedBy));
    }

    /** The retention job purged person-level data older than {@code cutoff}. */
    public static AuditEntry retentionPurge(Instant occurredAt, Instant cutoff, long purgedPersons) {
        return new AuditEntry(RETENTION_PURGE, occurredAt, null, null, null, null, null, null, null,
                Map.of("cutoff", cutoff.toString(), "purged_persons", Long.toString(purgedPersons)));
    }

    /**
     * A fact another service recorded on {@code audit.records}, e.g. reporting's ad-platform export; the
     * service's own name goes into the details.
     */
    public static AuditEntry recordedBy(String service, String action, Instant occurredAt, List<UUID> personIds,
                                        List<UUID> eventIds, String purpose, String outcome,
                                        Map<String, String> details) {
        Map<String, String> all = new TreeMap<>(details == null ? Map.of() : details);
        all.put("service", service);
        List<UUID> events = eventIds == null ? List.of() : eventIds;
        return new AuditEntry(action, occurredAt, first(personIds), rest(personIds), first(events), rest(events),
                purpose, outcome, null, all);
    }

    /** A tenant setting changed; {@code changedBy} is the staff account that changed it. */
    public static AuditEntry configurationChanged(Instant occurredAt, String setting, String changedBy,
                                                  Map<String, String> change) {
        Map<String, String> details = new TreeMap<>(change == null ? Map.of() : change);
        details.put("setting", setting);
        if (changedBy != null) {
            details.put("changed_by", changedBy);
        }
        return new AuditEntry(CONFIGURATION_CHANGED, occurredAt, null, null, null, null, null, null, null,
                details);
    }

    private static AuditEntry persons(String action, Instant occurredAt, List<UUID> personIds, String outcome,
                                      Map<String, String> details) {
        return new AuditEntry(action, occurredAt, first(personIds), rest(personIds), null, null, null, outcome, null,
                details);
    }

    private static Map<String, String> request(UUID requestId, String requestedBy) {
        Map<String, String> details = new TreeMap<>();
        details.put("request_id", requestId.toString());
        if (requestedBy != null) {
            details.put("requested_by", requestedBy);
        }
        return details;
    }

    private static UUID first(List<UUID> ids) {
        return ids == null || ids.isEmpty() ? null : ids.get(0);
    }

    private static List<UUID> rest(List<UUID> ids) {
        return ids == null || ids.size() < 2 ? List.of() : new ArrayList<>(ids.subList(1, ids.size()));
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return storable(field, value);
    }

    /** PostgreSQL text and jsonb cannot hold NUL; refusing it here keeps a stored entry equal to the hashed one. */
    private static String storable(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must not contain NUL characters");
        }
        return value;
    }
}
