package io.closeloop.identity.rest;

import static io.closeloop.identity.service.AuditFixture.append;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.Json;
import io.closeloop.identity.domain.AuditEntry;
import io.closeloop.identity.domain.ChainedEntry;
import io.closeloop.identity.service.AuditLog;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The compliance API: who may read, what a tenant sees, filters, paging and exports. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "identity"))
class AuditResourceTest {

    private static final String AUDIT = "/api/v1/audit";
    private static final Instant DAY1 = Instant.parse("2026-10-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-10-02T10:00:00Z");

    @Inject
    AuditLog audit;

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void anAnalystCannotReadTheAuditLog() {
        for (String path : List.of(AUDIT, AUDIT + "/export", AUDIT + "/verify")) {
            given().get(path).then().statusCode(403);
        }
    }

    @Test
    void withoutATokenTheAuditLogIsClosed() {
        given().get(AUDIT).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "globex-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "globex"))
    void aComplianceOfficerSeesOnlyTheirTenantsChain() {
        UUID acmePerson = UUID.randomUUID();
        UUID globexPerson = UUID.randomUUID();
        ChainedEntry acme = append(audit, "acme", decision(DAY1, acmePerson, ConsentPurpose.MEASUREMENT, true));
        ChainedEntry globex = append(audit, "globex", decision(DAY1, globexPerson, ConsentPurpose.MEASUREMENT, true));

        JsonPath all = given().queryParam("limit", "1000").get(AUDIT).then().statusCode(200).extract().jsonPath();
        List<String> hashes = all.getList("entries.hash");
        assertThat(hashes).contains(globex.hash()).doesNotContain(acme.hash());
        assertThat(all.getList("entries.personId", String.class)).doesNotContain(acmePerson.toString());
        given().queryParam("personId", acmePerson.toString()).get(AUDIT).then().statusCode(200)
                .body("entries.size()", equalTo(0));
        given().queryParam("format", "json").queryParam("personId", acmePerson.toString()).get(AUDIT + "/export")
                .then().statusCode(200).body(equalTo("[]"));

        JsonPath verdict = given().get(AUDIT + "/verify").then().statusCode(200).extract().jsonPath();
        assertThat(verdict.getBoolean("valid")).isTrue();
        assertThat(verdict.getLong("entries")).isEqualTo(globex.seq()).isEqualTo(hashes.size());
    }

    @Test
    @TestSecurity(user = "query-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "audit-query"))
    void entriesAreFoundByPersonPurposeActionAndTimeAndPaged() {
        UUID jane = UUID.randomUUID();
        UUID john = UUID.randomUUID();
        append(audit, "audit-query", decision(DAY1, jane, ConsentPurpose.MEASUREMENT, true));            // 1
        append(audit, "audit-query", decision(DAY1, john, ConsentPurpose.AD_USER_DATA, false));          // 2
        append(audit, "audit-query", AuditEntry.merge(DAY2, UUID.randomUUID(), john, jane, "same crm id")); // 3
        append(audit, "audit-query", decision(DAY2, jane, ConsentPurpose.AD_USER_DATA, true));           // 4

        assertThat(seqs(Map.of("personId", jane.toString()))).containsExactly(1L, 3L, 4L);
        assertThat(seqs(Map.of("personId", john.toString()))).containsExactly(2L, 3L);
        assertThat(seqs(Map.of("purpose", "ad_user_data"))).containsExactly(2L, 4L);
        assertThat(seqs(Map.of("action", "merge"))).containsExactly(3L);
        assertThat(seqs(Map.of("from", "2026-10-02"))).containsExactly(3L, 4L);
        assertThat(seqs(Map.of("to", "2026-10-01"))).containsExactly(1L, 2L);
        assertThat(seqs(Map.of("from", "2026-10-01T10:00:00Z", "to", "2026-10-02T10:00:00Z"))).containsExactly(1L, 2L);
        assertThat(seqs(Map.of("personId", jane.toString(), "purpose", "ad_user_data"))).containsExactly(4L);

        JsonPath first = page(Map.of("limit", "3"));
        assertThat(first.getList("entries.seq", Long.class)).containsExactly(1L, 2L, 3L);
        assertThat(first.getLong("next")).isEqualTo(3);
        JsonPath second = page(Map.of("limit", "3", "after", "3"));
        assertThat(second.getList("entries.seq", Long.class)).containsExactly(4L);
        assertThat((Object) second.get("next")).isNull();

        JsonPath merge = page(Map.of("action", "merge"));
        assertThat(merge.getString("entries[0].personId")).isEqualTo(john.toString());
        assertThat(merge.getList("entries[0].relatedPersonIds")).containsExactly(jane.toString());
        assertThat(merge.getString("entries[0].reason")).isEqualTo("same crm id");
    }

    @Test
    @TestSecurity(user = "query-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "audit-query"))
    void badParametersAreNamed() {
        given().queryParam("personId", "jane@example.com").queryParam("from", "yesterday").queryParam("limit", "0")
                .get(AUDIT).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("personId", "from", "limit"));
        given().queryParam("format", "xml").get(AUDIT + "/export").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    @TestSecurity(user = "export-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "audit-export"))
    void theExportStreamsEveryEntryAsCsvOrJson() throws Exception {
        UUID person = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        ChainedEntry received = append(audit, "audit-export", AuditEntry.consentReceived(DAY1, event, person, "cmp",
                Map.of(ConsentPurpose.MEASUREMENT, "granted")));
        ChainedEntry decided = append(audit, "audit-export", AuditEntry.consentDecision(DAY1, event, person,
                ConsentPurpose.MEASUREMENT, false, "denied, \"EU\" default"));

        String csv = given().accept("text/csv").queryParam("format", "csv").get(AUDIT + "/export").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "seq,occurred_at,recorded_at,action,person_id,related_person_ids,event_id,related_event_ids,purpose,"
                        + "outcome,reason,details,prev_hash,hash",
                "1,2026-10-01T10:00:00Z," + received.recordedAt() + ",consent_received," + person + ",," + event
                        + ",,,,,\"{\"\"measurement\"\":\"\"granted\"\",\"\"source\"\":\"\"cmp\"\"}\","
                        + received.prevHash() + "," + received.hash(),
                "2,2026-10-01T10:00:00Z," + decided.recordedAt() + ",consent_decision," + person + ",," + event
                        + ",,measurement,suppressed,\"denied, \"\"EU\"\" default\",{}," + received.hash() + ","
                        + decided.hash());

        String json = given().queryParam("format", "json").get(AUDIT + "/export").then().statusCode(200)
                .header("Content-Type", startsWith("application/json")).extract().asString();
        JsonNode array = Json.mapper().readTree(json);
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0).get("details").get("source").asText()).isEqualTo("cmp");
        assertThat(array.get(0).get("hash").asText()).isEqualTo(received.hash());
        assertThat(array.get(1).get("outcome").asText()).isEqualTo("suppressed");
        assertThat(array.get(1).get("reason").asText()).isEqualTo("denied, \"EU\" default");
        assertThat(array.get(1).get("prevHash").asText()).isEqualTo(received.hash());
        assertThat(array.get(1).get("recordedAt").asText()).isEqualTo(decided.recordedAt().toString());
    }

    private List<Long> seqs(Map<String, String> params) {
        return page(params).getList("entries.seq", Long.class);
    }

    private static JsonPath page(Map<String, String> params) {
        return given().queryParams(params).get(AUDIT).then().statusCode(200).extract().jsonPath();
    }

    private static AuditEntry decision(Instant at, UUID person, ConsentPurpose purpose, boolean allowed) {
        return AuditEntry.consentDecision(at, UUID.randomUUID(), person, purpose, allowed, "test");
    }
}
