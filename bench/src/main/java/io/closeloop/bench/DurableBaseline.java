package io.closeloop.bench;

import io.closeloop.infra.DatabaseCoordinates;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The same events without HTTP, validation or hashing: each batch inserted into PostgreSQL with one multi-row
 * statement and committed (fsync on), then produced to Kafka (idempotent, acks=all, batching as the relay does)
 * and awaited. The floor that ingest is compared with.
 */
final class DurableBaseline {

    static final String TABLES = """
            create table if not exists bench_baseline (
                tenant text not null, event_id uuid not null, kind text not null, occurred_at timestamptz not null,
                payload text not null, primary key (tenant, event_id));
            create table if not exists bench_baseline_outbox (
                seq bigserial primary key, event_id uuid not null, payload text not null)""";
    private static final String INSERT = "insert into bench_baseline (tenant, event_id, kind, occurred_at, payload)"
            + " select 'bench', id, 'touchpoint', now(), payload from unnest(?::uuid[], ?::text[]) as t(id, payload)"
            + " on conflict do nothing";
    /** The same, plus a copy of every new row in a second table in the same statement, as ingest's outbox. */
    private static final String INSERT_WITH_COPY = "with stored as (" + INSERT + " returning event_id, payload)"
            + " insert into bench_baseline_outbox (event_id, payload) select event_id, payload from stored";

    private final DatabaseCoordinates database;
    private final String bootstrap;
    private final String topic;
    private final String insertSql;

    /** @param outboxCopy also write every event a second time, as ingest writes its outbox row */
    DurableBaseline(DatabaseCoordinates database, String bootstrap, String topic, boolean outboxCopy)
            throws SQLException {
        this.database = database;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.insertSql = outboxCopy ? INSERT_WITH_COPY : INSERT;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(TABLES);
        }
    }

    /** Stores and publishes events {@code [0, events)} of {@code run} with {@code clients} threads. */
    void run(long run, long events, int batchSize, int clients, Latencies latencies) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = connect();
                         PreparedStatement insert = connection.prepareStatement(insertSql)) {
                        connection.setAutoCommit(false);
                        for (long first = next.getAndAdd(batchSize); first < events; first = next.getAndAdd(batchSize)) {
                            int count = (int) Math.min(batchSize, events - first);
                            long began = System.nanoTime();
                            batch(connection, insert, producer, run, first, count);
                            latencies.add(System.nanoTime() - began);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void batch(Connection connection, PreparedStatement insert, KafkaProducer<String, String> producer,
                       long run, long first, int count) throws Exception {
        UUID[] ids = new UUID[count];
        String[] payloads = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = BenchEvents.eventId(run, first + i);
            payloads[i] = BenchEvents.line(run, first + i);
        }
        insert.setArray(1, connection.createArrayOf("uuid", ids));
        insert.setArray(2, connection.createArrayOf("text", payloads));
        insert.executeUpdate();
        connection.commit();
        List<Future<RecordMetadata>> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "bench:device:dev-" + (first + i),
                    payloads[i]);
            record.headers().add("event-id", ids[i].toString().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
