package io.closeloop.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "closeloop.outbox.relay")
public interface RelayConfig {

    /** Off only in tests that inspect the outbox itself. */
    @WithDefault("true")
    boolean enabled();

    /** How long the relay sleeps when the outbox is empty. */
    @WithDefault("25ms")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** Longest pause between attempts while the broker or database is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();
}
