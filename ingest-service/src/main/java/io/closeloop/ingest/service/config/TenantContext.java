package io.closeloop.ingest.service.config;

import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.domain.TenantSettingsEntity;
import io.closeloop.ingest.domain.CollectionConfig;
import java.time.Clock;
import java.util.function.Supplier;

/** Everything a kind needs about the tenant, loaded once per request or batch (see {@link TenantContextLoader}). */
public final class TenantContext {

    private final String tenant;
    private final IdentifierHasher hasher;
    private final TenantSettingsEntity settings;
    private final Clock clock;
    private final Supplier<CollectionConfig> configLoader;
    private final String sourceClient;
    private CollectionConfig config;

    public TenantContext(String tenant, IdentifierHasher hasher, TenantSettingsEntity settings, Clock clock) {
        this(tenant, hasher, settings, clock, () -> CollectionConfig.EMPTY, null);
    }

    /** @param configLoader reads the collection config the first time a kind asks for it, then never again */
    /** @param sourceClient the OIDC client that sent the events (stamped on them), or null */
    public TenantContext(String tenant, IdentifierHasher hasher, TenantSettingsEntity settings, Clock clock,
                         Supplier<CollectionConfig> configLoader, String sourceClient) {
        this.tenant = tenant;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.configLoader = configLoader;
        this.sourceClient = sourceClient;
    }

    /**
     * Tracking numbers, promo codes, conversion types, FX rates and channel rules, read once per request or batch
     * and only by kinds that need them (a web touch needs only the channel rules).
     */
    public synchronized CollectionConfig config() {
        if (config == null) {
            config = configLoader.get();
        }
        return config;
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

    public String sourceClient() {
        return sourceClient;
    }
}
