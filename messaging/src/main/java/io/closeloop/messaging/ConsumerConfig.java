package io.closeloop.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "closeloop.consumer")
public interface ConsumerConfig {

    /** Attempts after the first for failures that may pass (database briefly away); then dead letter. */
    @WithDefault("8")
    int maxRetries();

    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
