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
            "touchpoints.raw", TouchpointRaw.class, "touchpoint.raw", 1, 6, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.RAW_KEY);

    public static final TopicSpec<ConversionRaw> CONVERSIONS_RAW = new TopicSpec<>(
            "conversions.raw", ConversionRaw.class, "conversion.raw", 1, 6, RAW_RETENTION,
            CleanupPolicy.DELETE, Keys.RAW_KEY);

    public static final TopicSpec<TouchpointResolved> TOUCHPOINTS_RESOLVED = new TopicSpec<>(
            "touchpoints.resolved", TouchpointResolved.class, "touchpoint.resolved", 1, 6,
            DERIVED_RETENTION, CleanupPolicy.DELETE, Keys.PERSON_KEY);

    public static final TopicSpec<ConversionResolved> CONVERSIONS_RESOLVED = new TopicSpec<>(
            "conversions.resolved", ConversionResolved.class, "conversion.resolved", 1, 6,
            DERIVED_RETENTION, CleanupPolicy.DELETE, Keys.PERSON_KEY);

    public static final TopicSpec<CreditSet> CREDITS = new TopicSpec<>(
            "credits", CreditSet.class, "credit.set", 1, 6, DERIVED_RETENTION, CleanupPolicy.DELETE,
            Keys.CONVERSION_KEY);

    private static final List<TopicSpec<?>> ALL = List.of(
            TENANTS, TOUCHPOINTS_RAW, CONVERSIONS_RAW, TOUCHPOINTS_RESOLVED, CONVERSIONS_RESOLVED, CREDITS);

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
