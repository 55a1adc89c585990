package io.closeloop.ingest.service.config;

import io.agroal.api.AgroalDataSource;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.repository.TenantContextRepository;
import io.closeloop.ingest.service.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Loads a {@link TenantContext} in one short transaction. Lookups a kind needs (tracking numbers, promo codes,
 * FX rates, ...) are read here once per request or batch, never per row.
 */
@ApplicationScoped
public class TenantContextLoader {

    private final AgroalDataSource dataSource;
    private final TenantContextRepository repository;
    private final CollectionConfigLoader configs;
    private final Clock clock = Clock.systemUTC();

    public TenantContextLoader(AgroalDataSource dataSource, TenantContextRepository repository,
                               CollectionConfigLoader configs) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.configs = configs;
    }

    public TenantContext load(String tenant) {
        return load(tenant, null);
    }

    /** @param sourceClient the OIDC client sending the events, or null */
    public TenantContext load(String tenant, String sourceClient) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                TenantContext context = new TenantContext(tenant,
                        new IdentifierHasher(repository.secret(connection, tenant),
                                repository.previousSecret(connection, tenant, clock.instant())),
                        repository.settings(connection, tenant), clock, () -> configs.load(tenant),
                        sourceClient);
                connection.commit();
                return context;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read the tenant's settings", e);
        }
    }
}
