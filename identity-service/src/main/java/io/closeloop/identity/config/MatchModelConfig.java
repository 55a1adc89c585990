package io.closeloop.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Fitting the tenants' probabilistic match models. */
@ConfigMapping(prefix = "closeloop.identity.match-model")
public interface MatchModelConfig {

    /** When every tenant's model is refitted from its stored records (Quarkus cron; {@code off} disables it). */
    @WithDefault("0 40 2 * * ?")
    String fitCron();

    /**
     * The fewest stored records a fit learns from: EM on a handful of records is noise, so a smaller tenant
     * links with the default model.
     */
    @WithDefault("1000")
    int minRecords();

    /** The most stored records (newest first) one fit reads. */
    @WithDefault("20000")
    int trainingRecords();
}
