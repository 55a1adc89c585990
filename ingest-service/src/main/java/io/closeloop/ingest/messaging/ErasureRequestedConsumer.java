package io.closeloop.ingest.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.ingest.service.compliance.ErasureService;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Ingest's part of an erasure: its raw events of the person go, once per request. */
@ApplicationScoped
public class ErasureRequestedConsumer {

    private final IdempotentConsumer consumer;
    private final ErasureService erasure;

    public ErasureRequestedConsumer(IdempotentConsumer consumer, ErasureService erasure) {
        this.consumer = consumer;
        this.erasure = erasure;
    }

    @Incoming("erasure-requested")
    public Uni<Void> onErasure(ConsumerRecord<String, String> record) {
        return consumer.consume("ingest", Topics.ERASURE_REQUESTED, record, inbound -> erasure.erase(inbound.value()));
    }
}
