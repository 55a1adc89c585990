package io.closeloop.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.closeloop.infra.InfraTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** CSV uploads as jobs: progress and counts on the job resource, safe to send again, private to the tenant. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingest"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadJobTest {

    static final String TENANT = "uploads";
    static final int ROWS = 2_500;
    static final List<Integer> BAD_ROWS = List.of(7, 1_200, 2_499);
    private static String firstJob;

    static String csv() {
        return "type,occurredAt,anonymousId,utm.source,utm.medium,utm.campaign\n"
                + IntStream.rangeClosed(1, ROWS).mapToObj(i -> BAD_ROWS.contains(i)
                        ? "page_view,not-a-time,dev-" + i + ",,,"
                        : "ad_click,2026-10-01T12:00:00Z,dev-" + i + ",Google,CPC,Brand Q" + (i % 4 + 1))
                .collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    @Order(1)
    @TestSecurity(user = "upload-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void anUploadRunsAsAJobAndSendingItAgainCountsDuplicates() throws Exception {
        firstJob = upload(csv());
        Map<String, Object> job = awaitDone(firstJob);
        assertThat(job).containsEntry("state", "completed").containsEntry("progress", 1.0f)
                .containsEntry("rowsRead", ROWS).containsEntry("accepted", ROWS - 3)
                .containsEntry("duplicate", 0).containsEntry("rejected", 3);
        assertThat(BatchIngestTest.errorFields(job)).containsExactly("7:occurredAt", "1200:occurredAt",
                "2499:occurredAt");

        // No Idempotency-Key: the ids derive from the file's hash, so the same file is all duplicates.
        Map<String, Object> again = awaitDone(upload(csv()));
        assertThat(again).containsEntry("accepted", 0).containsEntry("duplicate", ROWS - 3)
                .containsEntry("rejected", 3);
        assertThat(BatchIngestTest.rawEvents(TENANT)).isEqualTo(ROWS - 3);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "other-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "other"))
    void anotherTenantDoesNotSeeTheJob() {
        given().get("/api/v1/uploads/" + firstJob).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    @TestSecurity(user = "upload-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = TENANT))
    void anUnreadableHeaderFailsTheJobAndAnEmptyUploadIsRefused() {
        Map<String, Object> job = awaitDone(upload("type,type\npage_view,page_view\n"));
        assertThat(job).containsEntry("state", "failed");
        assertThat((String) job.get("failure")).contains("header");
        given().contentType("text/csv").body(new byte[0]).post("/api/v1/touchpoints/uploads")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/uploads/not-a-uuid").then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "upload-ingest", roles = "ingest")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "uploads-broken"))
    void anUploadWhoseReadStopsAtAParseBreakFailsNamingTheLastRowRead() {
        String csv = "type,occurredAt,anonymousId\npage_view,2026-10-01T12:00:00Z,a\n"
                + "page_view,\"2026-10-01,b\npage_view,2026-10-01T12:00:00Z,c\n";
        Map<String, Object> job = awaitDone(upload(csv));
        assertThat(job).containsEntry("state", "failed").containsEntry("accepted", 1).containsEntry("rowsRead", 2);
        assertThat((String) job.get("failure")).contains("row 2 (the last row read)").contains("malformed CSV");
    }

    private static String upload(String csv) {
        String location = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/touchpoints/uploads")
                .then().statusCode(202).header("Location", containsString("/api/v1/uploads/"))
                .body("kind", equalTo("touchpoints"))
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static Map<String, Object> awaitDone(String jobId) {
        return awaitDone(jobId, Duration.ofSeconds(60));
    }

    static Map<String, Object> awaitDone(String jobId, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/v1/uploads/" + jobId).then().statusCode(200)
                                .extract().jsonPath().<String, Object>getMap(""),
                        job -> !"queued".equals(job.get("state")) && !"running".equals(job.get("state")));
    }
}
