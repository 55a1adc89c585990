package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, an event accepted by ingest is published inside the trace of the request that sent it: the
 * record on the raw topic carries the request's trace id, whichever worker thread read and stored the body.
 */
@QuarkusTest
@TestProfile(TraceContextTest.Tracing.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class TraceContextTest {

    /** The SDK on, exporting nowhere: only the context matters here. */
    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Initech initech;

    @BeforeEach
    void tenant() {
        initech.setUp();
    }

    @Test
    @TestSecurity(user = "initech-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
    void theRawRecordCarriesTheRequestsTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
                .body("""
                        {"eventId":"%s","conversionId":"traced-1","type":"purchase","occurredAt":"2026-10-02T10:00:00Z",
                         "anonymousId":"dev-tr","value":{"amountMinor":1000,"currency":"USD"}}""".formatted(id))
                .post("/api/v1/conversions").then().statusCode(202);

        String event = id.toString();
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(bootstrap, Topics.CONVERSIONS_RAW.name(),
                Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> event.equals(
                        TopicProbe.header(r, Headers.EVENT_ID))));
        ConsumerRecord<String, String> record = records.stream()
                .filter(r -> event.equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
        assertThat(TopicProbe.header(record, "traceparent")).startsWith("00-" + traceId + "-").endsWith("-01");
    }
}
