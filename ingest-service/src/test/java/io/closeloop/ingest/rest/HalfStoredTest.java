package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Headers;
import io.closeloop.infra.DatabaseCoordinates;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A failure in the middle of a batch: the database refuses one chunk (a trigger raises on the outbox row of
 * a marked event, after the raw events of that statement were inserted). No row of that chunk is stored or
 * published, the response names every one of its rows, and the other chunks are stored and published once.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class HalfStoredTest {

    static final String TENANT = "half-stored";
    static final int ROWS = 2_500;
    static final int MARKED_ROW = 1_500;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "half-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void aFailedChunkStoresAndPublishesNothingAndIsReportedRowByRow() throws Exception {
        List<UUID> ids = IntStream.rangeClosed(1, ROWS).mapToObj(i -> UUID.randomUUID()).toList();
        String body = IntStream.rangeClosed(1, ROWS).mapToObj(i -> """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"%s"}"""
                .formatted(ids.get(i - 1), i == MARKED_ROW ? "half-stored-marker" : "dev-" + i))
                .collect(Collectors.joining("\n"));
        Set<String> failedChunk = IntStream.rangeClosed(1_001, 2_000).mapToObj(i -> ids.get(i - 1).toString())
                .collect(Collectors.toSet());

        execute("""
                create function fail_on_marker() returns trigger language plpgsql as $$
                begin
                  if new.payload like '%half-stored-marker%' then raise exception 'injected failure'; end if;
                  return new;
                end $$;
                create trigger fail_on_marker before insert on outbox_event for each row execute function fail_on_marker();
                """);
        Map<String, Object> result;
        try {
            result = send(body);
        } finally {
            execute("drop trigger fail_on_marker on outbox_event; drop function fail_on_marker();");
        }

        assertThat(result).containsEntry("rows", ROWS).containsEntry("accepted", ROWS - 1_000)
                .containsEntry("duplicate", 0).containsEntry("rejected", 1_000);
        assertThat(BatchIngestTest.errorRows(result))
                .containsExactlyElementsOf(IntStream.rangeClosed(1_001, 2_000).mapToObj(i -> (long) i).toList());
        assertThat(result.get("errors").toString()).contains("not stored");

        List<String> stored = InfraTestResource.database("ingest")
                .queryStrings("select event_id::text from raw_event where tenant = '" + TENANT + "'");
        assertThat(stored).hasSize(ROWS - 1_000).doesNotContainAnyElementsOf(failedChunk);
        List<ConsumerRecord<String, String>> published = published(ROWS - 1_000);
        assertThat(published).hasSize(ROWS - 1_000);
        assertThat(published).extracting(r -> TopicProbe.header(r, Headers.EVENT_ID))
                .doesNotContainAnyElementsOf(failedChunk);

        // Sent again once the database is healthy: the failed rows are stored now, the others are duplicates.
        Map<String, Object> again = send(body);
        assertThat(again).containsEntry("accepted", 1_000).containsEntry("duplicate", ROWS - 1_000)
                .containsEntry("rejected", 0);
        assertThat(published(ROWS)).hasSize(ROWS);
    }

    private static Map<String, Object> send(String body) {
        return given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/touchpoints/batch").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private List<ConsumerRecord<String, String>> published(int expected) {
        TopicProbe.readUntil(bootstrap, "touchpoints.raw", Duration.ofSeconds(60),
                records -> BatchIngestTest.ofTenant(records, TENANT).size() >= expected);
        return BatchIngestTest.ofTenant(TopicProbe.readUntil(bootstrap, "touchpoints.raw", Duration.ofSeconds(2),
                records -> false), TENANT);
    }

    private static void execute(String sql) throws Exception {
        DatabaseCoordinates db = InfraTestResource.database("ingest");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
