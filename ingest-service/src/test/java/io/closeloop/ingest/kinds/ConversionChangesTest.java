package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.ConversionChange;
import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.closeloop.ingest.service.replay.ReplayService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Value changes and refunds of a conversion: published with their change, the source's update time and the ingest
 * sequence the raw event was stored with, which replay sends again unchanged.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "initech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
class ConversionChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Initech initech;
    @Inject
    ReplayService replay;

    @BeforeEach
    void tenant() {
        initech.setUp();
    }

    @Test
    void aWonDealItsValueChangeAndItsRefundCarryChangeSourceTimeAndAnIncreasingSequence() throws Exception {
        UUID won = accept("crm-stages", """
                {"eventId":"%s","dealId":"D-CH-1","stage":"won","conversionType":"deal",
                 "occurredAt":"2026-10-02T16:00:00Z","value":{"amountMinor":100000,"currency":"USD"},
                 "sourceUpdatedAt":"2026-10-02T16:00:05Z"}""");
        UUID changed = accept("crm-stages", """
                {"eventId":"%s","dealId":"D-CH-1","stage":"won","conversionType":"deal","change":"Value_Changed",
                 "occurredAt":"2026-10-02T16:00:00Z","value":{"amountMinor":120000,"currency":"EUR"},
                 "sourceUpdatedAt":"2026-10-09T11:30:00+02:00"}""");
        UUID refund = accept("pos-sales", """
                {"eventId":"%s","orderId":"POS-CH-1","conversionType":"store_sale","change":"refund",
                 "occurredAt":"2026-10-06T10:00:00Z","value":{"amountMinor":1500,"currency":"USD"}}""");

        ConversionRaw first = Published.read(bootstrap, Topics.CONVERSIONS_RAW, won).value();
        ConversionRaw second = Published.read(bootstrap, Topics.CONVERSIONS_RAW, changed).value();
        ConversionRaw returned = Published.read(bootstrap, Topics.CONVERSIONS_RAW, refund).value();

        assertThat(first.change()).isNull();
        assertThat(first.sourceUpdatedAt()).isEqualTo(Instant.parse("2026-10-02T16:00:05Z"));
        assertThat(second.change()).isEqualTo(ConversionChange.VALUE_CHANGED);
        assertThat(second.occurredAt()).isEqualTo(first.occurredAt());
        assertThat(second.value()).isEqualTo(new Money(120000, "EUR"));
        assertThat(second.sourceUpdatedAt()).isEqualTo(Instant.parse("2026-10-09T09:30:00Z"));
        assertThat(returned.change()).isEqualTo(ConversionChange.REFUND);
        assertThat(returned.value()).isEqualTo(new Money(1500, "USD"));
        assertThat(returned.sourceUpdatedAt()).isNull();
        assertThat(first.ingestSequence()).isNotNull();
        assertThat(second.ingestSequence()).isGreaterThan(first.ingestSequence());
        assertThat(returned.ingestSequence()).isGreaterThan(second.ingestSequence());
        assertThat(InfraTestResource.database("ingest").queryLong("select ingest_sequence from raw_event where event_id"
                + " = '" + changed + "'")).isEqualTo(second.ingestSequence());
    }

    @Test
    void replayRepublishesTheSameSequence() throws Exception {
        UUID id = accept("call-center-orders", """
                {"eventId":"%s","orderId":"CC-CH-1","conversionType":"phone_order","change":"refund",
                 "occurredAt":"2026-10-07T09:45:00Z","value":{"amountMinor":500,"currency":"USD"}}""");
        long sequence = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id).value().ingestSequence();

        replay.replay(Initech.TENANT, Instant.parse("2026-10-07T09:45:00Z"), Instant.parse("2026-10-07T09:45:01Z"),
                List.of("conversion"));

        String event = id.toString();
        List<ConsumerRecord<String, String>> copies = TopicProbe.readUntil(bootstrap, Topics.CONVERSIONS_RAW.name(),
                Duration.ofSeconds(30), read -> read.stream()
                        .filter(r -> event.equals(TopicProbe.header(r, Headers.EVENT_ID))).count() == 2).stream()
                .filter(r -> event.equals(TopicProbe.header(r, Headers.EVENT_ID))).toList();
        assertThat(copies).hasSize(2);
        assertThat(copies).allSatisfy(copy -> assertThat(Json.read(copy.value(), ConversionRaw.class)
                .ingestSequence()).isEqualTo(sequence));
    }

    private static UUID accept(String kind, String body) {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(body.formatted(id)).post("/api/v1/" + kind)
                .then().statusCode(202);
        return id;
    }
}
