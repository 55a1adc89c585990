package io.closeloop.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Credit sets in through the real broker, reports out. Each test owns its tenant or its month, so the
 * tests do not see each other's conversions.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class AttributedRevenueReportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PATH = "/api/v1/reports/attributed-revenue";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void revenueIsReportedPerChannelAndCampaignWithExactNumbers() throws Exception {
        settle(set("acme", "m-1", 1, CreditSet.Status.ACTIVE, "2026-03-10T12:00:00Z", "EUR", 125_000,
                        line("paid_social", "facebook", "retarget", 125_000, 1.0)),
                set("acme", "m-2", 1, CreditSet.Status.ACTIVE, "2026-03-11T00:00:00Z", "EUR", 80_000,
                        line("paid_search", "google", "brand", 50_000, 0.625),
                        line("email", "newsletter", "nov_news", 30_000, 0.375)),
                set("acme", "m-3", 2, CreditSet.Status.ACTIVE, "2026-03-12T23:59:59Z", "EUR", 30_000,
                        line("paid_search", "google", "brand", 30_000, 1.0)),
                set("acme", "m-4", 1, CreditSet.Status.ACTIVE, "2026-03-12T08:00:00Z", "USD", 5_000,
                        line("unattributed", null, null, 5_000, 1.0)),
                set("acme", "m-5", 1, CreditSet.Status.ACTIVE, "2026-03-13T00:00:00Z", "EUR", 99_000,
                        line("paid_search", "google", "brand", 99_000, 1.0)),
                set("acme", "m-6", 1, CreditSet.Status.ACTIVE, "2026-03-09T23:59:59Z", "EUR", 99_000,
                        line("paid_search", "google", "brand", 99_000, 1.0)));

        JsonNode report = report("2026-03-10", "2026-03-12", "last_touch");

        assertThat(report.get("from").asText()).isEqualTo("2026-03-10");
        assertThat(report.get("to").asText()).isEqualTo("2026-03-12");
        assertThat(report.get("model").asText()).isEqualTo("last_touch");
        assertThat(report.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(rows(report)).containsExactly(
                "paid_social|retarget|EUR|125000|1",
                "paid_search|brand|EUR|80000|1.625",
                "email|nov_news|EUR|30000|0.375",
                "unattributed|null|USD|5000|1");
        assertThat(totals(report)).containsExactly("EUR|235000|3", "USD|5000|1");
    }

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aHigherVersionReplacesALowerOneAndALateLowerVersionIsIgnored() throws Exception {
        settle(set("acme", "v-1", 1, CreditSet.Status.ACTIVE, "2026-05-05T10:00:00Z", "EUR", 10_000,
                line("paid_search", "google", "brand", 10_000, 1.0)));
        assertThat(rows(report("2026-05-01", "2026-05-31", null))).containsExactly("paid_search|brand|EUR|10000|1");

        settle(set("acme", "v-1", 3, CreditSet.Status.ACTIVE, "2026-05-05T10:00:00Z", "EUR", 12_000,
                line("paid_social", "facebook", "retarget", 7_000, 0.5),
                line("email", "newsletter", "may", 5_000, 0.5)));
        settle(set("acme", "v-1", 2, CreditSet.Status.ACTIVE, "2026-05-05T10:00:00Z", "EUR", 10_000,
                line("display", "dv360", "late", 10_000, 1.0)));

        JsonNode report = report("2026-05-01", "2026-05-31", "last_touch");
        assertThat(rows(report)).containsExactly("paid_social|retarget|EUR|7000|0.5", "email|may|EUR|5000|0.5");
        assertThat(totals(report)).containsExactly("EUR|12000|1");
    }

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void aWithdrawnSetLeavesTheReportAndAnAnonymizedOneStays() throws Exception {
        settle(set("acme", "w-1", 1, CreditSet.Status.ACTIVE, "2026-06-10T10:00:00Z", "EUR", 20_000,
                        line("paid_search", "google", "brand", 20_000, 1.0)),
                set("acme", "w-2", 1, CreditSet.Status.ACTIVE, "2026-06-11T10:00:00Z", "EUR", 7_000,
                        line("email", "newsletter", "june", 7_000, 1.0)),
                set("acme", "w-3", 1, CreditSet.Status.ACTIVE, "2026-06-12T10:00:00Z", "EUR", 4_000,
                        line("display", "dv360", "summer", 4_000, 1.0)));
        assertThat(totals(report("2026-06-01", "2026-06-30", null))).containsExactly("EUR|31000|3");

        settle(set("acme", "w-1", 2, CreditSet.Status.WITHDRAWN, "2026-06-10T10:00:00Z", "EUR", 20_000),
                set("acme", "w-3", 2, CreditSet.Status.ANONYMIZED, "2026-06-12T10:00:00Z", "EUR", 4_000,
                        line("display", "dv360", "summer", 4_000, 1.0)));

        JsonNode report = report("2026-06-01", "2026-06-30", null);
        assertThat(rows(report)).containsExactly("email|june|EUR|7000|1", "display|summer|EUR|4000|1");
        assertThat(totals(report)).containsExactly("EUR|11000|2");
    }

    @Test
    @TestSecurity(user = "globex-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "globex"))
    void anotherTenantSeesNothingOfAcmes() throws Exception {
        settle(set("acme", "t-1", 1, CreditSet.Status.ACTIVE, "2026-07-10T10:00:00Z", "EUR", 50_000,
                line("paid_search", "google", "brand", 50_000, 1.0)));

        JsonNode report = report("2026-07-01", "2026-07-31", null);
        assertThat(report.get("rows")).isEmpty();
        assertThat(report.get("totals")).isEmpty();
        assertThat(report.get("timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    @TestSecurity(user = "nyc-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "nyc-co"))
    void daysAreCutInTheTenantsTimeZone() throws Exception {
        UUID settings = UUID.randomUUID();
        TopicProbe.publish(bootstrap, Topics.TENANTS, Keys.tenant("nyc-co"),
                new TenantSettings("nyc-co", "America/New_York", "USD", "US", Instant.parse("2026-11-01T00:00:00Z")),
                settings);
        // New York is UTC-5 in November: the local day 2026-11-05 is [05:00Z on the 5th, 05:00Z on the 6th).
        settle(set("nyc-co", "z-1", 1, CreditSet.Status.ACTIVE, "2026-11-05T04:59:59Z", "USD", 1_000,
                        line("email", "newsletter", "before", 1_000, 1.0)),
                set("nyc-co", "z-2", 1, CreditSet.Status.ACTIVE, "2026-11-05T05:00:00Z", "USD", 2_000,
                        line("email", "newsletter", "first", 2_000, 1.0)),
                set("nyc-co", "z-3", 1, CreditSet.Status.ACTIVE, "2026-11-06T04:59:59Z", "USD", 4_000,
                        line("email", "newsletter", "last", 4_000, 1.0)),
                set("nyc-co", "z-4", 1, CreditSet.Status.ACTIVE, "2026-11-06T05:00:00Z", "USD", 8_000,
                        line("email", "newsletter", "after", 8_000, 1.0)));
        awaitProcessed(List.of(settings));

        JsonNode report = report("2026-11-05", "2026-11-05", null);
        assertThat(report.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(rows(report)).containsExactly("email|last|USD|4000|1", "email|first|USD|2000|1");
        assertThat(totals(report)).containsExactly("USD|6000|2");
    }

    @Test
    @TestSecurity(user = "fallbackco-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "fallbackco"))
    void theReportSaysWhichConversionsAFallbackModelCredited() throws Exception {
        settle(markov("f-1", "2026-08-03T10:00:00Z", 3L, null,
                        line("paid_search", "google", "brand", 6_000, 0.6), line("email", "news", "aug", 4_000, 0.4)),
                markov("f-2", "2026-08-04T10:00:00Z", 2L, "last_non_direct",
                        line("email", "news", "aug", 5_000, 1.0)),
                markov("f-3", "2026-08-05T10:00:00Z", null, "last_non_direct",
                        line("paid_search", "google", "brand", 2_000, 1.0)));

        JsonNode report = report("2026-08-01", "2026-08-31", "markov");
        assertThat(rows(report)).containsExactly("email|aug|EUR|9000|1.4", "paid_search|brand|EUR|8000|1.6");
        assertThat(report.get("rows").get(0).get("fallbackConversions").asLong()).isEqualTo(1);
        assertThat(report.get("rows").get(1).get("fallbackConversions").asLong()).isEqualTo(1);
        assertThat(report.get("totals").get(0).get("fallbackConversions").asLong()).isEqualTo(2);
        assertThat(report.get("fallbackModels").toString()).isEqualTo("[\"last_non_direct\"]");
        assertThat(report.get("note").asText()).startsWith("2 conversions credited by the fallback model"
                + " last_non_direct instead of markov");

        // Once the fit credits them, the report says nothing of a fallback.
        settle(markov("f-2", "2026-08-04T10:00:00Z", 4L, null, line("email", "news", "aug", 5_000, 1.0)),
                markov("f-3", "2026-08-05T10:00:00Z", 4L, null, line("paid_search", "google", "brand", 2_000, 1.0)));
        JsonNode fitted = report("2026-08-01", "2026-08-31", "markov");
        assertThat(fitted.get("totals").get(0).get("fallbackConversions").asLong()).isZero();
        assertThat(fitted.get("fallbackModels").size()).isZero();
        assertThat(fitted.get("note").isNull()).isTrue();
    }

    private static final java.util.Map<String, Long> MARKOV_VERSIONS = new java.util.HashMap<>();

    private static CreditSet markov(String conversionId, String at, Long fitVersion, String fallback,
                                    CreditLine... lines) {
        long version = MARKOV_VERSIONS.merge(conversionId, 1L, Long::sum);
        long value = Arrays.stream(lines).mapToLong(CreditLine::creditMinor).sum();
        return new CreditSet("fallbackco", conversionId, "purchase", Instant.parse(at), "UTC", UUID.randomUUID(),
                "markov", 1, version, CreditSet.Status.ACTIVE, "EUR", value, List.of(lines), fitVersion, fallback);
    }

    @Test
    @TestSecurity(user = "acme-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void badParametersAreA400NamingTheParameter() {
        badRequest("?to=2026-01-31", "from");
        badRequest("?from=2026-01-01", "to");
        badRequest("?from=2026-01-01&to=2026-02-30", "to");
        badRequest("?from=yesterday&to=2026-01-31", "from");
        badRequest("?from=2026-02-01&to=2026-01-31", "from");
        badRequest("?from=2025-01-01&to=2026-01-02", "to");
        badRequest("?from=2026-01-01&to=2026-01-31&model=teleport", "model");
        given().get(PATH + "?from=2025-01-01&to=2026-01-01&model=last_touch").then().statusCode(200);
    }

    @Test
    void withoutATokenTheReportIs401() {
        given().get(PATH + "?from=2026-01-01&to=2026-01-31").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "acme-admin", roles = {"admin", "ingest"})
    @OidcSecurity(claims = @Claim(key = "tenant", value = "acme"))
    void withoutTheAnalystRoleTheReportIs403() {
        given().get(PATH + "?from=2026-01-01&to=2026-01-31").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "nobody", roles = "analyst")
    void aTokenWithoutTenantIs403() {
        given().get(PATH + "?from=2026-01-01&to=2026-01-31").then().statusCode(403);
    }

    private static void badRequest(String query, String field) {
        given().get(PATH + query).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }

    private static JsonNode report(String from, String to, String model) throws Exception {
        String body = given().queryParam("from", from).queryParam("to", to)
                .queryParam("model", model == null ? "" : model)
                .get(PATH).then().statusCode(200).contentType("application/json").extract().asString();
        return Json.mapper().readTree(body);
    }

    /** Rows as "channel|campaign|currency|revenueMinor|conversions", conversions as a plain decimal. */
    private static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.get("rows").forEach(r -> rows.add(r.get("channel").asText() + "|" + r.get("campaign").asText() + "|"
                + r.get("currency").asText() + "|" + r.get("revenueMinor").asLong() + "|"
                + plain(r.get("conversions"))));
        return rows;
    }

    private static List<String> totals(JsonNode report) {
        List<String> totals = new ArrayList<>();
        report.get("totals").forEach(t -> totals.add(t.get("currency").asText() + "|" + t.get("revenueMinor").asLong()
                + "|" + plain(t.get("conversions"))));
        return totals;
    }

    private static String plain(JsonNode number) {
        assertThat(number.isNumber()).as("conversions is a JSON number: %s", number).isTrue();
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static CreditLine line(String channel, String source, String campaign, long credit, double fraction) {
        return new CreditLine(source == null ? null : UUID.randomUUID(), null, channel, source,
                source == null ? null : "medium", campaign, credit, fraction);
    }

    private static CreditSet set(String tenant, String conversionId, long version, CreditSet.Status status,
                                 String at, String currency, long value, CreditLine... lines) {
        return new CreditSet(tenant, conversionId, "purchase", Instant.parse(at), "UTC", UUID.randomUUID(),
                "last_touch", 1, version, status, currency, value, List.of(lines));
    }

    /** Publishes the sets in order and waits until each is processed. */
    private void settle(CreditSet... sets) throws Exception {
        List<UUID> events = new ArrayList<>();
        for (CreditSet set : sets) {
            UUID event = UUID.randomUUID();
            TopicProbe.publish(bootstrap, Topics.CREDITS, Keys.conversion(set.tenant(), set.conversionId()), set,
                    event);
            events.add(event);
        }
        awaitProcessed(events);
    }

    private void awaitProcessed(List<UUID> events) {
        String ids = events.stream().map(e -> "'" + e + "'").collect(Collectors.joining(","));
        await().atMost(WAIT).until(() -> count("select count(*) from processed_message where consumer = 'reporting'"
                + " and event_id in (" + ids + ")") == events.size());
    }

    private static long count(String sql) throws SQLException {
        return InfraTestResource.database("reporting").queryLong(sql);
    }
}
