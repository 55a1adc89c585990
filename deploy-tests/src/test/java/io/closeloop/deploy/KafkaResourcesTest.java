package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closeloop.contracts.TopicSpec;
import io.closeloop.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KafkaResourcesTest {

    /** name, partitions, retention.ms, cleanup.policy of every catalogue topic and its dead-letter topic. */
    private static Set<String> catalogue() {
        Set<String> topics = new TreeSet<>();
        for (TopicSpec<?> topic : Topics.all()) {
            topics.add(topic.name() + " " + topic.partitions() + " " + topic.retentionMs() + " "
                    + topic.cleanupPolicy().brokerValue());
            topics.add(topic.deadLetterTopic() + " " + topic.partitions() + " "
                    + TopicSpec.DEAD_LETTER_RETENTION.toMillis() + " delete");
        }
        return topics;
    }

    @ParameterizedTest
    @EnumSource(value = Chart.class, names = {"DEFAULT", "PRODUCTION"})
    void kafkaTopicsAreTheCatalogue(Chart chart) {
        int replicas = chart.effectiveValues().path("global").path("kafka").path("replicationFactor").asInt();
        Set<String> rendered = new TreeSet<>();
        for (ObjectNode topic : Documents.ofKind(chart.documents(), "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            rendered.add(spec.path("topicName").asText() + " " + spec.path("partitions").asInt() + " "
                    + spec.path("config").path("retention.ms").asLong() + " "
                    + spec.path("config").path("cleanup.policy").asText());
            assertThat(spec.path("replicas").asInt()).isEqualTo(replicas);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("closeloop");
        }
        assertThat(rendered).isEqualTo(catalogue());
    }

    @Test
    void withoutStrimziAJobCreatesEveryCatalogueTopic() {
        List<ObjectNode> documents = Chart.TOPIC_JOB.documents();
        assertThat(Documents.ofKind(documents, "KafkaTopic")).isEmpty();
        assertThat(Documents.named(documents, "Job", "closeloop-create-topics")
                .path("metadata").path("annotations").path("helm.sh/hook").asText()).contains("post-install");
        String script = Documents.named(documents, "ConfigMap", "closeloop-create-topics")
                .path("data").path("create-topics.sh").asText();
        Pattern line = Pattern.compile("--topic (\\S+) --partitions (\\d+) --replication-factor \\d+ "
                + "--config cleanup.policy=(\\S+) --config retention.ms=(-?\\d+)");
        Set<String> created = new TreeSet<>();
        Matcher m = line.matcher(script);
        while (m.find()) {
            created.add(m.group(1) + " " + m.group(2) + " " + m.group(4) + " " + m.group(3));
        }
        assertThat(created).isEqualTo(catalogue());
    }

    @Test
    void kafkaUsersMayTouchExactlyTheTopicsOfTheArchitectureTable() throws IOException {
        Map<String, Set<String>> expected = expectedAcls();
        List<ObjectNode> users = Documents.ofKind(Chart.PRODUCTION.documents(), "KafkaUser");
        assertThat(users).hasSize(Repo.SERVICES.size());
        for (String service : Repo.SERVICES) {
            JsonNode user = Documents.named(users, "KafkaUser", Chart.RELEASE + "-" + service);
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Set<String> acls = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(acl.path("resource").path("type").asText() + ":"
                            + acl.path("resource").path("name").asText("") + ":" + operation.asText());
                }
            }
            assertThat(acls).as(service).isEqualTo(expected.get(service));
        }
    }

    /**
     * From docs/architecture.md's ownership table (entries marked planned left out): read and describe what a
     * service consumes, write its dead letters, write what it produces, read its consumer group.
     */
    private static Map<String, Set<String>> expectedAcls() throws IOException {
        Map<String, Set<String>> acls = new HashMap<>();
        Pattern row = Pattern.compile("^\\| (\\w+) \\|[^|]*\\|([^|]*)\\|([^|]*)\\|$", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(Repo.root().resolve("docs/architecture.md")));
        while (m.find()) {
            String service = m.group(1) + "-service";
            if (!Repo.SERVICES.contains(service)) {
                continue;
            }
            Set<String> set = new HashSet<>();
            Set<String> consumes = topics(m.group(2));
            for (String topic : consumes) {
                set.add("topic:" + topic + ":Read");
                set.add("topic:" + topic + ":Describe");
                set.add("topic:" + topic + ".dlq:Write");
                set.add("topic:" + topic + ".dlq:Describe");
            }
            for (String topic : topics(m.group(3))) {
                set.add("topic:" + topic + ":Write");
                set.add("topic:" + topic + ":Describe");
            }
            if (!consumes.isEmpty()) {
                set.add("group:" + service + ":Read");
                set.add("group:" + service + ":Describe");
            }
            set.add("cluster::IdempotentWrite");
            acls.put(service, new TreeSet<>(set));
        }
        assertThat(acls).containsOnlyKeys(Repo.SERVICES);
        return acls;
    }

    private static Set<String> topics(String cell) {
        Set<String> topics = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z.]+)`").matcher(cell.replaceAll("\\*[^*]*\\*", ""));
        while (m.find()) {
            Topics.byName(m.group(1));
            topics.add(m.group(1));
        }
        return topics;
    }
}
