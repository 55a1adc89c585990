package io.closeloop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The relay's producer: durable (acks=all, idempotent) and quick to give up while the broker is away. */
@ApplicationScoped
public class RelayProducerFactory {

    /** The connector-level settings the relay shares with the services' consumers and producers. */
    private static final List<String> SHARED_PREFIXES = List.of("kafka.security.", "kafka.sasl.", "kafka.ssl.");

    private final String bootstrapServers;
    private final RelayConfig config;
    private final Config settings;

    public RelayProducerFactory(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                RelayConfig config, Config settings) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.settings = settings;
    }

    /**
     * TLS and SASL settings given as {@code kafka.security.*}, {@code kafka.sasl.*} and {@code kafka.ssl.*} (as the
     * chart writes them), without the {@code kafka.} prefix: the relay must reach a secured broker like the
     * connector does.
     */
    static Map<String, String> securitySettings(Iterable<String> names, Function<String, Optional<String>> value) {
        Map<String, String> shared = new TreeMap<>();
        for (String name : names) {
            if (SHARED_PREFIXES.stream().anyMatch(name::startsWith)) {
                value.apply(name).ifPresent(v -> shared.put(name.substring("kafka.".length()), v));
            }
        }
        return shared;
    }

    Producer<String, String> create() {
        Properties props = new Properties();
        props.putAll(securitySettings(settings.getPropertyNames(), name -> settings.getOptionalValue(name,
                String.class)));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(config.maxRequestSize()));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        // A stopped broker must fail a batch within seconds so that the relay backs off and retries it.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
