package io.closeloop.messaging;

import io.closeloop.contracts.TopicSpec;
import io.closeloop.contracts.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Kafka channel configuration derived from the topic catalogue, so that a new topic is one catalogue entry and
 * a consumer one {@code @Incoming} method. A channel is named after its topic with dots as dashes
 * ({@code touchpoints.raw} → {@code touchpoints-raw}); its topic and dead-letter topic ({@code <topic>.dlq})
 * follow from that. Every incoming channel shares the consumer settings: the service's name as group, reading
 * from the earliest offset, string values, and poison records to the dead-letter topic.
 *
 * <p>The per-channel values are answered on request only and never listed, because a listed channel would be
 * created in every service whether it consumes it or not. The ordinal is low: anything a service sets itself
 * wins.
 */
public class CatalogueChannelConfigSource implements ConfigSource {

    static final int ORDINAL = 50;
    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String TOPIC = ".topic";
    private static final String DEAD_LETTER_TOPIC = ".dead-letter-queue.topic";
    private static final String KAFKA = "mp.messaging.connector.smallrye-kafka.";

    private static final Map<String, String> SHARED = Map.of(
            KAFKA + "group.id", "${quarkus.application.name}",
            KAFKA + "auto.offset.reset", "earliest",
            KAFKA + "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            KAFKA + "failure-strategy", "dead-letter-queue");

    /** The channel a topic is consumed on. */
    public static String channel(TopicSpec<?> topic) {
        return topic.name().replace('.', '-');
    }

    @Override
    public Set<String> getPropertyNames() {
        return SHARED.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return SHARED;
    }

    @Override
    public String getValue(String propertyName) {
        String shared = SHARED.get(propertyName);
        if (shared != null || !propertyName.startsWith(INCOMING)) {
            return shared;
        }
        String rest = propertyName.substring(INCOMING.length());
        if (rest.endsWith(DEAD_LETTER_TOPIC)) {
            return topicOf(rest.substring(0, rest.length() - DEAD_LETTER_TOPIC.length()))
                    .map(TopicSpec::deadLetterTopic).orElse(null);
        }
        if (rest.endsWith(TOPIC)) {
            return topicOf(rest.substring(0, rest.length() - TOPIC.length())).map(TopicSpec::name).orElse(null);
        }
        return null;
    }

    private static Optional<TopicSpec<?>> topicOf(String channel) {
        return Topics.all().stream().filter(t -> channel(t).equals(channel)).findFirst();
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "closeloop-topic-catalogue";
    }
}
