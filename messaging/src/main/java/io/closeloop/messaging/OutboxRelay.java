package io.closeloop.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.closeloop.contracts.Json;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka in commit order and deletes them only after the broker has
 * acknowledged them (acks=all). One relay per database publishes at a time (a transaction-scoped
 * advisory lock), so replicas never reorder a key. A crash between send and delete publishes a row
 * twice; consumers are idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

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
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, topic, record_key, payload, headers from outbox_event order by seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                    acks.add(producer.send(record(rows)));
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where seq = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            delete.executeUpdate();
        }
        return seqs.size();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static ProducerRecord<String, String> record(ResultSet row) throws SQLException {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString(2), row.getString(3), row.getString(4));
        try {
            Map<String, String> headers = Json.mapper().readValue(row.getString(5), HEADERS);
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox row " + row.getLong(1) + " has unreadable headers", e);
        }
        return record;
    }
}
