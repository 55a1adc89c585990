package io.closeloop.contracts;

import java.time.Duration;

/**
 * One Kafka topic of the catalogue: its name, the record type its values carry, how it is keyed and
 * how the broker keeps it. Producers, consumers and the topic provisioner all read this one place.
 *
 * @param <V> the value record
 */
public record TopicSpec<V extends TenantScoped>(
        String name,
        Class<V> valueType,
        String eventType,
        int schemaVersion,
        int partitions,
        Duration retention,
        CleanupPolicy cleanupPolicy,
        String keyDescription) {

    /** Dead letters keep what failed for a month: long enough for someone to look. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String brokerValue;

        CleanupPolicy(String brokerValue) {
            this.brokerValue = brokerValue;
        }

        public String brokerValue() {
            return brokerValue;
        }
    }

    /** The dead-letter topic of this topic, {@code <topic>.dlq}. */
    public String deadLetterTopic() {
        return name + ".dlq";
    }

    /** Retention in milliseconds as the broker wants it; {@code -1} keeps records forever. */
    public long retentionMs() {
        return retention == null ? -1 : retention.toMillis();
    }
}
