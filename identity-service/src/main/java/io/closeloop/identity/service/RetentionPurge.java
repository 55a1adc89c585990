package io.closeloop.identity.service;

import io.closeloop.identity.config.ComplianceConfig;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.repository.PersonDataRepository;
import io.closeloop.identity.repository.RetentionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Deletes person-level data past each tenant's retention: persons created before the cutoff without any event
 * at or after it. Unlike an erasure it leaves no tombstone: a person seen again later is simply new. Each tenant
 * is purged in its own transaction, by one instance at a time, and every purge that removed persons is audited.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final PersonDataRepository persons;
    private final RetentionRepository retention;
    private final AuditLog audit;
    private final ComplianceConfig config;

    public RetentionPurge(PersonDataRepository persons, RetentionRepository retention, AuditLog audit,
                          ComplianceConfig config) {
        this.persons = persons;
        this.retention = retention;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(identity = "retention-purge", cron = "{closeloop.compliance.retention.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(Instant.now()).invoke(purged -> LOG.infof("retention purge: persons per tenant %s", purged))
                .replaceWithVoid();
    }

    /** Purges every tenant as of {@code now}; returns the persons purged per tenant. */
    public Uni<Map<String, Long>> purge(Instant now) {
        Map<String, Long> purged = new TreeMap<>();
        return Panache.withSession(persons::tenants)
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> purgeTenant(tenant, now)
                        .invoke(count -> purged.put(tenant, count)))
                .collect().last()
                .replaceWith(purged);
    }

    private Uni<Long> purgeTenant(String tenant, Instant now) {
        return Panache.withTransaction(() -> retention.tryLockPurge(tenant).chain(locked -> !locked
                ? Uni.createFrom().item(0L)
                : retention.days(tenant).chain(days -> {
                    int keep = days == null ? config.retention().defaultDays() : days;
                    Instant cutoff = now.minus(Duration.ofDays(keep));
                    return persons.inactiveSince(tenant, cutoff).chain(stale -> persons.erase(tenant, stale)
                            .chain(rows -> stale.isEmpty() ? Uni.createFrom().item(0L)
                                    : audit.append(tenant, AuditEntry.retentionPurge(now, cutoff, stale.size()))
                                            .replaceWith((long) stale.size())));
                })));
    }
}
