package io.closeloop.attribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service-wide defaults; each tenant may override the model options through the settings API. */
@ConfigMapping(prefix = "closeloop.attribution")
public interface AttributionConfig {

    /** Default lookback of tenants that set none. */
    @WithDefault("90d")
    Duration lookback();

    /** The model-config version of tenants that never changed their settings. */
    @WithDefault("1")
    int modelConfigVersion();

    /** Default minimum of journeys a data-driven fit must have seen to credit conversions. */
    @WithDefault("1000")
    long minJourneys();

    /** Default rule-based model that credits instead while a fit saw too few journeys. */
    @WithDefault("last_non_direct")
    String fallbackModel();

    /** The period path statistics and default fits cover: this long up to the tenant's newest conversion. */
    @WithDefault("90d")
    Duration fitPeriod();

    /** Paths per {@code attribution.stats} record. */
    @WithDefault("500")
    int statsChunkSize();

    /** When each instance publishes its partitions' statistics (Quartz cron, UTC). */
    @WithDefault("0 0 2 * * ?")
    String statsCron();

    /** When the data-driven models are fitted from every partition's statistics (Quartz cron, UTC). */
    @WithDefault("0 30 2 * * ?")
    String fitCron();

    /** Conversions a restatement job recredits per transaction. */
    @WithDefault("500")
    int restatementBatchSize();

    /** How often each instance looks for restatement jobs to run. */
    @WithDefault("2s")
    String restatementPoll();

    /** A running job whose runner has not committed a batch for this long is taken over (its runner died). */
    @WithDefault("5m")
    Duration restatementStaleAfter();
}
