package io.closeloop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.closeloop.contracts.ErasureConfirmed;
import io.closeloop.contracts.ErasureRequested;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** One confirmation per service and request, under the id the contract defines, however often it is asked. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
class ErasureParticipationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRedeliveredOrReannouncedRequestIsConfirmedOnceUnderTheContractsId() throws Exception {
        UUID requestId = UUID.randomUUID();
        UUID announced = UUID.randomUUID();
        ErasureRequested request = new ErasureRequested("acme", requestId, List.of(UUID.randomUUID()), List.of(),
                List.of(), Instant.parse("2026-11-01T10:00:00Z"));
        String key = Keys.request("acme", requestId);
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, key, request, announced);
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, key, request, announced);
        TopicProbe.publish(bootstrap, Topics.ERASURE_REQUESTED, key, request, UUID.randomUUID());

        // The third record (a new announcement) erases again; redelivery of the first does not.
        await().atMost(WAIT).until(() -> count("select coalesce(max(runs), 0) from effect where event_id = '"
                + requestId + "'") == 2);
        String id = requestId.toString();
        TopicProbe.readUntil(bootstrap, Topics.ERASURE_CONFIRMED.name(), WAIT,
                records -> records.stream().anyMatch(r -> r.value().contains(id)));
        List<ConsumerRecord<String, String>> confirmations = TopicProbe.readUntil(bootstrap,
                        Topics.ERASURE_CONFIRMED.name(), Duration.ofSeconds(5), records -> false).stream()
                .filter(r -> r.value().contains(id)).toList();

        assertThat(confirmations).hasSize(1);
        ConsumerRecord<String, String> record = confirmations.get(0);
        assertThat(TopicProbe.header(record, Headers.EVENT_ID))
                .isEqualTo(ErasureConfirmed.eventId("acme", requestId, "messaging-test").toString());
        ErasureConfirmed confirmed = Json.read(record.value(), ErasureConfirmed.class);
        assertThat(confirmed.service()).isEqualTo("messaging-test");
        assertThat(confirmed.erasedRows()).isEqualTo(3);
        assertThat(record.key()).isEqualTo(key);
    }

    private static long count(String sql) throws SQLException {
        return InfraTestResource.database("messaging").queryLong(sql);
    }
}
