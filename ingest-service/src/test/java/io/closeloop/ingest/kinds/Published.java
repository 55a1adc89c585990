package io.closeloop.ingest.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.TenantScoped;
import io.closeloop.contracts.TopicSpec;
import io.closeloop.infra.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One event as it was published: its key, headers and value. */
record Published<V>(String key, String eventType, String tenant, V value) {

    static <V extends TenantScoped> Published<V> read(String bootstrap, TopicSpec<V> topic, UUID eventId)
            throws Exception {
        String id = eventId.toString();
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(bootstrap, topic.name(),
                Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> id.equals(
                        TopicProbe.header(r, Headers.EVENT_ID))));
        List<ConsumerRecord<String, String>> mine = records.stream()
                .filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).toList();
        assertThat(mine).as("records of event %s on %s", id, topic.name()).hasSize(1);
        ConsumerRecord<String, String> record = mine.get(0);
        return new Published<>(record.key(), TopicProbe.header(record, Headers.EVENT_TYPE),
                TopicProbe.header(record, Headers.TENANT), Json.read(record.value(), topic.valueType()));
    }
}
