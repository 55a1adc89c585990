package io.closeloop.identity.service;

import io.closeloop.identity.domain.GuardLimits;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Refits every tenant's match model on a schedule (cron {@code closeloop.identity.match-model.fit-cron}), on a
 * worker thread. Every instance runs it; a fit only adds a version, so a second instance's fit is harmless
 * (the version insert of the slower one fails and is logged).
 */
@ApplicationScoped
public class MatchModelScheduler {

    private static final Logger LOG = Logger.getLogger(MatchModelScheduler.class);

    private final MatchModels models;
    private final SettingsService settings;

    public MatchModelScheduler(MatchModels models, SettingsService settings) {
        this.models = models;
        this.settings = settings;
    }

    @Scheduled(identity = "match-model-fit", cron = "{closeloop.identity.match-model.fit-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fitAll() {
        Instant now = Instant.now();
        for (String tenant : models.tenants()) {
            try {
                GuardLimits limits = MatchModels.await(() -> settings.limits(tenant));
                if (!limits.probabilisticMatching()) {
                    continue;
                }
                MatchModels.FitOutcome outcome = models.fit(tenant, now);
                if (outcome.notFitted() != null) {
                    LOG.debugf("tenant %s: no match model fitted: %s", tenant, outcome.notFitted());
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "tenant %s: match model fit failed", tenant);
            }
        }
    }
}
