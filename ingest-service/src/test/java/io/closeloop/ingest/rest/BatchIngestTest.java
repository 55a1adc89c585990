package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** JSON array, NDJSON and CSV batches: rows validated one by one, counted, stored and published once. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
class BatchIngestTest {

    static final String NDJSON = "application/x-ndjson";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v1/touchpoints/batch")
    URL batchUri;

    @Test
    @TestSecurity(user = "batch-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "batch-json"))
    void aJsonArrayStoresTheValidRowsAndNamesTheInvalidOnes() throws Exception {
        UUID first = UUID.randomUUID();
        String body = """
                [{"eventId":"%s","type":"ad_click","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"d-1"},
                 {"type":"teleport","occurredAt":"2026-10-01T12:00:00Z"},
                 {"type":"page_view","occurredAt":"2026-10-01T12:00:00Z","colour":"red"},
                 {"type":"page_view","occurredAt":"2999-01-01T00:00:00Z"},
                 {"type":"page_view","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"d-2"},
                 {"eventId":"%s","type":"ad_click","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"d-1"},
                 42]
                """.formatted(first, first);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/touchpoints/batch")
                .then().statusCode(200)
                .body("rows", equalTo(7)).body("accepted", equalTo(2)).body("duplicate", equalTo(1))
                .body("rejected", equalTo(4))
                .body("errors.findAll { it.row == 2 }.field", equalTo(List.of("type")))
                .body("errors.findAll { it.row == 3 }.field", equalTo(List.of("colour")))
                .body("errors.findAll { it.row == 4 }.field", equalTo(List.of("occurredAt")))
                .body("errors.findAll { it.row == 7 }.field", equalTo(List.of("$")));
        assertThat(rawEvents("batch-json")).isEqualTo(2);
        assertThat(published("touchpoints.raw", "batch-json", 2)).hasSize(2);
    }

    @Test
    @TestSecurity(user = "batch-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "batch-ndjson"))
    void ndjsonRowsAreLinesAndABrokenLineIsOnlyThatRow() throws Exception {
        String longLine = "{\"type\":\"page_view\",\"referrer\":\"" + "x".repeat(70_000) + "\"}";
        String body = String.join("\n",
                "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"a\"}",
                "{\"type\":\"page_view\",\"occurredAt\":",
                "",
                longLine,
                "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"anonymousId\":\"b\"}\r",
                "{\"type\":\"page_view\",\"occurredAt\":12}",
                "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\",\"email\":\"x@example.com\"}") + "\n";
        Map<String, Object> result = batch("touchpoints", NDJSON, body, null).jsonPath().getMap("");
        assertThat(result).containsEntry("rows", 6).containsEntry("accepted", 3).containsEntry("rejected", 3);
        assertThat(errorRows(result)).containsExactly(2L, 4L, 6L);
        assertThat(rawEvents("batch-ndjson")).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "batch-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "batch-csv"))
    void csvColumnsAreJsonFieldsDottedForNestedOnes() throws Exception {
        String csv = """
                conversionId,type,occurredAt,email,value.amountMinor,value.currency
                o-1,purchase,2026-10-02T10:00:00Z,pat@example.com,125000,eur
                o-2,purchase,2026-10-02T11:00:00Z,,lots,EUR
                o-3,purchase,2026-10-02T12:00:00Z,,100,XYZ
                o-4,purchase,2026-10-02T12:00:00Z
                o-5,,2026-10-02T12:00:00Z,,,
                "o-6","pur""chase",2026-10-02T13:00:00+02:00,,,
                """;
        Map<String, Object> result = batch("conversions", "text/csv", csv, "csv-1").jsonPath().getMap("");
        assertThat(result).containsEntry("rows", 6).containsEntry("accepted", 2).containsEntry("rejected", 4);
        assertThat(errorFields(result)).containsExactly("2:value.amountMinor", "3:value.currency", "4:$", "5:type");
        List<ConsumerRecord<String, String>> records = published("conversions.raw", "batch-csv", 2);
        ConversionRaw o1 = records.stream().map(r -> read(r.value())).filter(c -> c.conversionId().equals("o-1"))
                .findFirst().orElseThrow();
        assertThat(o1.value().amountMinor()).isEqualTo(125000);
        assertThat(o1.value().currency()).isEqualTo("EUR");
        assertThat(records.stream().map(r -> read(r.value()).conversionType())).contains("pur\"chase");

        // The same batch with the same Idempotency-Key: the same ids, so nothing new.
        Map<String, Object> again = batch("conversions", "text/csv", csv, "csv-1").jsonPath().getMap("");
        assertThat(again).containsEntry("accepted", 0).containsEntry("duplicate", 2).containsEntry("rejected", 4);
        assertThat(rawEvents("batch-csv")).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "batch-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "batch-chunks"))
    void rowsBeyondOneChunkAreCountedOnceAndResendingIsDuplicate() throws Exception {
        String body = IntStream.rangeClosed(1, 2_345).mapToObj(i -> """
                {"type":"page_view","occurredAt":"2026-10-01T12:00:00Z","anonymousId":"dev-%d"}""".formatted(i))
                .collect(Collectors.joining("\n"));
        Map<String, Object> first = batch("touchpoints", NDJSON, body, "chunks-1").jsonPath().getMap("");
        assertThat(first).containsEntry("rows", 2345).containsEntry("accepted", 2345).containsEntry("rejected", 0);
        Map<String, Object> again = batch("touchpoints", NDJSON, body, "chunks-1").jsonPath().getMap("");
        assertThat(again).containsEntry("accepted", 0).containsEntry("duplicate", 2345);
        assertThat(rawEvents("batch-chunks")).isEqualTo(2345);
        assertThat(published("touchpoints.raw", "batch-chunks", 2345)).hasSize(2345);
    }

    @Test
    @TestSecurity(user = "batch-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "batch-bad"))
    void inputThatCannotBeReadIsA4xxProblem() throws Exception {
        problem("/api/v1/touchpoints/batch", "application/json", "[{\"type\":", 200);
        problem("/api/v1/touchpoints/batch", "application/json", "{\"type\":\"page_view\"}", 400)
                .body("errors[0].reason", containsString("JSON array"));
        problem("/api/v1/touchpoints/batch", "application/json", "nope", 400);
        problem("/api/v1/touchpoints/batch", "text/plain", "hello", 415);
        problem("/api/v1/teleports/batch", "application/json", "[]", 404);
        problem("/api/v1/teleports", "application/json", "{}", 404);
        problem("/api/v1/conversions/batch", "text/csv", "", 400);
        problem("/api/v1/conversions/batch", "text/csv", "a,a\n1,2\n", 400);
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        problem("/api/v1/touchpoints/batch", NDJSON, new String(big), 413);
        problem("/api/v1/touchpoints", "application/json", new String(new byte[1024 * 1024 + 1]), 413);
        assertThat(rawEvents("batch-bad")).isZero();
    }

    @Test
    @TestSecurity(user = "batch-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "batch-broken"))
    void brokenCsvEndsTheReadAtItsRowAndAChunkedBodyOverTheLimitIs413() throws Exception {
        String csv = "type,occurredAt,anonymousId\npage_view,2026-10-01T12:00:00Z,a\npage_view,\"2026-10-01,b\n";
        Map<String, Object> result = batch("touchpoints", "text/csv", csv, null).jsonPath().getMap("");
        assertThat(result).containsEntry("rows", 2).containsEntry("accepted", 1).containsEntry("rejected", 1);
        assertThat(errorFields(result)).containsExactly("2:$");
        assertThat(result.get("errors").toString()).contains("malformed CSV");

        // Without Content-Length (chunked) the limit is enforced while reading.
        byte[] line = "{\"type\":\"page_view\",\"occurredAt\":\"2026-10-01T12:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8);
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
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse problem(String path, String type, String body,
                                                                      int status) {
        var response = given().contentType(type).body(body.getBytes(StandardCharsets.UTF_8)).post(path).then().statusCode(status);
        if (status != 200) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        } else {
            response.body("errors.field", hasItem("$"));
        }
        return response;
    }

    static ExtractableResponse<Response> batch(String kind, String type, String body, String idempotencyKey) {
        var request = given().contentType(type).body(body.getBytes(StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/" + kind + "/batch").then().statusCode(200).extract();
    }

    @SuppressWarnings("unchecked")
    static List<Long> errorRows(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("errors")).stream()
                .map(e -> ((Number) e.get("row")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("errors")).stream()
                .map(e -> e.get("row") + ":" + e.get("field")).toList();
    }

    static long rawEvents(String tenant) throws Exception {
        return InfraTestResource.database("ingest")
                .queryLong("select count(*) from raw_event where tenant = '" + tenant + "'");
    }

    /** The tenant's records on the topic once {@code expected} have arrived (and a moment longer, to see extras). */
    List<ConsumerRecord<String, String>> published(String topic, String tenant, int expected) {
        TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(60), records -> ofTenant(records, tenant).size()
                >= expected);
        return ofTenant(TopicProbe.readUntil(bootstrap, topic, Duration.ofSeconds(2), records -> false), tenant);
    }

    static List<ConsumerRecord<String, String>> ofTenant(List<ConsumerRecord<String, String>> records, String tenant) {
        return records.stream().filter(r -> tenant.equals(TopicProbe.header(r, Headers.TENANT))).toList();
    }

    private static ConversionRaw read(String json) {
        try {
            return Json.read(json, ConversionRaw.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
