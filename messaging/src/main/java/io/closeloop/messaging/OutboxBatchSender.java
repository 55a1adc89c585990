package io.closeloop.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.contracts.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Sends one batch of outbox rows in order and sorts them into acknowledged and refused. A record larger than
 * {@code max.request.size} is refused before it is sent; a record the broker refuses for good
 * ({@link RecordRefusal}) is refused after. Any other failure fails the whole batch, which is retried later.
 */
final class OutboxBatchSender {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /** A row that can never be published, with its size as the producer counts it and why. */
    record Refused(OutboxRow row, int recordBytes, String reason) {
    }

    record Outcome(List<Long> acknowledged, List<Refused> refused) {
        List<Long> leavingTheOutbox() {
            List<Long> seqs = new ArrayList<>(acknowledged);
            refused.forEach(r -> seqs.add(r.row().seq()));
            return seqs;
        }
    }

    private final Producer<String, String> producer;
    private final int maxRequestSize;

    OutboxBatchSender(Producer<String, String> producer, int maxRequestSize) {
        this.producer = producer;
        this.maxRequestSize = maxRequestSize;
    }

    Outcome send(List<OutboxRow> rows) throws ExecutionException, InterruptedException {
        List<Long> acknowledged = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        List<OutboxRow> sent = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (OutboxRow row : rows) {
            ProducerRecord<String, String> record;
            try {
                record = record(row);
            } catch (IOException e) {
                refused.add(new Refused(row, utf8Length(row.payload()), "unreadable headers in the outbox row"));
                continue;
            }
            int size = size(record);
            if (size > maxRequestSize) {
                refused.add(new Refused(row, size, "record of " + size + " bytes exceeds max.request.size of "
                        + maxRequestSize + " bytes"));
                continue;
            }
            try {
                acks.add(producer.send(record));
            } catch (KafkaException e) {
                Optional<String> reason = RecordRefusal.reason(e);
                if (reason.isEmpty()) {
                    throw e;
                }
                refused.add(new Refused(row, size, reason.get()));
                continue;
            }
            sent.add(row);
            sizes.add(size);
        }
        if (!acks.isEmpty()) {
            producer.flush();
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                acknowledged.add(sent.get(i).seq());
            } catch (ExecutionException e) {
                Optional<String> reason = RecordRefusal.reason(e.getCause());
                if (reason.isEmpty()) {
                    throw e;
                }
                refused.add(new Refused(sent.get(i), sizes.get(i), reason.get()));
            }
        }
        return new Outcome(acknowledged, refused);
    }

    private static ProducerRecord<String, String> record(OutboxRow row) throws IOException {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        Map<String, String> headers = Json.mapper().readValue(row.headers(), HEADERS);
        if (row.traceparent() != null) {
            // The writer's trace context, kept in its own columns, wins over one copied into the stored headers.
            headers.remove(TraceContext.TRACEPARENT);
            headers.remove(TraceContext.TRACESTATE);
            headers.put(TraceContext.TRACEPARENT, row.traceparent());
            if (row.tracestate() != null) {
                headers.put(TraceContext.TRACESTATE, row.tracestate());
            }
        }
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The upper bound the producer itself checks against {@code max.request.size}. */
    private static int size(ProducerRecord<String, String> record) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                bytes(record.key()), bytes(record.value()), record.headers().toArray());
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
