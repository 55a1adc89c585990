package io.closeloop.identity.service;

import io.closeloop.identity.repository.PendingTouchRepository;
import io.closeloop.identity.repository.SettingsRepository;
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
 * Anonymous journeys that were never linked expire: touches that occurred before the tenant's anonymous-journey
 * window (the longest lookback, 90 days unless set) are deleted, since no conversion could credit them any more.
 */
@ApplicationScoped
public class AnonymousJourneyPurge {

    private static final Logger LOG = Logger.getLogger(AnonymousJourneyPurge.class);

    private final PendingTouchRepository pending;
    private final SettingsRepository settings;

    public AnonymousJourneyPurge(PendingTouchRepository pending, SettingsRepository settings) {
        this.pending = pending;
        this.settings = settings;
    }

    @Scheduled(identity = "anonymous-journey-purge", cron = "{closeloop.identity.anonymous-journeys.purge-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(Instant.now()).invoke(purged -> LOG.infof("anonymous journeys expired per tenant: %s", purged))
                .replaceWithVoid();
    }

    /** Expires every tenant's pending touches as of {@code now}; returns how many went per tenant. */
    public Uni<Map<String, Integer>> purge(Instant now) {
        Map<String, Integer> purged = new TreeMap<>();
        return Panache.withSession(pending::tenants)
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> Panache.withTransaction(() -> settings.limits(tenant)
                        .chain(limits -> pending.expire(tenant,
                                now.minus(Duration.ofDays(limits.anonymousJourneyDays())))))
                        .invoke(count -> purged.put(tenant, count)))
                .collect().last()
                .replaceWith(purged);
    }
}
