package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.TopicSpec;
import io.closeloop.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafka(dir.resolve("kafka"), Ports.freePort(), Ports.freePort());
        kafka.start();
        kafka.createTopics(Topics.all());
    }

    @AfterAll
    static void stop() {
        kafka.stop();
    }

    @Test
    void createsEveryCatalogueTopicAndItsDeadLetterTopicAsDescribed() throws Exception {
        kafka.createTopics(Topics.all()); // a second time: existing topics are fine

        try (Admin admin = kafka.admin()) {
            List<String> names = new ArrayList<>();
            Topics.all().forEach(t -> {
                names.add(t.name());
                names.add(t.deadLetterTopic());
            });
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);

            for (TopicSpec<?> topic : Topics.all()) {
                assertThat(described.get(topic.name()).partitions()).hasSize(topic.partitions());
                assertThat(described.get(topic.deadLetterTopic()).partitions()).hasSize(topic.partitions());
                Config main = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                assertThat(main.get("cleanup.policy").value()).isEqualTo(topic.cleanupPolicy().brokerValue());
                assertThat(main.get("retention.ms").value()).isEqualTo(Long.toString(topic.retentionMs()));
                Config dlq = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.deadLetterTopic()));
                assertThat(dlq.get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(dlq.get("retention.ms").value())
                        .isEqualTo(Long.toString(TopicSpec.DEAD_LETTER_RETENTION.toMillis()));
            }
            assertThat(Topics.all()).anyMatch(t -> t.cleanupPolicy() == TopicSpec.CleanupPolicy.COMPACT);
        }
    }

    @Test
    void doesNotCreateTopicsOnFirstUse() throws Exception {
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("no.such.topic", "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasStackTraceContaining("not present in metadata");
        }
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("no.such.topic");
        }
    }

    @Test
    void keepsRecordsAcrossARestartOnTheSamePortAndData() throws Exception {
        String topic = Topics.TENANTS.name();
        String key = "restart-" + System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, key, "before restart")).get(30, TimeUnit.SECONDS);
        }

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Ports.isFree(kafka.port())).as("broker port released").isTrue();
        assertThat(Ports.isFree(kafka.controllerPort())).as("controller port released").isTrue();
        kafka.start();
        assertThat(kafka.isRunning()).isTrue();

        assertThat(readUntil(topic, key)).contains(key + "=before restart");
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return new KafkaProducer<>(config);
    }

    private static Set<String> readUntil(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Set<String> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && seen.stream().noneMatch(s -> s.startsWith(key + "="))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
