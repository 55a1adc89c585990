package io.closeloop.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps outbox rows the broker refuses for good in {@code outbox_dead_letter}, in the relay's transaction, so
 * that they leave the outbox without being lost. The log line and the counter name the row, never its payload.
 */
final class OutboxDeadLetters {

    private static final Logger LOG = Logger.getLogger(OutboxDeadLetters.class);
    private static final String INSERT = "insert into outbox_dead_letter (seq, event_id, tenant, topic, record_key,"
            + " headers, payload, record_bytes, reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private OutboxDeadLetters() {
    }

    static void store(Connection connection, List<OutboxBatchSender.Refused> refused) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxBatchSender.Refused letter : refused) {
                OutboxRow row = letter.row();
                insert.setLong(1, row.seq());
                insert.setObject(2, row.eventId());
                insert.setString(3, row.tenant());
                insert.setString(4, row.topic());
                insert.setString(5, row.key());
                insert.setString(6, row.headers());
                insert.setString(7, row.payload());
                insert.setInt(8, letter.recordBytes());
                insert.setString(9, letter.reason());
                insert.setObject(10, row.createdAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (OutboxBatchSender.Refused letter : refused) {
            OutboxRow row = letter.row();
            LOG.errorf("outbox row %d (event %s, tenant %s, topic %s, %d bytes) moved to outbox_dead_letter: %s",
                    row.seq(), row.eventId(), row.tenant(), row.topic(), letter.recordBytes(), letter.reason());
            counter(row.topic()).increment();
        }
    }

    private static Counter counter(String topic) {
        return Counter.builder("closeloop.outbox.dead.letters")
                .description("Outbox records the broker refused for good, moved to outbox_dead_letter")
                .tag("topic", topic)
                .register(Metrics.globalRegistry);
    }
}
