package io.closeloop.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.AuditRecord;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Records from other services reach the chain through the real broker, once per event id. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class AuditRecordConsumerTest {

    private static final String TENANT = "audit-records";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRedeliveredRecordIsChainedOnce() throws Exception {
        UUID recordId = UUID.randomUUID();
        UUID person1 = UUID.randomUUID();
        UUID person2 = UUID.randomUUID();
        UUID conversion = UUID.randomUUID();
        AuditRecord export = new AuditRecord(TENANT, recordId, "reporting", "export.sent", List.of(person1, person2),
                List.of(conversion), "ad_user_data", "allowed", Map.of("destination", "google_ads"),
                Instant.parse("2026-11-22T02:00:03Z"));
        publish(export);
        publish(export);
        UUID markerId = UUID.randomUUID();
        publish(new AuditRecord(TENANT, markerId, "reporting", "export.suppressed", List.of(), List.of(),
                "ad_user_data", "suppressed", Map.of(), Instant.parse("2026-11-22T02:00:04Z")));

        await().atMost(Duration.ofSeconds(30)).until(() -> !rows("select seq from audit_entry where tenant = '" + TENANT
                + "' and details ->> 'record_id' = '" + markerId + "'").isEmpty());

        assertThat(rows("select seq || '|' || action || '|' || person_id || '|' || related_person_ids::text || '|'"
                + " || event_id || '|' || purpose || '|' || outcome || '|' || occurred_at || '|' || details::text"
                + " from audit_entry where tenant = '" + TENANT + "' and details ->> 'record_id' = '" + recordId + "'"))
                .containsExactly("1|export.sent|" + person1 + "|{" + person2 + "}|" + conversion
                        + "|ad_user_data|allowed|2026-11-22 02:00:03+00|{\"service\": \"reporting\", \"record_id\": \""
                        + recordId + "\", \"destination\": \"google_ads\"}");
        assertThat(rows("select count(*) from audit_entry where tenant = '" + TENANT + "'")).containsExactly("2");
    }

    private void publish(AuditRecord record) {
        TopicProbe.publish(bootstrap, Topics.AUDIT_RECORDS, Keys.tenant(TENANT), record, record.eventId());
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = InfraTestResource.postgres().superuserConnection("identity");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql + " order by 1")) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
