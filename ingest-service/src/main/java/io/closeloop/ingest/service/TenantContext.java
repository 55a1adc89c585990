package io.closeloop.ingest.service;

import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.domain.TenantSettingsEntity;
import java.time.Clock;

/** Everything a kind needs about the tenant, loaded once per request or batch (see {@link TenantContextLoader}). */
public final class TenantContext {

    private final String tenant;
    private final IdentifierHasher hasher;
    private final TenantSettingsEntity settings;
    private final Clock clock;

    public TenantContext(String tenant, IdentifierHasher hasher, TenantSettingsEntity settings, Clock clock) {
        this.tenant = tenant;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
    }

    public String tenant() {
        return tenant;
    }

    public IdentifierHasher hasher() {
        return hasher;
    }

    public TenantSettingsEntity settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }
}
