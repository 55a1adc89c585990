package io.closeloop.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "closeloop.ingest")
public interface IngestConfig {

    /** Events dated further in the future than this are refused (clock skew allowance). */
    @WithDefault("5m")
    Duration futureTolerance();
}
