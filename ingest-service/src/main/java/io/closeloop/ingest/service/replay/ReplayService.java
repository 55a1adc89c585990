package io.closeloop.ingest.service.replay;

import io.agroal.api.AgroalDataSource;
import io.closeloop.ingest.repository.RawEventRepository;
import io.closeloop.ingest.service.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Republishes a tenant's raw events of a time range with their original ids, topics, keys and headers, in
 * time order, through the outbox and its relay. Consumers that kept their state see duplicates; a consumer
 * whose store was reset rebuilds from them.
 */
@ApplicationScoped
public class ReplayService {

    private final AgroalDataSource dataSource;
    private final RawEventRepository rawEvents;

    public ReplayService(AgroalDataSource dataSource, RawEventRepository rawEvents) {
        this.dataSource = dataSource;
        this.rawEvents = rawEvents;
    }

    /** @return how many events were queued for publishing */
    public int replay(String tenant, Instant from, Instant to, List<String> rawKinds) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int queued = rawEvents.replay(connection, tenant, from, to, rawKinds);
                connection.commit();
                return queued;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("the replay could not be queued", e);
        }
    }
}
