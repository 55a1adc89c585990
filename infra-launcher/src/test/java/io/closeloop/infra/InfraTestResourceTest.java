package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfraTestResourceTest {

    @Test
    void givesEachServiceItsDatabaseOnOneSharedBrokerAndServer() throws Exception {
        InfraTestResource ingest = new InfraTestResource();
        ingest.init(Map.of("service", "ingest"));
        InfraTestResource identity = new InfraTestResource();
        identity.init(Map.of("service", "identity"));

        Map<String, String> ingestConfig = ingest.start();
        Map<String, String> identityConfig = identity.start();

        assertThat(ingestConfig).containsKeys("kafka.bootstrap.servers", "quarkus.datasource.reactive.url",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");
        assertThat(ingestConfig.get("kafka.bootstrap.servers")).isEqualTo(identityConfig.get("kafka.bootstrap.servers"));
        assertThat(ingestConfig.get("quarkus.datasource.jdbc.url")).endsWith("/ingest");
        assertThat(identityConfig.get("quarkus.datasource.jdbc.url")).endsWith("/identity");
        try (Connection c = InfraTestResource.postgres().connect("ingest", ingestConfig.get("quarkus.datasource.username"),
                ingestConfig.get("quarkus.datasource.password"))) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void bringsTheBrokerBackIfATestLeftItStopped() {
        InfraTestResource resource = new InfraTestResource();
        resource.init(Map.of("service", "ingest"));
        resource.start();

        InfraTestResource.kafka().stop();
        assertThat(InfraTestResource.kafka().isRunning()).isFalse();
        resource.start();

        assertThat(InfraTestResource.kafka().isRunning()).isTrue();
    }
}
