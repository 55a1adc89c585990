package io.closeloop.identity.service;

import io.closeloop.identity.domain.AuditEntry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit entries one transaction produces, appended together as its last writes: an append locks the
 * tenant's chain head until commit, so it must not come before other row locks (which could then deadlock).
 */
public final class AuditBatch {

    private final String tenant;
    private final List<AuditEntry> entries = new ArrayList<>();

    public AuditBatch(String tenant) {
        this.tenant = tenant;
    }

    public AuditBatch add(AuditEntry entry) {
        entries.add(entry);
        return this;
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** Appends every entry in order; inside the caller's transaction. */
    public Uni<Void> appendTo(AuditLog log) {
        return Multi.createFrom().iterable(List.copyOf(entries))
                .onItem().transformToUniAndConcatenate(entry -> log.append(tenant, entry))
                .collect().last()
                .replaceWithVoid();
    }
}
