package io.closeloop.contracts;

import io.closeloop.contracts.TopicSpec.CleanupPolicy;
import java.time.Duration;
import java.util.List;

/**
 * The topic catalogue. Topics are created from this list (broker auto-creation is off); later issues
 * add topics here as their records land.
 */
public final class Topics {

    /** Raw topics hold personal data (hashed): bounded retention. */
    public static final Duration RAW_RETENTION = Duration.ofDays(7);
    private static final Duration DERIVED_RETENTION = Duration.ofDays(30);

    public static final TopicSpec<TenantSettings> TENANTS = new TopicSpec<>(
            "tenants", TenantSettings.class, "tenant.settings", 1, 3, null, CleanupPolicy.COMPACT,
            Keys.TENANT_KEY);

    public static final TopicSpec<TouchpointRaw> TOUCHPOINTS_RAW = new TopicSpec<>(
            "touchpoints.raw", TouchpointRaw.class, "touchpoint.raw", 2, 6, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.RAW_KEY);

    public static final TopicSpec<ConversionRaw> CONVERSIONS_RAW = new TopicSpec<>(
            "conversions.raw", ConversionRaw.class, "conversion.raw", 3, 6, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.RAW_KEY);

    public static final TopicSpec<TouchpointResolved> TOUCHPOINTS_RESOLVED = new TopicSpec<>(
            "touchpoints.resolved", TouchpointResolved.class, "touchpoint.resolved", 2, 6,
            DERIVED_RETENTION, CleanupPolicy.DELETE, Keys.PERSON_KEY);

    public static final TopicSpec<ConversionResolved> CONVERSIONS_RESOLVED = new TopicSpec<>(
            "conversions.resolved", ConversionResolved.class, "conversion.resolved", 3, 6,
            DERIVED_RETENTION, CleanupPolicy.DELETE, Keys.PERSON_KEY);

    public static final TopicSpec<CreditSet> CREDITS = new TopicSpec<>(
            "credits", CreditSet.class, "credit.set", 3, 6, DERIVED_RETENTION, CleanupPolicy.DELETE,
            Keys.CONVERSION_KEY);

    public static final TopicSpec<ConsentSignal> CONSENTS_RAW = new TopicSpec<>(
            "consents.raw", ConsentSignal.class, "consent.signal", 1, 6, RAW_RETENTION, CleanupPolicy.DELETE,
            Keys.RAW_KEY);

    public static final TopicSpec<SpendRecord> SPEND_RAW = new TopicSpec<>(
            "spend.raw", SpendRecord.class, "spend.record", 1, 3, null, CleanupPolicy.COMPACT, Keys.SPEND_KEY);

    public static final TopicSpec<ExperimentAssignment> EXPERIMENTS_RAW = new TopicSpec<>(
            "experiments.raw", ExperimentAssignment.class, "experiment.assignment", 1, 6, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.RAW_KEY);

    public static final TopicSpec<ExperimentAssignmentResolved> EXPERIMENTS_RESOLVED = new TopicSpec<>(
            "experiments.resolved", ExperimentAssignmentResolved.class, "experiment.assignment.resolved", 1, 6,
            DERIVED_RETENTION, CleanupPolicy.DELETE, Keys.PERSON_KEY);

    public static final TopicSpec<ComplianceRequest> COMPLIANCE_REQUESTS = new TopicSpec<>(
            "compliance.requests", ComplianceRequest.class, "compliance.request", 1, 3, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.REQUEST_KEY);

    public static final TopicSpec<ErasureRequested> ERASURE_REQUESTED = new TopicSpec<>(
            "erasure.requested", ErasureRequested.class, "erasure.requested", 1, 3, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.REQUEST_KEY);

    public static final TopicSpec<ErasureConfirmed> ERASURE_CONFIRMED = new TopicSpec<>(
            "erasure.confirmed", ErasureConfirmed.class, "erasure.confirmed", 1, 3, DERIVED_RETENTION,
            CleanupPolicy.DELETE, Keys.REQUEST_KEY);

    public static final TopicSpec<IdentityMerge> IDENTITY_MERGES = new TopicSpec<>(
            "identity.merges", IdentityMerge.class, "identity.merge", 1, 6, DERIVED_RETENTION,
            CleanupPolicy.DELETE, Keys.ABSORBED_PERSON_KEY);

    public static final TopicSpec<ConsentState> CONSENT_STATES = new TopicSpec<>(
            "consent.states", ConsentState.class, "consent.state", 1, 6, null, CleanupPolicy.COMPACT,
            Keys.PERSON_KEY);

    public static final TopicSpec<AuditRecord> AUDIT_RECORDS = new TopicSpec<>(
            "audit.records", AuditRecord.class, "audit.record", 1, 3, DERIVED_RETENTION, CleanupPolicy.DELETE,
            Keys.TENANT_KEY);

    public static final TopicSpec<AttributionStats> ATTRIBUTION_STATS = new TopicSpec<>(
            "attribution.stats", AttributionStats.class, "attribution.stats", 1, 3, null, CleanupPolicy.COMPACT,
            Keys.STATS_KEY);

    /** Compacted: the latest rate per pair and day, so a new consumer reads the whole table. */
    public static final TopicSpec<FxRate> FX_RATES = new TopicSpec<>(
            "fx.rates", FxRate.class, "fx.rate", 1, 3, null, CleanupPolicy.COMPACT, Keys.FX_RATE_KEY);

    private static final List<TopicSpec<?>> ALL = List.of(
            TENANTS, TOUCHPOINTS_RAW, CONVERSIONS_RAW, TOUCHPOINTS_RESOLVED, CONVERSIONS_RESOLVED, CREDITS,
            CONSENTS_RAW, SPEND_RAW, EXPERIMENTS_RAW, EXPERIMENTS_RESOLVED, COMPLIANCE_REQUESTS, ERASURE_REQUESTED,
            ERASURE_CONFIRMED, IDENTITY_MERGES, CONSENT_STATES, AUDIT_RECORDS, ATTRIBUTION_STATS, FX_RATES);

    private Topics() {
    }

    /** Every topic of the catalogue (without their dead-letter companions). */
    public static List<TopicSpec<?>> all() {
        return ALL;
    }

    public static TopicSpec<?> byName(String name) {
        return ALL.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
