package io.closeloop.ingest.rest;

import static io.closeloop.ingest.rest.BatchIngestTest.NDJSON;
import static io.closeloop.ingest.rest.BatchIngestTest.batch;
import static io.closeloop.ingest.rest.BatchIngestTest.errorFields;
import static io.closeloop.ingest.rest.BatchIngestTest.rawEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input a careless or hostile client sends: refused per field and row with a 4xx, never a 5xx or silent change. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "hostile-ingest", roles = "ingest")
class HostileInputTest {

    static final String KINDS = "badge-scans booked-jobs call-center-orders calls consents conversions crm-stages "
            + "email-clicks experiments forms pos-sales promo-redemptions qr-scans sms-clicks spend touchpoints";

    @TestHTTPResource("/api/v1/touchpoints/batch")
    URL batchUri;

    private static String conversion(String amount) {
        return """
                {"conversionId":"o-%s","type":"purchase","occurredAt":"2026-10-02T10:00:00Z","email":"pat@example.com",
                 "value":{"amountMinor":%s,"currency":"EUR"}}""".formatted(amount.hashCode(), amount);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-numbers"))
    void jsonNumbersAreStrictAndAmountsBounded() {
        for (String amount : List.of("1.5", "\"77\"", "\"７７\"", "9223372036854775807", "9223372036854775808",
                "1000000000000001", "-1", "1e3", "true")) {
            given().contentType("application/json").body(conversion(amount)).post("/api/v1/conversions")
                    .then().statusCode(400).body("errors[0].field", equalTo("value.amountMinor"));
        }
        given().contentType("application/json").body(conversion("1000000000000000")).post("/api/v1/conversions")
                .then().statusCode(202);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-csv-numbers"))
    void csvNumericCellsFollowOneStrictRule() throws Exception {
        String csv = """
                conversionId,type,occurredAt,email,value.amountMinor,value.currency
                c-1,purchase,2026-10-02T10:00:00Z,a@example.com,125000,EUR
                c-2,purchase,2026-10-02T10:00:00Z,a@example.com,1.5,EUR
                c-3,purchase,2026-10-02T10:00:00Z,a@example.com,７７,EUR
                c-4,purchase,2026-10-02T10:00:00Z,a@example.com,1000000000000001,EUR
                c-5,purchase,2026-10-02T10:00:00Z,a@example.com,1000000000000000,EUR
                """;
        Map<String, Object> result = batch("conversions", "text/csv", csv, "csv-n").jsonPath().getMap("");
        assertThat(result).containsEntry("accepted", 2).containsEntry("rejected", 3);
        assertThat(errorFields(result)).containsExactly("2:value.amountMinor", "3:value.amountMinor",
                "4:value.amountMinor");
        assertThat(rawEvents("hostile-csv-numbers")).isEqualTo(2);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-null"))
    void aNullBodyIsA400OnEveryKind() throws Exception {
        for (String kind : KINDS.split(" ")) {
            given().contentType("application/json").body("null").post("/api/v1/" + kind)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("$"));
        }
        Map<String, Object> rows = batch("touchpoints", "application/json", "[null]", null).jsonPath().getMap("");
        assertThat(rows).containsEntry("rejected", 1);
        rows = batch("touchpoints", NDJSON, "null\n", null).jsonPath().getMap("");
        assertThat(rows).containsEntry("rejected", 1);
        assertThat(rawEvents("hostile-null")).isZero();
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-time"))
    void anEventTimeOutsideTheAcceptedRangeIsOnlyThatRow() throws Exception {
        given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"occurredAt\":\"0000-01-01T00:00:00Z\",\"anonymousId\":\"a\"}")
                .post("/api/v1/touchpoints").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].reason", containsString("2000-01-01T00:00:00Z to"));
        given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\",\"anonymousId\":\"a\"}")
                .post("/api/v1/touchpoints").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        String body = String.join("\n",
                "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a\"}",
                "{\"type\":\"page_view\",\"occurredAt\":\"0000-01-01T00:00:00Z\",\"anonymousId\":\"b\"}",
                "{\"type\":\"page_view\",\"occurredAt\":\"1999-12-31T23:59:59Z\",\"anonymousId\":\"c\"}",
                "{\"type\":\"page_view\",\"occurredAt\":\"2000-01-01T00:00:00Z\",\"anonymousId\":\"d\"}");
        Map<String, Object> result = batch("touchpoints", NDJSON, body, null).jsonPath().getMap("");
        assertThat(result).containsEntry("accepted", 2).containsEntry("rejected", 2);
        assertThat(errorFields(result)).containsExactly("2:occurredAt", "3:occurredAt");
        assertThat(rawEvents("hostile-time")).isEqualTo(2);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-control"))
    void controlCharactersAndOverlongFieldsAreRefusedByName() throws Exception {
        given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a\\u0000b\"}")
                .post("/api/v1/touchpoints").then().statusCode(400).body("errors[0].field", equalTo("anonymousId"))
                .body("errors[0].reason", containsString("U+0000"));
        given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a\","
                        + "\"utm\":{\"source\":\"" + "s".repeat(501) + "\"}}")
                .post("/api/v1/touchpoints").then().statusCode(400).body("errors[0].field", equalTo("utm.source"));
        given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\""
                        + "a".repeat(4097) + "\"}")
                .post("/api/v1/touchpoints").then().statusCode(400).body("errors[0].field", equalTo("anonymousId"));
        given().contentType("application/json")
                .body("{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a\","
                        + "\"channel\":\"=HYPERLINK(\\\"x\\\")\"}")
                .post("/api/v1/touchpoints").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        String csv = "type,occurredAt,anonymousId\npage_view,2026-10-01T12:00:00Z,a\u0001b\n"
                + "page_view,2026-10-01T12:00:00Z,ok\n";
        Map<String, Object> result = batch("touchpoints", "text/csv", csv, null).jsonPath().getMap("");
        assertThat(errorFields(result)).containsExactly("1:anonymousId");
        assertThat(rawEvents("hostile-control")).isEqualTo(1);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-utf8"))
    void invalidUtf8IsRefusedWithItsByteOffset() throws Exception {
        String start = "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a";
        byte[] overlong = bytes(start, new byte[]{(byte) 0xC0, (byte) 0xAF}, "\"}");
        given().contentType("application/json").body(overlong).post("/api/v1/touchpoints")
                .then().statusCode(400).body("errors[0].reason", equalTo("invalid UTF-8 at byte offset " + start.length()));
        String good = "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"g\"}\n";
        byte[] ndjson = bytes(good, new byte[]{'{', '"', (byte) 0xFF, '"', '}', '\n'}, good.replace("\"g\"", "\"h\""));
        JsonPath result = given().contentType(NDJSON).body(ndjson).post("/api/v1/touchpoints/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("accepted")).isEqualTo(2);
        assertThat(result.getString("errors[0].reason")).isEqualTo("invalid UTF-8 at byte offset "
                + (good.length() + 2));
        String csvStart = "type,occurredAt,anonymousId\npage_view,2026-10-01T12:00:00Z,x";
        byte[] csv = bytes(csvStart,
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\npage_view,2026-10-01T12:00:00Z,y\n");
        result = given().contentType("text/csv").body(csv).post("/api/v1/touchpoints/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("accepted")).isZero();
        assertThat(result.getString("unreadRest")).contains("invalid UTF-8 at byte offset " + csvStart.length());
        assertThat(rawEvents("hostile-utf8")).isEqualTo(2);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-lines"))
    void aRowOverTheLineLimitIsOnlyThatRowAndOneAtTheLimitIsStored() throws Exception {
        String prefix = "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"";
        String atLimit = prefix + "a\"" + " ".repeat(65_536 - prefix.length() - 3) + "}";
        assertThat(atLimit.length()).isEqualTo(65_536);
        String overLimit = prefix + "b\"" + " ".repeat(65_536 - prefix.length() - 2) + "}";
        assertThat(overLimit.length()).isEqualTo(65_537);
        Map<String, Object> result = batch("touchpoints", NDJSON, atLimit + "\n" + overLimit + "\n", null)
                .jsonPath().getMap("");
        assertThat(result).containsEntry("accepted", 1).containsEntry("rejected", 1);
        assertThat(result.get("errors").toString()).contains("longer than 65536 bytes");
        result = batch("touchpoints", "application/json", "[" + atLimit + "," + overLimit + "]", null)
                .jsonPath().getMap("");
        assertThat(result).containsEntry("accepted", 1).containsEntry("rejected", 1);
        assertThat(errorFields(result)).containsExactly("2:$");
        assertThat(rawEvents("hostile-lines")).isEqualTo(2);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "hostile-chunked"))
    void aChunkedBatchOverTheLimitSaysExactlyWhichRowsAreStored() throws Exception {
        // Rows of 4,000 bytes: the 4 MiB limit is reached after the first chunk of 1,000 rows was stored.
        String row = "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"c\"}";
        byte[] line = (row + " ".repeat(3_999 - row.length()) + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < 5L * 1024 * 1024 ? line[(int) (sent++ % line.length)] : -1;
            }
        };
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(batchUri.toURI()).header("Content-Type", NDJSON)
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        JsonPath problem = JsonPath.from(response.body());
        long settled = problem.getLong("settledThroughRow");
        assertThat(settled).isPositive().isEqualTo(problem.getLong("firstUnstoredRow") - 1);
        assertThat(settled).isEqualTo(1000);
        assertThat(problem.getLong("accepted")).isEqualTo(settled);
        assertThat(rawEvents("hostile-chunked")).isEqualTo(settled);
    }

    static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
