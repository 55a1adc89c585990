package io.closeloop.reporting.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.reporting.service.TenantIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class TenantsConsumer {

    private final IdempotentConsumer consumer;
    private final TenantIntake intake;

    public TenantsConsumer(IdempotentConsumer consumer, TenantIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming("tenants")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume(CreditsConsumer.CONSUMER, Topics.TENANTS, record, in -> intake.apply(in.value()));
    }
}
