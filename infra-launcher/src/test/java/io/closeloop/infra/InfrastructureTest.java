package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void startsEverythingAndComesBackOnTheSamePortsAndData() throws Exception {
        int kafkaPort;
        int postgresPort;
        try (Infrastructure infra = Infrastructure.start(dir, false, false)) {
            kafkaPort = infra.kafka().port();
            postgresPort = infra.postgres().port();
            for (String service : Infrastructure.SERVICES) {
                var db = infra.database(service);
                try (Connection c = infra.postgres().connect(service, db.username(), db.password())) {
                    assertThat(c.isValid(5)).isTrue();
                }
            }
            try (Admin admin = infra.kafka().admin()) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains(Topics.CREDITS.name(), Topics.CREDITS.deadLetterTopic());
            }
            Map<String, String> config = infra.serviceConfig("identity", 8082, 9082);
            assertThat(config).containsEntry("quarkus.http.port", "8082")
                    .containsEntry("quarkus.http.host", "127.0.0.1")
                    .containsEntry("quarkus.management.port", "9082")
                    .containsEntry("quarkus.management.host", "127.0.0.1")
                    .containsEntry("kafka.bootstrap.servers", "127.0.0.1:" + kafkaPort)
                    .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/identity")
                    .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + postgresPort + "/identity")
                    .containsEntry("quarkus.datasource.username", "identity")
                    .containsEntry("quarkus.datasource.password", "identity-pw")
                    .doesNotContainKey("quarkus.oidc.auth-server-url");
            assertThatThrownBy(infra::keycloak).hasMessageContaining("without Keycloak");
            assertThatThrownBy(() -> infra.database("billing")).isInstanceOf(IllegalArgumentException.class);
        }

        try (Infrastructure again = Infrastructure.start(dir, false, false)) {
            assertThat(again.kafka().port()).isEqualTo(kafkaPort);
            assertThat(again.postgres().port()).isEqualTo(postgresPort);
        }
        assertThat(Ports.isFree(kafkaPort)).isTrue();
        assertThat(Ports.isFree(postgresPort)).isTrue();
    }
}
