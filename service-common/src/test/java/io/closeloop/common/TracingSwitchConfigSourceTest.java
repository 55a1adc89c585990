package io.closeloop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSwitchConfigSourceTest {

    @Test
    void withoutAnEndpointTheSdkIsOff() {
        assertThat(new TracingSwitchConfigSource(Map.of(), Map.of()).getValue(TracingSwitchConfigSource.SDK_DISABLED))
                .isEqualTo("true");
        assertThat(new TracingSwitchConfigSource(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", " "), Map.of())
                .getValue(TracingSwitchConfigSource.SDK_DISABLED)).isEqualTo("true");
    }

    @Test
    void anEndpointFromTheEnvironmentOrASystemPropertyTurnsTheSdkOnExplicitly() {
        // Explicitly: the packaged application carries the build's "true" as its runtime default.
        assertThat(new TracingSwitchConfigSource(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4317"),
                Map.of()).getValue(TracingSwitchConfigSource.SDK_DISABLED)).isEqualTo("false");
        assertThat(new TracingSwitchConfigSource(Map.of(),
                Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://otel:4317"))
                .getValue(TracingSwitchConfigSource.SDK_DISABLED)).isEqualTo("false");
    }
}
