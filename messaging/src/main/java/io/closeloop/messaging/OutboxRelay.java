package io.closeloop.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka in commit order and deletes them only after the broker has
 * acknowledged them (acks=all). One relay per database publishes at a time (a transaction-scoped
 * advisory lock), so replicas never reorder a key. A crash between send and delete publishes a row
 * twice; consumers are idempotent on the event id. A record the broker refuses for good moves to
 * {@code outbox_dead_letter} with its reason and the rest of the batch is published, so one record never
 * stalls the outbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final RelayProducerFactory producers;
    private final RelayConfig config;
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, RelayProducerFactory producers, RelayConfig config) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("closeloop.outbox.backlog", this, OutboxRelay::backlog)
                .description("Rows in outbox_event waiting for the relay (counted when scraped)")
                .register(Metrics.globalRegistry);
        if (!config.enabled()) {
            return;
        }
        producer = producers.create();
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
            producer.close();
        }
    }

    private void loop() {
        long backoff = config.pollInterval().toMillis();
        while (running) {
            try {
                int sent = relayOnce();
                backoff = config.pollInterval().toMillis();
                if (sent < config.batchSize()) {
                    Thread.sleep(backoff);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay paused for %d ms: %s", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** Publishes one batch; returns how many rows left the outbox. */
    int relayOnce() throws SQLException, ExecutionException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                return sent;
            } catch (SQLException | ExecutionException | InterruptedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection connection) throws SQLException, ExecutionException, InterruptedException {
        if (!tryLock(connection)) {
            return 0;
        }
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select seq, event_id, tenant, topic, record_key,"
                + " payload, headers, created_at, traceparent, tracestate from outbox_event order by seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getObject(8, OffsetDateTime.class), result.getString(9), result.getString(10)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        OutboxBatchSender.Outcome outcome = new OutboxBatchSender(producer, config.maxRequestSize()).send(rows);
        OutboxDeadLetters.store(connection, outcome.refused());
        List<Long> seqs = outcome.leavingTheOutbox();
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where seq = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            delete.executeUpdate();
        }
        return seqs.size();
    }

    /** Rows waiting in the outbox; not a number while the database cannot be asked. */
    double backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox_event");
             ResultSet result = count.executeQuery()) {
            return result.next() ? result.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
