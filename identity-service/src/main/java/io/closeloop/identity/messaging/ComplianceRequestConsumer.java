package io.closeloop.identity.messaging;

import io.closeloop.contracts.Topics;
import io.closeloop.identity.service.SubjectRequests;
import io.closeloop.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class ComplianceRequestConsumer {

    private final IdempotentConsumer consumer;
    private final SubjectRequests requests;

    public ComplianceRequestConsumer(IdempotentConsumer consumer, SubjectRequests requests) {
        this.consumer = consumer;
        this.requests = requests;
    }

    @Incoming("compliance-requests")
    public Uni<Void> onRequest(ConsumerRecord<String, String> record) {
        return consumer.consume("identity-compliance", Topics.COMPLIANCE_REQUESTS, record,
                inbound -> requests.accept(inbound.value()));
    }
}
