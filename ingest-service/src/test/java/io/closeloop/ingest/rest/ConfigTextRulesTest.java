package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Config bodies follow the event routes' text rules: at most 4,096 characters and no control character but tab,
 * line feed and carriage return; a refused value is a 400 naming the field, never trimmed into an accepted one.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "textrules-admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "tenant", value = "textrules"))
class ConfigTextRulesTest {

    /** A JSON escape for NUL: the body is valid JSON, the decoded text holds U+0000. */
    private static final String NUL = "\\u0000";
    private static final String LONG = "a".repeat(4097);

    @Test
    void trackingNumbers() {
        refused(put("/api/v1/tracking-numbers/+14155550109",
                "{\"pool\":\"p" + NUL + "\",\"source\":\"s\",\"medium\":\"m\"}"), "pool", "U+0000");
        refused(put("/api/v1/tracking-numbers/+14155550109",
                "{\"pool\":\"p\",\"source\":\"s\",\"medium\":\"m\",\"campaign\":\"" + LONG + "\"}"), "campaign",
                "4096");
    }

    @Test
    void promoCodes() {
        refused(put("/api/v1/promo-codes/TEXT", "{\"campaign\":\"c\",\"validFrom\":\"2026-03-01" + NUL + "\"}"),
                "validFrom", "U+0000");
        refused(put("/api/v1/promo-codes/TEXT", "{\"campaign\":\"c\",\"source\":\"a\\u0001b\"}"), "source",
                "U+0001");
    }

    @Test
    void conversionTypes() {
        refused(put("/api/v1/conversion-types/textual", "{\"countingStages\":[\"won" + NUL + "\"]}"),
                "countingStages[0]", "U+0000");
    }

    @Test
    void fxRates() {
        refused(given().contentType(ContentType.JSON).body("[{\"date\":\"2026-10-01" + NUL
                + "\",\"from\":\"USD\",\"to\":\"EUR\",\"rate\":\"0.92\"}]").post("/api/v1/fx-rates").then(),
                "date", "U+0000");
    }

    @Test
    void tenantSettings() {
        refused(put("/api/v1/tenant/settings",
                "{\"timeZone\":\"Europe/Berlin" + NUL + "\",\"baseCurrency\":\"EUR\",\"phoneRegion\":\"DE\"}"),
                "timeZone", "U+0000");
    }

    @Test
    void channelRules() {
        refused(put("/api/v1/channel-rules", "{\"rules\":[{\"source\":\"news" + NUL + "\",\"channel\":\"x\"}]}"),
                "rules[0].source", "U+0000");
        refused(put("/api/v1/channel-rules", "{\"rules\":[{\"referrerHost\":\"" + LONG + "\",\"channel\":\"x\"}]}"),
                "rules[0].referrerHost", "4096");
    }

    private static ValidatableResponse put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static void refused(ValidatableResponse response, String field, String reason) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
    }
}
