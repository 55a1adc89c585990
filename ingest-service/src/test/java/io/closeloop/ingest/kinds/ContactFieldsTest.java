package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Trust;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.ingest.domain.ExportHashes;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A contact field never costs an event: phones in US, UK and German notations for a US tenant (initech), read in
 * the event's own region or as international numbers; what still cannot be read is dropped with a warning while
 * the event and its value are stored and published.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "initech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
class ContactFieldsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Initech initech;
    @Inject
    MeterRegistry registry;
    IdentifierHasher hasher;

    @BeforeEach
    void tenant() {
        hasher = initech.setUp();
    }

    @Test
    void aWonDealWithAUkNumberForAUsTenantKeepsItsValueAndDropsThePhoneWithAWarning() throws Exception {
        double dropped = dropped("crm-stages", "phone");
        UUID id = UUID.randomUUID();
        post("crm-stages", """
                {"eventId":"%s","dealId":"D-UK-1","stage":"won","conversionType":"deal",
                 "occurredAt":"2026-10-02T16:00:00Z","value":{"amountMinor":250000,"currency":"USD"},
                 "phone":"07911 123456","email":"jane@example.com"}""", id)
                .statusCode(202).body("status", equalTo("accepted"))
                .body("warnings.field", contains("phone"))
                .body("warnings[0].reason", containsString("region US"))
                .body("warnings[0].reason", containsString("dropped as an identifier"));

        ConversionRaw deal = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id).value();
        assertThat(deal.value()).isEqualTo(new Money(250000, "USD"));
        assertThat(deal.identifiers()).containsExactly(ref(IdentifierKind.EMAIL,
                hasher.matchKey("email", "jane@example.com")), ref(IdentifierKind.CRM_DEAL, "D-UK-1"));
        assertThat(dropped("crm-stages", "phone")).isEqualTo(dropped + 1);
    }

    @Test
    void theEventsPhoneRegionReadsANationalNumber() throws Exception {
        UUID id = UUID.randomUUID();
        post("crm-stages", """
                {"eventId":"%s","dealId":"D-UK-2","stage":"won","conversionType":"deal",
                 "occurredAt":"2026-10-02T16:00:00Z","value":{"amountMinor":250000,"currency":"GBP"},
                 "phone":"07911 123456","phoneRegion":"gb"}""", id)
                .statusCode(202).body("warnings", empty());

        ConversionRaw deal = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id).value();
        assertThat(deal.identifiers()).contains(ref(IdentifierKind.PHONE, hasher.matchKey("phone", "+447911123456")));
        assertThat(deal.exportHashes()).containsAllEntriesOf(ExportHashes.ofPhone("+447911123456"));
    }

    @ParameterizedTest(name = "{0} (region {1}) is {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "+44 20 7946 0958|null|+442079460958",
        "0044 20 7946 0958|null|+442079460958",
        "(+44) 20 7946 0958|null|+442079460958",
        "+44 (0)20 7946 0958|null|+442079460958",
        "020 7946 0958|GB|+442079460958",
        "+49 30 123456|null|+4930123456",
        "0049 30 123456|null|+4930123456",
        "030 123456|DE|+4930123456",
        "(415) 555-2671|null|+14155552671",
        "+1 415-555-2671|DE|+14155552671"
    })
    void aCallersNumberInAnyNotationIsAPhone(String caller, String region, String e164) throws Exception {
        UUID id = UUID.randomUUID();
        String regionField = region == null ? "" : ",\"phoneRegion\":\"" + region + "\"";
        post("calls", """
                {"eventId":"%s","occurredAt":"2026-10-02T10:00:00Z","trackingNumber":"+14155550100",
                 "callerNumber":"%s"%s}""".formatted("%s", caller, regionField), id)
                .statusCode(202).body("warnings", empty());

        TouchpointRaw call = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id).value();
        assertThat(call.identifiers()).containsExactly(ref(IdentifierKind.PHONE, hasher.matchKey("phone", e164)));
        assertThat(call.exportHashes()).isEqualTo(ExportHashes.ofPhone(e164));
    }

    @Test
    void aCallFromANumberThatCannotBeReadIsStillACall() throws Exception {
        UUID id = UUID.randomUUID();
        post("calls", """
                {"eventId":"%s","occurredAt":"2026-10-02T10:00:00Z","trackingNumber":"+14155550100",
                 "callerNumber":"020 7946 0958","phoneRegion":"XX"}""", id)
                .statusCode(202).body("warnings.field", contains("phoneRegion", "callerNumber"));

        TouchpointRaw call = Published.read(bootstrap, Topics.TOUCHPOINTS_RAW, id).value();
        assertThat(call.identifiers()).isEmpty();
        assertThat(call.attributes()).containsEntry("tracking_pool", "spring");
    }

    @Test
    void aSaleWithAnUnusableEmailIsStoredWithItsValue() throws Exception {
        UUID id = UUID.randomUUID();
        post("pos-sales", """
                {"eventId":"%s","orderId":"POS-E-1","conversionType":"store_sale","occurredAt":"2026-10-06T10:00:00Z",
                 "value":{"amountMinor":4999,"currency":"USD"},"email":"jane at example","crmContactId":"C-77"}""", id)
                .statusCode(202).body("warnings.field", contains("email"));

        ConversionRaw sale = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id).value();
        assertThat(sale.value()).isEqualTo(new Money(4999, "USD"));
        assertThat(sale.identifiers()).containsExactly(ref(IdentifierKind.CRM_CONTACT, "C-77"));
    }

    @Test
    void aBatchNamesTheRowOfEachWarning() {
        String ndjson = """
                {"orderId":"B-W-1","conversionType":"phone_order","occurredAt":"2026-10-06T10:00:00Z","value":{"amountMinor":100,"currency":"USD"},"callerNumber":"+14155552671"}
                {"orderId":"B-W-2","conversionType":"phone_order","occurredAt":"2026-10-06T10:00:00Z","value":{"amountMinor":200,"currency":"USD"},"callerNumber":"07911 123456"}
                {"orderId":"B-W-3","conversionType":"phone_order","occurredAt":"2026-10-06T10:00:00Z","value":{"amountMinor":300,"currency":"USD"},"callerNumber":"07911 123456","phoneRegion":"GB"}
                """;
        given().contentType("application/x-ndjson").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/v1/call-center-orders/batch").then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(0))
                .body("warnings.row", contains(2)).body("warnings.field", contains("callerNumber"))
                .body("warningsTruncated", equalTo(false));
    }

    private static ValidatableResponse post(String kind, String body, UUID id) {
        return given().contentType(ContentType.JSON).body(body.formatted(id)).post("/api/v1/" + kind).then();
    }

    private double dropped(String kind, String field) {
        Counter counter = registry.find("closeloop.ingest.identifiers.dropped").tag("kind", kind).tag("field", field)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static IdentifierRef ref(IdentifierKind kind, String value) {
        return new IdentifierRef(kind, value, Trust.VERIFIED);
    }
}
