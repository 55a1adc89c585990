package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.ingest.service.NaughtyStrings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/**
 * The checked-in corpus of naughty strings ({@code hostile/blns-subset.txt}) over the HTTP write routes: as whole
 * bodies and as field values, every answer is a 2xx or a 4xx problem, a stored string is byte-identical to the one
 * sent, and a batch stores exactly the rows it reports as accepted.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestSecurity(user = "naughty-ingest", roles = "ingest")
class NaughtyStringsOverHttpTest {

    private static final List<String> CORPUS = NaughtyStrings.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "naughty-bodies"))
    void aNaughtyStringAsTheWholeBodyIsA4xxOnEveryRoute() throws Exception {
        int requests = 0;
        for (String kind : HostileInputTest.KINDS.split(" ")) {
            boolean batches = kind.equals("touchpoints") || kind.equals("conversions");
            for (String naughty : CORPUS) {
                byte[] body = naughty.getBytes(StandardCharsets.UTF_8);
                assertClientError(post("/api/v1/" + kind, "application/json", body), naughty);
                requests++;
                for (String type : batches ? List.of("application/json", "application/x-ndjson", "text/csv")
                        : List.<String>of()) {
                    assertClientErrorOrCounted(post("/api/v1/" + kind + "/batch", type, body), naughty);
                    requests++;
                }
            }
        }
        assertThat(requests).isEqualTo(16 * CORPUS.size() + 2 * 3 * CORPUS.size());
        assertThat(BatchIngestTest.rawEvents("naughty-bodies")).isZero();
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "tenant", value = "naughty-fields"))
    void aNaughtyFieldValueIsStoredByteIdenticalOrRefusedByName() throws Exception {
        Map<UUID, String> sent = new HashMap<>();
        for (String naughty : CORPUS) {
            UUID id = UUID.randomUUID();
            Response response = post("/api/v1/touchpoints", "application/json", JSON.writeValueAsBytes(touch(id, naughty)));
            if (response.statusCode() == 202) {
                sent.put(id, naughty);
            } else {
                assertThat(response.statusCode()).as(naughty).isEqualTo(400);
                assertThat(response.jsonPath().getString("errors[0].field")).as(naughty).isEqualTo("referrer");
            }
        }
        assertThat(sent).hasSizeGreaterThan(CORPUS.size() / 2);
        assertStored("naughty-fields", sent);

        // The same strings in one batch per transport: accepted rows are stored exactly, rejected ones name the field.
        Map<UUID, String> batched = new HashMap<>();
        ArrayNode array = JSON.createArrayNode();
        List<String> ndjson = new ArrayList<>();
        StringBuilder csv = new StringBuilder(CSVFormat.RFC4180.format("eventId", "type", "occurredAt", "anonymousId",
                "referrer") + "\r\n");
        for (String naughty : CORPUS) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            UUID c = UUID.randomUUID();
            array.add(touch(a, naughty));
            ndjson.add(JSON.writeValueAsString(touch(b, naughty)));
            csv.append(CSVFormat.RFC4180.format(c.toString(), "page_view", "2026-10-01T12:00:00Z", "naughty", naughty))
                    .append("\r\n");
            batched.put(a, naughty);
            batched.put(b, naughty);
            batched.put(c, naughty.trim());  // CSV cells are trimmed; a blank one is absent
        }
        long accepted = 0;
        for (Object[] batch : List.of(new Object[]{"application/json", JSON.writeValueAsBytes(array)},
                new Object[]{"application/x-ndjson", String.join("\n", ndjson).getBytes(StandardCharsets.UTF_8)},
                new Object[]{"text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)})) {
            Response response = post("/api/v1/touchpoints/batch", (String) batch[0], (byte[]) batch[1]);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getLong("accepted") + response.jsonPath().getLong("rejected"))
                    .isEqualTo(response.jsonPath().getLong("rows"));
            assertThat(response.jsonPath().getList("errors.field", String.class)).allMatch("referrer"::equals);
            accepted += response.jsonPath().getLong("accepted");
        }
        assertThat(BatchIngestTest.rawEvents("naughty-fields")).isEqualTo(sent.size() + accepted);
        Map<UUID, String> stored = storedReferrers("naughty-fields");
        stored.keySet().retainAll(batched.keySet());
        assertThat(stored).hasSize((int) accepted);
        stored.forEach((id, referrer) -> assertThat(referrer).isEqualTo(batched.get(id)));
    }

    private static ObjectNode touch(UUID id, String referrer) {
        return JSON.createObjectNode().put("eventId", id.toString()).put("type", "page_view")
                .put("occurredAt", "2026-10-01T12:00:00Z").put("anonymousId", "naughty").put("referrer", referrer);
    }

    private static Response post(String path, String type, byte[] body) {
        return given().contentType(type).body(body).post(path);
    }

    private static void assertClientError(Response response, String sent) {
        assertThat(response.statusCode()).as(sent).isBetween(400, 499);
        assertThat(response.contentType()).as(sent).startsWith("application/problem+json");
    }

    private static void assertClientErrorOrCounted(Response response, String sent) {
        if (response.statusCode() == 200) {
            assertThat(response.jsonPath().getLong("accepted")).as(sent).isZero();
        } else {
            assertClientError(response, sent);
        }
    }

    private static void assertStored(String tenant, Map<UUID, String> sent) throws Exception {
        Map<UUID, String> stored = storedReferrers(tenant);
        assertThat(stored.keySet()).containsAll(sent.keySet());
        sent.forEach((id, referrer) -> assertThat(stored.get(id)).isEqualTo(referrer));
    }

    private static Map<UUID, String> storedReferrers(String tenant) throws Exception {
        List<String> rows = InfraTestResource.database("ingest").queryStrings(
                "select event_id || ' ' || coalesce(encode(convert_to(payload::jsonb->>'referrer', 'UTF8'), 'base64'), '')"
                        + " from raw_event where tenant = '" + tenant + "'");
        return rows.stream().collect(Collectors.toMap(r -> UUID.fromString(r.substring(0, 36)),
                r -> new String(java.util.Base64.getMimeDecoder().decode(r.substring(37)), StandardCharsets.UTF_8)));
    }
}
