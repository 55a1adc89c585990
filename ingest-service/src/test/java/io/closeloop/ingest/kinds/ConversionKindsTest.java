package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSignal;
import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ExperimentAssignment;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.SpendRecord;
import io.closeloop.contracts.Topics;
import io.closeloop.contracts.Trust;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.ingest.domain.ExportHashes;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offline conversions, spend, consents and experiments: accepted, then published once on their topic with the exact
 * record and key; the tenant (initech) reports in USD and has a EUR→USD rate of 1.0852 from 2026-10-01.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "initech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
class ConversionKindsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Initech initech;
    IdentifierHasher hasher;

    @BeforeEach
    void tenant() {
        hasher = initech.setUp();
    }

    @Test
    void aWonDealCarriesItsAccountAndItsValueInTheBaseCurrency() throws Exception {
        UUID id = accept("crm-stages", """
                {"eventId":"%s","dealId":"D-1","contactIds":["C-1","C-2"],"stage":"Won","conversionType":"Deal",
                 "occurredAt":"2026-10-02T16:00:00Z","value":{"amountMinor":100000,"currency":"eur"},
                 "pipeline":"enterprise","sourceSystem":"hubspot"}""");
        Published<ConversionRaw> published = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id);
        assertThat(published.key()).isEqualTo("initech:crm_contact:C-1");
        assertThat(published.eventType()).isEqualTo("conversion.raw");
        // 1,000.00 EUR * 1.0852 = 1,085.20 USD
        assertConversion(published.value(), new ConversionRaw("initech", id, "D-1", "deal", "won",
                Instant.parse("2026-10-02T16:00:00Z"), "UTC", null, new Money(100000, "EUR"), "hubspot",
                List.of(ref(IdentifierKind.CRM_CONTACT, "C-1"), ref(IdentifierKind.CRM_DEAL, "D-1")), Map.of(),
                new Money(108520, "USD"),
                List.of(ref(IdentifierKind.CRM_CONTACT, "C-1"), ref(IdentifierKind.CRM_CONTACT, "C-2")),
                Map.of("pipeline", "enterprise", "counts_as_conversion", "true", "lookback_days", "180"), null));

        UUID mql = accept("crm-stages", """
                {"eventId":"%s","dealId":"D-1","contactIds":["C-1"],"stage":"mql","conversionType":"deal",
                 "occurredAt":"2026-09-20T16:00:00Z"}""");
        ConversionRaw stage = Published.read(bootstrap, Topics.CONVERSIONS_RAW, mql).value();
        assertThat(stage.value()).isNull();
        assertThat(stage.baseValue()).isNull();
        assertThat(stage.attributes()).containsEntry("counts_as_conversion", "false");
    }

    @Test
    void aSaleWithoutARateOnItsDayIsAcceptedWithoutBaseValue() throws Exception {
        UUID id = accept("pos-sales", """
                {"eventId":"%s","orderId":"POS-1","conversionType":"store_sale","occurredAt":"2026-09-15T11:00:00",
                 "value":{"amountMinor":4999,"currency":"EUR"},"storeId":"nyc-1","email":"pat@example.com"}""");
        Published<ConversionRaw> published = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id);
        String pat = hasher.matchKey("email", "pat@example.com");
        assertThat(published.key()).isEqualTo("initech:email:" + pat);
        // A local time is read in the tenant's zone (New York, UTC-4 in September).
        assertConversion(published.value(), new ConversionRaw("initech", id, "POS-1", "store_sale", "completed",
                Instant.parse("2026-09-15T15:00:00Z"), "America/New_York", null, new Money(4999, "EUR"), "pos",
                List.of(ref(IdentifierKind.EMAIL, pat)), ExportHashes.ofEmail("pat@example.com"), null, null,
                Map.of("store_id", "nyc-1", "counts_as_conversion", "true", "lookback_days", "90"), null));
    }

    @Test
    void callCenterOrdersAndBookedJobs() throws Exception {
        UUID order = accept("call-center-orders", """
                {"eventId":"%s","orderId":"CC-1","conversionType":"phone_order","occurredAt":"2026-10-07T09:45:00-04:00",
                 "value":{"amountMinor":18900,"currency":"USD"},"agentId":"agent-17","callerNumber":"+14155552671"}""");
        Published<ConversionRaw> published = Published.read(bootstrap, Topics.CONVERSIONS_RAW, order);
        String caller = hasher.matchKey("phone", "+14155552671");
        assertThat(published.key()).isEqualTo("initech:phone:" + caller);
        assertConversion(published.value(), new ConversionRaw("initech", order, "CC-1", "phone_order", "completed",
                Instant.parse("2026-10-07T13:45:00Z"), "-04:00", null, new Money(18900, "USD"), "call_center",
                List.of(ref(IdentifierKind.PHONE, caller)), ExportHashes.ofPhone("+14155552671"),
                new Money(18900, "USD"), null,
                Map.of("agent_id", "agent-17", "counts_as_conversion", "true", "lookback_days", "30"), null));

        UUID job = accept("booked-jobs", """
                {"eventId":"%s","jobId":"J-1","conversionType":"booked_job","occurredAt":"2026-10-08T15:30:00Z",
                 "jobType":"Boiler Service","scheduledFor":"2026-10-12","crmContactId":"C-9","status":"cancelled"}""");
        Published<ConversionRaw> booked = Published.read(bootstrap, Topics.CONVERSIONS_RAW, job);
        assertThat(booked.key()).isEqualTo("initech:crm_contact:C-9");
        assertConversion(booked.value(), new ConversionRaw("initech", job, "J-1", "booked_job", "cancelled",
                Instant.parse("2026-10-08T15:30:00Z"), "UTC", null, null, "booking",
                List.of(ref(IdentifierKind.CRM_CONTACT, "C-9")), Map.of(), null, null,
                Map.of("job_type", "boiler service", "scheduled_for", "2026-10-12", "counts_as_conversion", "false",
                        "lookback_days", "90"), null));
    }

    @Test
    void aGenericConversionGetsItsBaseValueToo() throws Exception {
        UUID id = accept("conversions", """
                {"eventId":"%s","conversionId":"o-7","type":"purchase","occurredAt":"2026-10-06T12:00:00Z",
                 "value":{"amountMinor":1999,"currency":"EUR"}}""");
        ConversionRaw conversion = Published.read(bootstrap, Topics.CONVERSIONS_RAW, id).value();
        // 19.99 EUR * 1.0852 = 21.693148 USD -> 21.69
        assertThat(conversion.value()).isEqualTo(new Money(1999, "EUR"));
        assertThat(conversion.baseValue()).isEqualTo(new Money(2169, "USD"));
    }

    @Test
    void offlineKindsTakeTheBatchTransportsToo() {
        String csv = """
                orderId,conversionType,occurredAt,value.amountMinor,value.currency,storeId,email
                B-1,store_sale,2026-10-06T10:00:00Z,1000,EUR,nyc-1,a@example.com
                B-2,store_sale,2026-10-06T11:00:00Z,,EUR,nyc-1,b@example.com
                B-3,teleport,2026-10-06T12:00:00Z,500,USD,nyc-2,
                B-4,store_sale,2026-10-06T13:00:00Z,500,USD,nyc-2,
                """;
        given().contentType("text/csv").header("Idempotency-Key", UUID.randomUUID().toString()).body(csv)
                .post("/api/v1/pos-sales/batch").then().statusCode(200)
                .body("rows", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("errors.row", org.hamcrest.Matchers.contains(2, 3))
                .body("errors.field", org.hamcrest.Matchers.contains("value.amountMinor", "conversionType"));
    }

    @Test
    void spendIsKeyedByDayChannelAndNormalizedCampaign() throws Exception {
        UUID id = accept("spend", """
                {"eventId":"%s","date":"2026-10-03","source":"Google","medium":"CPC","campaign":" Brand  Search",
                 "platformCampaignId":"123","amount":{"amountMinor":150000,"currency":"EUR"}}""");
        Published<SpendRecord> published = Published.read(bootstrap, Topics.SPEND_RAW, id);
        assertThat(published.key()).isEqualTo("initech:2026-10-03:paid_search:brand search");
        assertThat(published.value()).usingRecursiveComparison().ignoringFields("receivedAt").isEqualTo(
                new SpendRecord("initech", id, LocalDate.parse("2026-10-03"), "paid_search", "google", "cpc",
                        "brand search", "123", new Money(150000, "EUR"), new Money(162780, "USD"), null));
    }

    @Test
    void aConsentSignalReadsConsentModeAndTheGppOptOut() throws Exception {
        UUID id = accept("consents", """
                {"eventId":"%s","occurredAt":"2026-10-02T09:15:00Z","anonymousId":"dev-9","region":"us-ca",
                 "consentMode":{"analytics_storage":"granted","ad_storage":"Denied"},
                 "gpp":"DBABLA~BVQaAAAAAAJY"}""");
        Published<ConsentSignal> published = Published.read(bootstrap, Topics.CONSENTS_RAW, id);
        assertThat(published.key()).isEqualTo("initech:device:dev-9");
        assertThat(published.value()).usingRecursiveComparison().ignoringFields("receivedAt").isEqualTo(
                new ConsentSignal("initech", id, Instant.parse("2026-10-02T09:15:00Z"), "UTC", null,
                        List.of(ref(IdentifierKind.DEVICE, "dev-9")), "US-CA", "gpp",
                        Map.of(ConsentPurpose.MEASUREMENT, "granted", ConsentPurpose.AD_STORAGE, "denied",
                                ConsentPurpose.SALE_SHARE_OPT_OUT, "granted"), "DBABLA~BVQaAAAAAAJY"));

        UUID gpc = accept("consents", """
                {"eventId":"%s","occurredAt":"2026-10-02T09:15:00Z","email":"pat@example.com","gpc":true}""");
        ConsentSignal signal = Published.read(bootstrap, Topics.CONSENTS_RAW, gpc).value();
        assertThat(signal.source()).isEqualTo("gpc");
        assertThat(signal.purposes()).isEqualTo(Map.of(ConsentPurpose.SALE_SHARE_OPT_OUT, "granted"));
    }

    @Test
    void anExperimentAssignmentNamesItsArm() throws Exception {
        UUID id = accept("experiments", """
                {"eventId":"%s","experimentId":"holdout-q4","campaign":"Retargeting Q4","channel":"paid_social",
                 "arm":"CONTROL","occurredAt":"2026-10-01T00:00:00Z","crmContactId":"C-5"}""");
        Published<ExperimentAssignment> published = Published.read(bootstrap, Topics.EXPERIMENTS_RAW, id);
        assertThat(published.key()).isEqualTo("initech:crm_contact:C-5");
        assertThat(published.value()).usingRecursiveComparison().ignoringFields("receivedAt").isEqualTo(
                new ExperimentAssignment("initech", id, "holdout-q4", "retargeting q4", "paid_social", "control",
                        Instant.parse("2026-10-01T00:00:00Z"), "UTC", null,
                        List.of(ref(IdentifierKind.CRM_CONTACT, "C-5"))));
    }

    private static UUID accept(String kind, String body) {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(body.formatted(id)).post("/api/v1/" + kind)
                .then().statusCode(202).body("status", equalTo("accepted")).body("eventId", equalTo(id.toString()));
        return id;
    }

    private static IdentifierRef ref(IdentifierKind kind, String value) {
        return new IdentifierRef(kind, value, Trust.VERIFIED);
    }

    private static void assertConversion(ConversionRaw actual, ConversionRaw expected) {
        assertThat(actual.receivedAt()).isNotNull();
        assertThat(actual.ingestSequence()).isNotNull();
        assertThat(actual).usingRecursiveComparison().ignoringFields("receivedAt", "ingestSequence").isEqualTo(expected);
    }
}
