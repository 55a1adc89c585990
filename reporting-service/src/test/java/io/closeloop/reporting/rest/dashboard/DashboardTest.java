package io.closeloop.reporting.rest.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.InfraTestResource;
import io.closeloop.infra.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's routes with a signed-in person (the session itself is proven in a real browser by
 * DashboardBrowserIT): the page, the refusal page, and data equal to the bearer API's.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class DashboardTest {

    private static final String QUERY = "?from=2026-04-01&to=2026-04-30&model=last_touch";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "dash-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "dash"))
    void theDataOfAViewIsTheBearerApisReportAndItsCsvIsSafeToOpen() {
        publish(set("d-1", "2026-04-03T10:00:00Z", "EUR", 125_000, line("paid_social", "retarget", 125_000)));
        publish(set("d-2", "2026-04-04T10:00:00Z", "EUR", 80_000, line("email", "=HYPERLINK(\"x\")", 50_000),
                line("paid_search", "brand, q2", 30_000)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/reports/attributed-revenue"
                + QUERY).then().statusCode(200).body("totals[0].revenueMinor", equalTo(205_000)));

        String api = given().get("/api/v1/reports/attributed-revenue" + QUERY).then().extract().asString();
        String dashboard = given().get("/dashboard/data/attributed-revenue" + QUERY).then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertThat(dashboard).isEqualTo(api);

        given().get("/dashboard/data/attributed-revenue" + QUERY + "&channel=email").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("totals[0].revenueMinor", equalTo(50_000));

        String csv = given().get("/dashboard/data/attributed-revenue" + QUERY + "&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "channel,campaign,currency,revenueMinor,conversions,fallbackConversions",
                "paid_social,retarget,EUR,125000,1,0",
                "email,\"'=HYPERLINK(\"\"x\"\")\",EUR,50000,0.5,0",
                "paid_search,\"brand, q2\",EUR,30000,0.5,0");

        for (String view : List.of("channels", "campaigns", "over-time", "model-comparison", "funnel",
                "data-quality")) {
            String apiView = given().get("/api/v1/reports/" + view + QUERY + "&grain=week").then().statusCode(200)
                    .extract().asString();
            String dashboardView = given().get("/dashboard/data/" + view + QUERY + "&grain=week").then()
                    .statusCode(200).contentType("application/json").extract().asString();
            assertThat(dashboardView).as(view).isEqualTo(apiView);
            String apiCsv = given().get("/api/v1/reports/" + view + QUERY + "&grain=week&format=csv").then()
                    .statusCode(200).extract().asString();
            String dashboardCsv = given().get("/dashboard/data/" + view + QUERY + "&grain=week&format=csv").then()
                    .statusCode(200).contentType(containsString("text/csv")).extract().asString();
            assertThat(dashboardCsv).as(view + " csv").isEqualTo(apiCsv);
        }
    }

    @Test
    @TestSecurity(user = "dash-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "dash"))
    void badParametersAreNamedAndAnUnknownViewIsAnEmptyState() {
        given().get("/dashboard/data/attributed-revenue?from=2026-13-01&to=2026-04-30").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().get("/dashboard/data/over-time" + QUERY + "&grain=fortnight").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("grain"));
        given().get("/dashboard/data/no-such-view?from=bad").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dash-analyst", roles = "analyst")
    void thePageOffersEveryModelAndItsChartLibraryComesFromThisServer() {
        String page = given().get("/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        assertThat(page).contains("Signed in as <strong id=\"user\">dash-analyst</strong>")
                .contains("<option value=\"last_touch\" selected>last_touch</option>")
                .contains("<option value=\"shapley\">shapley</option>")
                .contains("src=\"" + DashboardPage.CHART_SCRIPT + "\"")
                .doesNotContain("https://");
        given().get(DashboardPage.CHART_SCRIPT).then().statusCode(200);
        given().get("/dashboard/assets/dashboard.js").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "dash-compliance", roles = "compliance")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "dash"))
    void aPersonWithoutTheAnalystRoleGetsTheRefusalPageAndNoData() {
        given().get("/dashboard").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Not for this account")).body(containsString("dash-compliance"));
        given().get("/dashboard/data/attributed-revenue" + QUERY).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theBearerApiStillAnswers401WithoutAToken() {
        given().get("/api/v1/reports/attributed-revenue" + QUERY).then().statusCode(401);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralized() {
        assertThat(CsvTable.cell("+1")).isEqualTo("'+1");
        assertThat(CsvTable.cell("-x")).isEqualTo("'-x");
        assertThat(CsvTable.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvTable.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvTable.cell(-5L)).isEqualTo("-5");
        assertThat(CsvTable.cell(null)).isEmpty();
        assertThat(DashboardPage.escape("<b a=\"x\">&'")).isEqualTo("&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
    }

    private void publish(CreditSet set) {
        TopicProbe.publish(bootstrap, Topics.CREDITS, Keys.conversion(set.tenant(), set.conversionId()), set,
                UUID.randomUUID());
    }

    private static CreditLine line(String channel, String campaign, long credit) {
        return new CreditLine(UUID.randomUUID(), null, channel, "source", "medium", campaign, credit, 1.0);
    }

    private static CreditSet set(String conversionId, String at, String currency, long value, CreditLine... lines) {
        double share = 1.0 / lines.length;
        List<CreditLine> shared = java.util.Arrays.stream(lines).map(l -> new CreditLine(l.touchId(), l.touchTime(),
                l.channel(), l.source(), l.medium(), l.campaign(), l.creditMinor(), share)).toList();
        return new CreditSet("dash", conversionId, "purchase", Instant.parse(at), "UTC", UUID.randomUUID(),
                "last_touch", 1, 1, CreditSet.Status.ACTIVE, currency, value, shared);
    }
}
