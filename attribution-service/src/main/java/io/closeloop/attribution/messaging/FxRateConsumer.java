package io.closeloop.attribution.messaging;

import io.closeloop.attribution.service.FxRateIntake;
import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code fx.rates} and {@code tenants}: what converting conversions to the base currency needs. */
@ApplicationScoped
public class FxRateConsumer {

    private final IdempotentConsumer consumer;
    private final FxRateIntake intake;

    public FxRateConsumer(IdempotentConsumer consumer, FxRateIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("fx-rates")
    public Uni<Void> onRate(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.FX_RATES, record,
                in -> intake.apply(in.value()));
    }

    @Incoming("tenants")
    public Uni<Void> onTenant(ConsumerRecord<String, String> record) {
        return consumer.consume(TouchpointResolvedConsumer.CONSUMER, Topics.TENANTS, record,
                in -> intake.apply(in.value()));
    }
}
