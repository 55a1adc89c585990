package io.closeloop.ingest.messaging;

import io.closeloop.ingest.service.compliance.ErasureService;
import io.closeloop.messaging.ErasureParticipation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Ingest's part of an erasure: its raw events of the person go, once per request. */
@ApplicationScoped
public class ErasureRequestedConsumer {

    private final ErasureParticipation participation;
    private final ErasureService erasure;

    public ErasureRequestedConsumer(ErasureParticipation participation, ErasureService erasure) {
        this.participation = participation;
        this.erasure = erasure;
    }

    @Incoming("erasure-requested")
    public Uni<Void> onErasure(ConsumerRecord<String, String> record) {
        return participation.consume("ingest", record, erasure);
    }
}
