package io.closeloop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OutboxBatchSenderTest {

    private static final String HEADERS = "{\"event-id\":\"e\",\"tenant\":\"acme\"}";

    @Test
    void aRecordTheBrokerRefusesIsSetAsideAndTheRestOfTheBatchIsPublishedInOrder() throws Exception {
        RefusingProducer producer = new RefusingProducer("acme:refused", new RecordTooLargeException("too large"));
        List<OutboxRow> rows = List.of(row(1, "acme:k"), row(2, "acme:refused"), row(3, "acme:k"), row(4, "globex:k"),
                row(5, "acme:k"));

        OutboxBatchSender.Outcome outcome = new OutboxBatchSender(producer, 1024 * 1024).send(rows);

        assertThat(outcome.acknowledged()).containsExactly(1L, 3L, 4L, 5L);
        assertThat(outcome.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.row().seq()).isEqualTo(2L);
            assertThat(refused.reason()).startsWith("RecordTooLargeException");
        });
        assertThat(outcome.leavingTheOutbox()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(producer.history().stream().filter(r -> r.key().equals("acme:k")).map(ProducerRecord::value))
                .containsExactly("payload-1", "payload-3", "payload-5");
    }

    @Test
    void aRecordOverTheRequestLimitIsNeverSent() throws Exception {
        RefusingProducer producer = new RefusingProducer("none", null);
        OutboxRow big = new OutboxRow(7, UUID.randomUUID(), "acme", "touchpoints.raw", "acme:big", "x".repeat(5000),
                HEADERS, OffsetDateTime.now());

        OutboxBatchSender.Outcome outcome = new OutboxBatchSender(producer, 4096).send(List.of(big, row(8, "acme:k")));

        assertThat(outcome.acknowledged()).containsExactly(8L);
        assertThat(outcome.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.recordBytes()).isGreaterThan(5000);
            assertThat(refused.reason()).contains("exceeds max.request.size of 4096 bytes");
        });
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("acme:k");
    }

    @Test
    void unreadableHeadersAreSetAsideInsteadOfStallingTheBatch() throws Exception {
        OutboxRow broken = new OutboxRow(9, UUID.randomUUID(), "acme", "touchpoints.raw", "acme:k", "{}", "{not json",
                OffsetDateTime.now());

        OutboxBatchSender.Outcome outcome = new OutboxBatchSender(new RefusingProducer("none", null), 4096)
                .send(List.of(broken, row(10, "acme:k")));

        assertThat(outcome.acknowledged()).containsExactly(10L);
        assertThat(outcome.refused()).extracting(OutboxBatchSender.Refused::reason)
                .containsExactly("unreadable headers in the outbox row");
    }

    @Test
    void aFailureARetryMayCureFailsTheWholeBatch() {
        RefusingProducer retriable = new RefusingProducer("acme:k", new NotEnoughReplicasException("one replica"));
        assertThatThrownBy(() -> new OutboxBatchSender(retriable, 4096).send(List.of(row(1, "acme:k"))))
                .isInstanceOf(ExecutionException.class);
        RefusingProducer unauthorized = new RefusingProducer("acme:k", new TopicAuthorizationException("denied"));
        assertThatThrownBy(() -> new OutboxBatchSender(unauthorized, 4096).send(List.of(row(1, "acme:k"))))
                .isInstanceOf(ExecutionException.class);
    }

    private static OutboxRow row(long seq, String key) {
        return new OutboxRow(seq, UUID.randomUUID(), key.substring(0, key.indexOf(':')), "touchpoints.raw", key,
                "payload-" + seq, HEADERS, OffsetDateTime.now());
    }

    /** Acknowledges every record except those with one key, which fail the way the broker would fail them. */
    private static final class RefusingProducer extends MockProducer<String, String> {
        private final String refusedKey;
        private final RuntimeException failure;

        RefusingProducer(String refusedKey, RuntimeException failure) {
            super(true, null, new StringSerializer(), new StringSerializer());
            this.refusedKey = refusedKey;
            this.failure = failure;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            if (record.key().equals(refusedKey)) {
                return CompletableFuture.failedFuture(failure);
            }
            return super.send(record);
        }
    }
}
