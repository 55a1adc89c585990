package io.closeloop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelaySecuritySettingsTest {

    @Test
    void theRelayTakesTheConnectorsTlsAndSaslSettingsAndNothingElse() {
        Map<String, String> config = Map.of(
                "kafka.bootstrap.servers", "kafka:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.ssl.truststore.type", "PEM",
                "kafka.ssl.truststore.location", "/etc/kafka-ca/ca.crt",
                "mp.messaging.incoming.x.topic", "x");

        Map<String, String> shared = RelayProducerFactory.securitySettings(config.keySet(),
                name -> Optional.ofNullable(config.get(name)));

        assertThat(shared).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("ssl.truststore.type", "PEM"),
                Map.entry("ssl.truststore.location", "/etc/kafka-ca/ca.crt"));
    }
}
