package io.closeloop.common;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the OpenTelemetry SDK off unless an OTLP endpoint is configured through the environment or a system
 * property. Without one the exporter would try {@code localhost:4317} and log a failure for every batch of
 * spans; with one, traces follow each event from the ingest request through every service (the switch then says
 * {@code false} explicitly). The ordinal is low:
 * {@code quarkus.otel.sdk.disabled} set anywhere else wins (tests turn the SDK on with an in-memory exporter).
 */
public class TracingSwitchConfigSource implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String[] ENDPOINTS = {"quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint"};

    private final Map<String, String> properties;

    public TracingSwitchConfigSource() {
        this(System.getenv(), System.getProperties().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
    }

    TracingSwitchConfigSource(Map<String, String> environment, Map<String, String> systemProperties) {
        boolean endpoint = false;
        for (String name : ENDPOINTS) {
            endpoint |= present(systemProperties.get(name)) || present(environment.get(environmentName(name)));
        }
        // Explicit both ways: the build records the value it saw (no endpoint: off) as the runtime default, so
        // saying nothing when an endpoint is set at runtime would leave the SDK off.
        properties = Map.of(SDK_DISABLED, Boolean.toString(!endpoint));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The environment variable SmallRye Config reads for a property. */
    static String environmentName(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "closeloop-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
