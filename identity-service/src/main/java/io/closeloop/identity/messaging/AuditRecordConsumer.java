package io.closeloop.identity.messaging;

import io.closeloop.contracts.AuditRecord;
import io.closeloop.contracts.Topics;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.service.AuditLog;
import io.closeloop.messaging.IdempotentConsumer;
import io.closeloop.messaging.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Facts other services record on {@code audit.records} (e.g. ad-platform exports) join the tenant's chain once. */
@ApplicationScoped
public class AuditRecordConsumer {

    private final IdempotentConsumer consumer;
    private final AuditLog audit;

    public AuditRecordConsumer(IdempotentConsumer consumer, AuditLog audit) {
        this.consumer = consumer;
        this.audit = audit;
    }

    @Incoming("audit-records")
    public Uni<Void> onRecord(ConsumerRecord<String, String> record) {
        return consumer.consume("identity-audit", Topics.AUDIT_RECORDS, record,
                inbound -> audit.append(inbound.tenant(), entry(inbound.value())).replaceWithVoid());
    }

    /** The record's own id goes into the details, so an entry can be traced to the message it came from. */
    static AuditEntry entry(AuditRecord record) {
        Map<String, String> details = new TreeMap<>(record.details() == null ? Map.of() : record.details());
        details.put("record_id", String.valueOf(record.eventId()));
        try {
            return AuditEntry.recordedBy(record.service(), record.action(), record.occurredAt(), record.personIds(),
                    record.eventIds(), record.purpose(), record.outcome(), details);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("audit record cannot be chained: " + e.getMessage(), e);
        }
    }
}
