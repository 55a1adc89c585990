package io.closeloop.identity.service;

import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.ConsentRules;
import io.closeloop.identity.domain.GuardLimits;
import io.closeloop.identity.repository.SettingsRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/** Reads and changes identity's tenant settings; every change is audited. Input arrives checked. */
@ApplicationScoped
public class SettingsService {

    private final SettingsRepository settings;
    private final AuditLog auditLog;

    public SettingsService(SettingsRepository settings, AuditLog auditLog) {
        this.settings = settings;
        this.auditLog = auditLog;
    }

    public Uni<GuardLimits> limits(String tenant) {
        return Panache.withSession(() -> settings.limits(tenant));
    }

    public Uni<GuardLimits> changeLimits(String tenant, GuardLimits limits, String admin) {
        return Panache.withTransaction(() -> settings.saveLimits(tenant, limits)
                .chain(() -> auditLog.append(tenant, AuditEntry.configurationChanged(Instant.now(), "identity_settings",
                        admin, Map.of("max_email_keys_per_person", Integer.toString(limits.maxEmailKeysPerPerson()),
                                "max_persons_per_device", Integer.toString(limits.maxPersonsPerDevice()),
                                "match_threshold", Double.toString(limits.matchThreshold()),
                                "anonymous_journey_days", Integer.toString(limits.anonymousJourneyDays()),
                                "probabilistic_matching", Boolean.toString(limits.probabilisticMatching())))))
                .replaceWith(limits));
    }

    public Uni<ConsentRules> consentRules(String tenant) {
        return Panache.withSession(() -> settings.consentRules(tenant));
    }

    public Uni<ConsentRules> changeConsentRules(String tenant, ConsentRules rules, String admin) {
        return Panache.withTransaction(() -> settings.saveConsentRules(tenant, rules)
                .chain(() -> auditLog.append(tenant, AuditEntry.configurationChanged(Instant.now(),
                        "consent_defaults", admin, Map.of("regions", String.join(",",
                                new java.util.TreeSet<>(rules.regions().keySet())),
                                "server_side_sources", String.join(",", rules.serverSideSources())))))
                .replaceWith(rules));
    }
}
