package io.closeloop.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.contracts.AuditRecord;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.messaging.PoisonMessageException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditRecordMappingTest {

    private static final Instant AT = Instant.parse("2026-11-22T02:00:03Z");

    @Test
    void theFirstPersonAndEventLeadAndTheRestAreRelated() {
        UUID id = UUID.randomUUID();
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        UUID p3 = UUID.randomUUID();
        UUID e1 = UUID.randomUUID();

        AuditEntry entry = AuditRecordConsumer.entry(new AuditRecord("acme", id, "reporting", "export.sent",
                List.of(p1, p2, p3), List.of(e1), "ad_user_data", "allowed", Map.of("destination", "meta"), AT));

        assertThat(entry).isEqualTo(new AuditEntry("export.sent", AT, p1, List.of(p2, p3), e1, List.of(),
                "ad_user_data", "allowed", null,
                Map.of("destination", "meta", "service", "reporting", "record_id", id.toString())));
    }

    @Test
    void aRecordWithoutActionOrTimeIsPoison() {
        assertThatThrownBy(() -> AuditRecordConsumer.entry(new AuditRecord("acme", UUID.randomUUID(), "reporting",
                " ", List.of(), List.of(), null, null, null, AT)))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("action is required");
        assertThatThrownBy(() -> AuditRecordConsumer.entry(new AuditRecord("acme", UUID.randomUUID(), "reporting",
                "export.sent", null, null, null, null, null, null)))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("occurredAt");
    }
}
