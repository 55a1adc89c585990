package io.closeloop.reporting.messaging;

import io.closeloop.messaging.ErasureParticipation;
import io.closeloop.reporting.service.ErasureIntake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ErasureRequestedConsumer {

    private final ErasureParticipation participation;
    private final ErasureIntake intake;

    public ErasureRequestedConsumer(ErasureParticipation participation, ErasureIntake intake) {
        this.participation = participation;
        this.intake = intake;
    }

    @Incoming("erasure-requested")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return participation.consume(CreditsConsumer.CONSUMER, record, intake);
    }
}
