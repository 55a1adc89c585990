package io.closeloop.ingest.messaging;

import io.closeloop.contracts.FxRate;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * {@code fx.rates}, compacted per pair and day. The rate table is written over JDBC, so the outbox row is too, in
 * the same transaction: a rate that did not commit is never announced.
 */
@ApplicationScoped
public class FxRatePublisher {

    private static final String INSERT = "insert into outbox_event (event_id, tenant, topic, record_key, payload,"
            + " headers) values (?, ?, ?, ?, ?, ?)";

    public void publish(Connection connection, FxRate rate) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, eventId);
            statement.setString(2, rate.tenant());
            statement.setString(3, Topics.FX_RATES.name());
            statement.setString(4, Keys.fxRate(rate.tenant(), rate.currency(), rate.baseCurrency(), rate.day()));
            statement.setString(5, Json.write(rate));
            statement.setString(6, Json.write(Outbox.headers(Topics.FX_RATES, rate.tenant(), eventId)));
            statement.executeUpdate();
        }
    }
}
