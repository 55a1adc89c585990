package io.closeloop.identity.service;

import io.closeloop.identity.config.ComplianceConfig;
import io.closeloop.identity.repository.OverdueErasures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;

/**
 * {@code closeloop.erasure.overdue}: erasures not confirmed by every participating service within
 * {@code closeloop.compliance.erasure-deadline} of their request, counted when scraped. Anything above zero means
 * a service is not erasing and personal data outlives the subject's request.
 */
@ApplicationScoped
public class ErasureOverdueGauge {

    private final OverdueErasures erasures;
    private final ComplianceConfig config;

    public ErasureOverdueGauge(OverdueErasures erasures, ComplianceConfig config) {
        this.erasures = erasures;
        this.config = config;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("closeloop.erasure.overdue", this, ErasureOverdueGauge::overdue)
                .description("Erasure requests not confirmed by every service after the deadline")
                .register(registry);
    }

    /** Not a number while the database cannot be asked. */
    double overdue() {
        try {
            return erasures.count(config.erasureDeadline());
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
