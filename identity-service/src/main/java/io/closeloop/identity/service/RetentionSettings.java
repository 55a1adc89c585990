package io.closeloop.identity.service;

import io.closeloop.common.InvalidInputException;
import io.closeloop.identity.config.ComplianceConfig;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.repository.RetentionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/** Per-tenant retention of person-level data; changes are audited. */
@ApplicationScoped
public class RetentionSettings {

    static final String SETTING = "retention.person_days";

    private final RetentionRepository retention;
    private final AuditLog audit;
    private final ComplianceConfig config;

    public RetentionSettings(RetentionRepository retention, AuditLog audit, ComplianceConfig config) {
        this.retention = retention;
        this.audit = audit;
        this.config = config;
    }

    /** The tenant's retention in days: its own setting, or the default. */
    public Uni<Integer> days(String tenant) {
        return Panache.withSession(() -> retention.days(tenant))
                .map(days -> days == null ? config.retention().defaultDays() : days);
    }

    /** @throws InvalidInputException naming {@code personDays} when it is out of range */
    public Uni<Integer> change(String tenant, Integer days, String by) {
        int max = config.retention().maxDays();
        if (days == null) {
            throw new InvalidInputException("personDays", "is required");
        }
        if (days < 1 || days > max) {
            throw new InvalidInputException("personDays", "must be between 1 and " + max);
        }
        return Panache.withTransaction(() -> retention.days(tenant).chain(before -> retention.store(tenant, days, by)
                .chain(() -> audit.append(tenant, AuditEntry.configurationChanged(Instant.now(), SETTING, by,
                        Map.of("from", String.valueOf(before == null ? config.retention().defaultDays() : before),
                                "to", String.valueOf(days)))))))
                .replaceWith(days);
    }
}
