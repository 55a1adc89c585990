package io.closeloop.attribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "closeloop.attribution")
public interface AttributionConfig {

    /**
     * How far before a conversion a touch may lie and still earn credit. Changing it changes what the
     * models compute, so raise {@link #modelConfigVersion()} with it.
     */
    @WithDefault("90d")
    Duration lookback();

    /** Carried on every credit set as {@code modelConfigVersion}: which parameters produced it. */
    @WithDefault("1")
    int modelConfigVersion();
}
