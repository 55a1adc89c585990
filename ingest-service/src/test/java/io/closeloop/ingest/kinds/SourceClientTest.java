package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every event ingest publishes names the OIDC client that sent it (the token's azp), which no client can set. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class SourceClientTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Initech initech;

    @BeforeEach
    void tenant() {
        initech.setUp();
    }

    @Test
    @TestSecurity(user = "service-account-pos-connector", roles = "ingest")
    @OidcSecurity(claims = {@Claim(key = "tenant", value = Initech.TENANT), @Claim(key = "azp", value = "pos-connector"),
        @Claim(key = "client_id", value = "other")})
    void touchesConversionsConsentsAndAssignmentsCarryTheTokensClient() throws Exception {
        UUID touch = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-10-02T10:00:00Z","anonymousId":"dev-sc"}""");
        UUID sale = accept("pos-sales", """
                {"eventId":"%s","orderId":"POS-SC-1","conversionType":"store_sale","occurredAt":"2026-10-06T10:00:00Z",
                 "value":{"amountMinor":1000,"currency":"USD"},"crmContactId":"C-SC"}""");
        UUID consent = accept("consents", """
                {"eventId":"%s","occurredAt":"2026-10-02T09:15:00Z","anonymousId":"dev-sc","gpc":true}""");
        UUID assignment = accept("experiments", """
                {"eventId":"%s","experimentId":"h-sc","campaign":"c","channel":"email","arm":"control",
                 "occurredAt":"2026-10-01T00:00:00Z","crmContactId":"C-SC"}""");

        assertThat(Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, touch).value().attributes())
                .containsEntry("source_client", "pos-connector");
        assertThat(Published.read(bootstrap, Topics.CONVERSIONS_RAW, sale).value().attributes())
                .containsEntry("source_client", "pos-connector")
                .containsEntry("counts_as_conversion", "true");
        assertThat(sourceClientHeader(Topics.TOUCHPOINTS_RAW.name(), touch)).isEqualTo("pos-connector");
        assertThat(sourceClientHeader(Topics.CONSENTS_RAW.name(), consent)).isEqualTo("pos-connector");
        assertThat(sourceClientHeader(Topics.EXPERIMENTS_RAW.name(), assignment)).isEqualTo("pos-connector");
    }

    @Test
    @TestSecurity(user = "crm-sync", roles = "ingest")
    @OidcSecurity(claims = {@Claim(key = "tenant", value = Initech.TENANT), @Claim(key = "client_id", value = "crm-sync")})
    void withoutAzpTheClientIdNamesTheSource() throws Exception {
        UUID deal = accept("crm-stages", """
                {"eventId":"%s","dealId":"D-SC","stage":"won","conversionType":"deal","occurredAt":"2026-10-02T16:00:00Z",
                 "value":{"amountMinor":100,"currency":"USD"}}""");
        ConversionRaw published = Published.read(bootstrap, Topics.CONVERSIONS_RAW, deal).value();
        assertThat(published.attributes()).containsEntry("source_client", "crm-sync");
    }

    @Test
    @TestSecurity(user = "initech-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
    void aUsersTokenWithoutClientLeavesItAbsentNotTheUsersName() throws Exception {
        UUID touch = accept("touchpoints", """
                {"eventId":"%s","type":"page_view","occurredAt":"2026-10-02T10:00:00Z","anonymousId":"dev-sc2"}""");
        TouchpointRaw published = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, touch).value();
        assertThat(published.attributes() == null ? java.util.Map.of() : published.attributes())
                .doesNotContainKey("source_client");
        assertThat(sourceClientHeader(Topics.TOUCHPOINTS_RAW.name(), touch)).isNull();
    }

    private String sourceClientHeader(String topic, UUID eventId) {
        String id = eventId.toString();
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))));
        ConsumerRecord<String, String> record = records.stream()
                .filter(r -> id.equals(TopicProbe.header(r, Headers.EVENT_ID))).findFirst().orElseThrow();
        return TopicProbe.header(record, "source-client");
    }

    private static UUID accept(String kind, String body) {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(body.formatted(id)).post("/api/v1/" + kind)
                .then().statusCode(202);
        return id;
    }
}
