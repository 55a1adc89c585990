package io.closeloop.identity.service;

import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.AuditFilter;
import io.closeloop.identity.domain.ChainVerification;
import io.closeloop.identity.domain.ChainVerifier;
import io.closeloop.identity.domain.ChainedEntry;
import io.closeloop.identity.repository.AuditRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The tenant's hash-chained audit log. {@link #append} runs inside the caller's transaction, so an entry
 * commits exactly when the decision it records does:
 *
 * <pre>{@code
 * Panache.withTransaction(() -> consents.store(...)
 *         .chain(() -> auditLog.append(tenant, AuditEntry.consentDecision(at, eventId, personId, MEASUREMENT,
 *                 false, "denied by a consent_mode signal of 2026-10-01T10:00:00Z"))))
 * }</pre>
 *
 * Appends of one tenant are serialized by a lock on the chain head held until the caller commits; append
 * as the caller's last write so that the lock is short and never waits for another lock.
 */
@ApplicationScoped
public class AuditLog {

    /** Rows read per statement when the whole chain is walked. */
    static final int BATCH = 1000;

    private final AuditRepository repository;

    public AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Appends {@code entry} to the tenant's chain; must run inside {@code Panache.withTransaction}. */
    public Uni<ChainedEntry> append(String tenant, AuditEntry entry) {
        return repository.lockHead(tenant).chain(head -> {
            ChainedEntry chained = ChainedEntry.link(tenant, head.seq() + 1, Instant.now(), entry, head.hash());
            return repository.append(chained).replaceWith(chained);
        });
    }

    /** One page of matching entries after seq {@code after}. */
    public Uni<List<ChainedEntry>> page(String tenant, AuditFilter filter, long after, int limit) {
        return Panache.withSession(() -> repository.entries(tenant, filter, after, Long.MAX_VALUE, limit));
    }

    /**
     * Every matching entry up to the head as it is when the stream starts, in batches of up to {@link #BATCH}
     * in seq order, so that a long chain is never held in memory and is written in few chunks.
     */
    public Multi<List<ChainedEntry>> stream(String tenant, AuditFilter filter) {
        return Panache.withSession(() -> repository.head(tenant)).toMulti().flatMap(head -> {
            long[] after = {0};
            return Multi.createBy().repeating()
                    .uni(() -> Panache.withSession(() -> repository.entries(tenant, filter, after[0], head.seq(),
                            BATCH)).invoke(batch -> {
                                if (!batch.isEmpty()) {
                                    after[0] = batch.get(batch.size() - 1).seq();
                                }
                            }))
                    .whilst(batch -> batch.size() == BATCH)
                    .filter(batch -> !batch.isEmpty());
        });
    }

    /**
     * Recomputes every hash of the tenant's chain in seq order and compares the links and the head, all
     * in one snapshot so that concurrent appends do not look like damage.
     */
    public Uni<ChainVerification> verify(String tenant) {
        ChainVerifier verifier = new ChainVerifier();
        return Panache.withTransaction(() -> repository.readOneSnapshot()
                .chain(() -> repository.head(tenant))
                .call(head -> walk(tenant, verifier, 0))
                .map(verifier::finish));
    }

    private Uni<Void> walk(String tenant, ChainVerifier verifier, long after) {
        return repository.entries(tenant, AuditFilter.ALL, after, Long.MAX_VALUE, BATCH).chain(batch -> {
            batch.forEach(verifier::accept);
            return batch.size() < BATCH
                    ? Uni.createFrom().voidItem()
                    : walk(tenant, verifier, batch.get(batch.size() - 1).seq());
        });
    }
}
