package io.closeloop.attribution.messaging;

import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code credits}, keyed by tenant and conversion so that the versions of one set stay in order. The first
 * version of a set records how long after its earliest credited touch (the conversion itself when no touch is
 * credited) the credit was produced, {@code closeloop.touch.to.credit}; later versions are restatements and are
 * not timed.
 */
@ApplicationScoped
public class CreditPublisher {

    private final Outbox outbox;
    private final Timer touchToCredit;

    public CreditPublisher(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.touchToCredit = Timer.builder("closeloop.touch.to.credit")
                .description("Time from the earliest credited touch of a conversion to its first credit set")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
                        Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90))
                .register(registry);
    }

    public Uni<Void> publish(CreditSet set) {
        return outbox.publish(Topics.CREDITS, Keys.conversion(set.tenant(), set.conversionId()), set,
                UUID.randomUUID()).invoke(() -> timeFirstCredit(set));
    }

    private void timeFirstCredit(CreditSet set) {
        if (set.setVersion() != 1) {
            return;
        }
        Instant first = set.conversionTime();
        for (CreditLine line : set.lines() == null ? List.<CreditLine>of() : set.lines()) {
            if (line.touchTime() != null && (first == null || line.touchTime().isBefore(first))) {
                first = line.touchTime();
            }
        }
        if (first == null) {
            return;
        }
        Duration elapsed = Duration.between(first, Instant.now());
        touchToCredit.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
