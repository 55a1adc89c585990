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

    /**
     * Largest record the relay sends, in bytes (the producer's {@code max.request.size}). A larger one goes to
     * {@code outbox_dead_letter} without being sent. Keep it at most the broker's {@code message.max.bytes}
     * (1 MiB by default): a record between the two is refused by the broker and dead-lettered as well.
     */
    @WithDefault("1048576")
    int maxRequestSize();

    /** Longest pause between attempts while the broker or database is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();
}
