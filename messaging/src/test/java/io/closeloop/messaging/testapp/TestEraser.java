package io.closeloop.messaging.testapp;

import io.closeloop.contracts.ErasureRequested;
import io.closeloop.messaging.ErasureParticipation;
import io.closeloop.messaging.Eraser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes part in erasures like a service does; counts its runs per request in {@code effect}. */
@ApplicationScoped
public class TestEraser implements Eraser {

    private final ErasureParticipation participation;

    public TestEraser(ErasureParticipation participation) {
        this.participation = participation;
    }

    @Incoming("erasure-requested")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return participation.consume("messaging-test", record, this);
    }

    @Override
    public String service() {
        return "messaging-test";
    }

    @Override
    public Uni<Long> erase(ErasureRequested request) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into effect (event_id, tenant, runs)"
                                + " values (?1, ?2, 1) on conflict (tenant, event_id) do update set runs = effect.runs + 1")
                        .setParameter(1, request.requestId())
                        .setParameter(2, request.tenant())
                        .executeUpdate())
                .map(ignored -> 3L);
    }
}
