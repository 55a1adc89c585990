package io.closeloop.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "closeloop.compliance")
public interface ComplianceConfig {

    /** Services whose confirmations complete an erasure; services that join the protocol later are added here. */
    @WithDefault("ingest,identity,attribution,reporting")
    List<String> erasureServices();

    /**
     * Identity's own secret for the per-tenant tombstone keys. Deployments set it from a secret; changing it
     * forgets every tombstone.
     */
    String tombstoneSecret();

    Retention retention();

    /**
     * How long every service may take to confirm an erasure before it counts as overdue
     * ({@code closeloop.erasure.overdue}); well inside the one month a data subject may be kept waiting.
     */
    @WithDefault("72h")
    Duration erasureDeadline();

    interface Retention {
        /** Days person-level data is kept after a person's last event, for tenants without their own setting. */
        @WithDefault("400")
        int defaultDays();

        /** When the purge runs (Quarkus cron; {@code off} disables it). */
        @WithDefault("0 30 3 * * ?")
        String cron();

        /** Upper bound an admin may set (10 years). */
        @WithDefault("3650")
        int maxDays();
    }
}
