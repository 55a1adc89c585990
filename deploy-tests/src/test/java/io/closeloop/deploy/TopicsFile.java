package io.closeloop.deploy;

import io.closeloop.contracts.TopicSpec;
import io.closeloop.contracts.Topics;

/**
 * The chart's topic list ({@code helm/closeloop/files/topics.yaml}) rendered from the contract catalogue: every
 * topic and its dead-letter companion, with partitions, retention and cleanup policy. The chart's KafkaTopic
 * resources and the topic job read this file.
 */
final class TopicsFile {

    static final String PATH = "files/topics.yaml";

    private TopicsFile() {
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from the contract catalogue (contracts Topics); do not edit. Regenerate with\n")
                .append("#   ./mvnw -o -pl deploy-tests -am test -Dtest=TopicsFileTest ")
                .append("-Dsurefire.failIfNoSpecifiedTests=false -Dcloseloop.regenerate=true\n")
                .append("topics:\n");
        for (TopicSpec<?> topic : Topics.all()) {
            append(out, topic.name(), topic.partitions(), topic.retentionMs(), topic.cleanupPolicy().brokerValue());
            append(out, topic.deadLetterTopic(), topic.partitions(), TopicSpec.DEAD_LETTER_RETENTION.toMillis(),
                    TopicSpec.CleanupPolicy.DELETE.brokerValue());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String name, int partitions, long retentionMs, String cleanup) {
        out.append("  - name: ").append(name).append('\n')
                .append("    partitions: ").append(partitions).append('\n')
                .append("    retentionMs: ").append(retentionMs).append('\n')
                .append("    cleanupPolicy: ").append(cleanup).append('\n');
    }
}
