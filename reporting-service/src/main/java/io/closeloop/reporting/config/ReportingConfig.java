package io.closeloop.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

@ConfigMapping(prefix = "closeloop.reporting")
public interface ReportingConfig {

    /** Model ids a report may ask for; attribution publishes credit sets under each. */
    @WithDefault("last_touch")
    Set<String> models();

    /** The model used when a report names none. */
    @WithDefault("last_touch")
    String defaultModel();

    /** Longest report range in days (from and to inclusive): bounds the rows one request scans. */
    @WithDefault("366")
    int maxRangeDays();
}
