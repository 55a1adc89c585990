package io.closeloop.ingest.kinds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input of every kind: 400 problem+json naming the field, never a 5xx, nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "initech-ingest", roles = "ingest")
@OidcSecurity(claims = @Claim(key = "tenant", value = Initech.TENANT))
class BadInputTest {

    @Inject
    Initech initech;

    @BeforeEach
    void tenant() {
        initech.setUp();
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            forms | {"occurredAt":"2026-10-01T10:00:00Z","email":"jane@example.com"} | formName
            forms | {"formName":"f","occurredAt":"2026-10-01T10:00:00Z"} | email
            forms | {"formName":"f","occurredAt":"2026-10-01T10:00:00Z","email":"nope"} | email
            forms | {"formName":"f","occurredAt":"2026-10-01T10:00:00Z","email":"a@b.co","clickIds":{"zz":"1"}} | clickIds.zz
            calls | {"occurredAt":"2026-10-01T10:00:00Z"} | trackingNumber
            calls | {"occurredAt":"2026-10-01T10:00:00Z","trackingNumber":"12"} | trackingNumber
            calls | {"occurredAt":"2026-10-01T10:00:00Z","trackingNumber":"+14155550100","durationSeconds":-1} | durationSeconds
            calls | {"occurredAt":"2026-10-01T10:00:00Z","trackingNumber":"+14155550100","durationSeconds":"long"} | durationSeconds
            calls | {"occurredAt":"2026-10-01T10:00:00Z","trackingNumber":"+14155550100","recording":"x.mp3"} | recording
            email-clicks | {"occurredAt":"2026-10-01T10:00:00Z","campaign":"c"} | recipient
            email-clicks | {"occurredAt":"2026-10-01T10:00:00Z","campaign":"c","recipient":"+14155552671"} | recipient
            sms-clicks | {"occurredAt":"2026-10-01T10:00:00Z","recipient":"+14155552671"} | campaign
            sms-clicks | {"occurredAt":"2026-10-01T10:00:00Z","campaign":"c","recipient":"x"} | recipient
            qr-scans | {"occurredAt":"2026-10-01T10:00:00Z"} | code
            promo-redemptions | {"occurredAt":"2999-10-01T10:00:00Z","code":"x"} | occurredAt
            badge-scans | {"occurredAt":"2026-10-01T10:00:00Z","event":"e"} | attendeeId
            crm-stages | {"dealId":"D","stage":"won","conversionType":"deal","occurredAt":"2026-10-01T10:00:00Z"} | value
            crm-stages | {"dealId":"D","stage":"maybe","conversionType":"deal","occurredAt":"2026-10-01T10:00:00Z"} | stage
            crm-stages | {"dealId":"D","stage":"new","conversionType":"teleport","occurredAt":"2026-10-01T10:00:00Z"} | conversionType
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z"} | value
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":1,"currency":"XYZ"}} | value.currency
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":-1,"currency":"EUR"}} | value.amountMinor
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":1,"currency":"EUR"},"status":"refunded"} | status
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":-1,"currency":"EUR"},"change":"refund"} | value.amountMinor
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":0,"currency":"EUR"},"change":"refund"} | value.amountMinor
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":1,"currency":"EUR"},"change":"cancelled"} | change
            pos-sales | {"orderId":"o","conversionType":"store_sale","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":1,"currency":"EUR"},"sourceUpdatedAt":"yesterday"} | sourceUpdatedAt
            crm-stages | {"dealId":"D","stage":"won","conversionType":"deal","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":-5,"currency":"USD"},"change":"refund"} | value.amountMinor
            crm-stages | {"dealId":"D","stage":"won","conversionType":"deal","occurredAt":"2026-10-01T10:00:00Z","change":"value_changed"} | value
            call-center-orders | {"orderId":"o","conversionType":"phone_order","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":-100,"currency":"USD"},"change":"refund"} | value.amountMinor
            booked-jobs | {"jobId":"j","conversionType":"booked_job","occurredAt":"2026-10-01T10:00:00Z","change":"refund"} | value
            conversions | {"conversionId":"c","type":"purchase","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":-1,"currency":"USD"},"change":"refund"} | value.amountMinor
            conversions | {"type":"purchase","occurredAt":"2026-10-01T10:00:00Z","value":{"amountMinor":1,"currency":"USD"},"change":"refund"} | conversionId
            forms | {"formName":"f","occurredAt":"2026-10-01T10:00:00Z","phone":"07911 123456"} | phone
            consents | {"occurredAt":"2026-10-01T10:00:00Z","email":"nope","gpc":true} | email
            booked-jobs | {"jobId":"j","conversionType":"booked_job","occurredAt":"2026-10-01T10:00:00Z","scheduledFor":"soon"} | scheduledFor
            booked-jobs | {"jobId":"j","occurredAt":"2026-10-01T10:00:00Z"} | conversionType
            spend | {"date":"2026-10-01","amount":{"amountMinor":1,"currency":"USD"}} | channel
            spend | {"date":"yesterday","channel":"email","amount":{"amountMinor":1,"currency":"USD"}} | date
            spend | {"date":"2026-10-01","channel":"Paid Search!","amount":{"amountMinor":1,"currency":"USD"}} | channel
            spend | {"date":"2026-10-01","channel":"email"} | amount
            consents | {"occurredAt":"2026-10-01T10:00:00Z","anonymousId":"d"} | consentMode
            consents | {"occurredAt":"2026-10-01T10:00:00Z","gpc":true} | anonymousId
            consents | {"occurredAt":"2026-10-01T10:00:00Z","anonymousId":"d","gpp":"DBABLA"} | gpp
            consents | {"occurredAt":"2026-10-01T10:00:00Z","anonymousId":"d","consentMode":{"ad_storage":"maybe"}} | consentMode.ad_storage
            consents | {"occurredAt":"2026-10-01T10:00:00Z","anonymousId":"d","gpc":true,"region":"Mars"} | region
            experiments | {"experimentId":"x","campaign":"c","channel":"email","arm":"treatment","occurredAt":"2026-10-01T10:00:00Z","email":"a@b.co"} | arm
            experiments | {"experimentId":"x","campaign":"c","channel":"email","arm":"control","occurredAt":"2026-10-01T10:00:00Z"} | email
            """)
    void isA400NamingTheField(String kind, String body, String field) throws Exception {
        long stored = InfraTestResource.database("ingest").queryLong("select count(*) from raw_event");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/" + kind)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        org.assertj.core.api.Assertions.assertThat(
                InfraTestResource.database("ingest").queryLong("select count(*) from raw_event")).isEqualTo(stored);
    }
}
