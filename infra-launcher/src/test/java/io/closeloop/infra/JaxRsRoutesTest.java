package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JaxRsRoutesTest {

    @Test
    void pathsAreJoinedAndParameterRegexesStrippedAsOpenApiWritesThem() {
        assertThat(JaxRsRoutes.join("/api/v1", "/{kind}/batch")).isEqualTo("/api/v1/{kind}/batch");
        assertThat(JaxRsRoutes.join("api/v1/fx-rates/", "")).isEqualTo("/api/v1/fx-rates");
        assertThat(JaxRsRoutes.join("/api/v1/jobs", "{id : [0-9a-f-]+}")).isEqualTo("/api/v1/jobs/{id}");
    }
}
