package io.closeloop.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.contracts.Json;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every metric of every view against the hand-computed numbers of {@link ReportFixture} (definitions:
 * docs/architecture.md, "Report metrics"). Under last_touch, by conversion date, 2026-01-05..11:
 * <pre>
 * channel      conv revenue spend  touches  offline matched paths(touches; hours to convert)
 * email           1   30000     0        1        1  1/1     L-1 (1; 48)
 * paid_social     3   20000  5000        1        1  3/3     c2 (1; 12) c3 (2; 24) c8 (1; 6)
 * paid_search     1   10000  6000        2        0  1/1     c1 (2; 48)      spend 3000 + 2500 (corrected) + 500
 * unattributed    1    4000     0        0        0  0/1
 * display         0       0  1500        0                                 direct, unassigned: 1 touch each
 * left out: c5 JPY 120000 without rate, USD 10.00 spend without base amount, D-4 withdrawn (lost)
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class ReportMetricsTest {

    private static final String RANGE = "from=2026-01-05&to=2026-01-11";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void fixture() throws Exception {
        ReportFixture.load(bootstrap);
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void channelsShowEveryMetricExactly() throws Exception {
        JsonNode report = get("/channels?" + RANGE);
        assertThat(report.get("view").asText()).isEqualTo("channels");
        assertThat(report.get("currency").asText()).isEqualTo("GBP");
        assertThat(report.get("model").asText()).isEqualTo("last_touch");
        assertThat(report.get("dateBasis").asText()).isEqualTo("conversion");
        assertThat(rows(report, "channel")).containsExactly(
                "email|1|30000|0|null|null|0|0|30000|1|1|30000|1|1|1|48|48|1",
                "paid_social|3|20000|5000|3|4|1667|5000|6667|0|3|null|1|1|1.333333|12|21.6|0.333333",
                "paid_search|1|10000|6000|0.666667|1.666667|6000|null|10000|0|0.5|null|1|1|2|48|48|0",
                "unattributed|1|4000|0|null|null|0|null|4000|0|null|null|0|0|null|null|null|0",
                "display|0|0|1500|-1|0|null|null|null|0|null|null|null|null|null|null|null|null",
                "direct|0|0|0|null|null|null|null|null|0|0|null|null|null|null|null|null|null",
                "unassigned|0|0|0|null|null|null|null|null|0|0|null|null|null|null|null|null|null");
        assertThat(metrics(report.get("totals")))
                .isEqualTo("6|64000|12500|4.12|5.12|2083|6250|10667|1|1|64000|0.833333|0.9375|1.4|24|48|0.333333");
        assertThat(report.get("withoutRate").toString())
                .isEqualTo("[{\"currency\":\"JPY\",\"conversions\":1,\"amountMinor\":120000}]");
        assertThat(report.get("spendWithoutRate").toString())
                .isEqualTo("[{\"currency\":\"USD\",\"days\":1,\"amountMinor\":1000}]");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void campaignsSplitAChannelAndFiltersNarrowIt() throws Exception {
        JsonNode report = get("/campaigns?" + RANGE + "&channel=paid_search");
        assertThat(rows(report, "campaign")).containsExactly(
                "brand|1|10000|5500|0.818182|1.818182|5500|null|10000|0|0.5|null|1|1|2|48|48|0",
                "generic|0|0|500|-1|0|null|null|null|0|null|null|null|null|null|null|null|null");
        assertThat(report.get("rows").get(0).get("channel").asText()).isEqualTo("paid_search");
        assertThat(metrics(report.get("totals")))
                .isEqualTo("1|10000|6000|0.666667|1.666667|6000|null|10000|0|0.5|null|1|1|2|48|48|0");

        JsonNode summer = get("/campaigns?" + RANGE + "&campaign=summer");
        assertThat(rows(summer, "campaign")).containsExactly(
                "summer|1|2000|0|null|null|0|null|2000|0|null|null|1|1|1|6|6|0");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void overTimeHasEveryDayIncludingTheEmptyOneAndIsoWeeks() throws Exception {
        JsonNode days = get("/over-time?" + RANGE + "&grain=day");
        List<String> rows = rows(days, "periodLabel");
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0)).isEqualTo(
                "2026-01-05|1|10000|3000|2.333333|3.333333|3000|null|10000|0|1|null|1|1|2|48|48|0");
        assertThat(rows.get(2)).isEqualTo(
                "2026-01-07|0|0|0|null|null|null|null|null|0|null|null|null|null|null|null|null|null");
        assertThat(days.get("rows").get(2).get("period").asText()).isEqualTo("2026-01-07");

        JsonNode week = get("/over-time?" + RANGE + "&grain=week");
        assertThat(rows(week, "periodLabel")).containsExactly(
                "2026-W02|6|64000|12500|4.12|5.12|2083|6250|10667|1|1|64000|0.833333|0.9375|1.4|24|48|0.333333");
        assertThat(week.get("rows").get(0).get("period").asText()).isEqualTo("2026-01-05");
        assertThat(get("/over-time?" + RANGE + "&grain=quarter").get("rows").get(0).get("periodLabel").asText())
                .isEqualTo("2026-Q1");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void yearOverYearPutsTheSamePeriodAYearEarlierBeside() throws Exception {
        JsonNode report = get("/year-over-year?" + RANGE + "&grain=month");
        assertThat(rows(report, "periodLabel")).containsExactly(
                "2026-01|6|64000|12500|4.12|5.12|2083|6250|10667|1|1|64000|0.833333|0.9375|1.4|24|48|0.333333");
        JsonNode previous = report.get("rows").get(0).get("previous");
        assertThat(previous.get("periodLabel").asText()).isEqualTo("2025-01");
        assertThat(metrics(previous))
                .isEqualTo("0|0|0|null|null|null|null|null|0|null|null|null|null|null|null|null|null");
        assertThat(report.get("totals").get("previous").get("revenueMinor").asLong()).isZero();
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void revenueCanLandOnTheTouchDate() throws Exception {
        // c1's touch was on 2026-01-04, before the range; the unattributed c6 keeps its conversion day.
        JsonNode report = get("/channels?" + RANGE + "&dateBasis=touch");
        assertThat(report.get("dateBasis").asText()).isEqualTo("touch");
        assertThat(report.get("totals").get("revenueMinor").asLong()).isEqualTo(54_000);
        assertThat(report.get("totals").get("conversions").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void modelComparisonShowsEveryModelSideBySide() throws Exception {
        JsonNode report = get("/model-comparison?" + RANGE);
        assertThat(report.get("models")).hasSize(9);
        List<String> rows = new ArrayList<>();
        report.get("rows").forEach(r -> rows.add(r.get("channel").asText() + "|"
                + r.get("revenueMinorByModel").get("last_touch").asLong() + "|"
                + r.get("revenueMinorByModel").get("linear").asLong() + "|"
                + r.get("revenueMinorByModel").get("markov").asLong() + "|"
                + plain(r.get("conversionsByModel").get("linear"))));
        assertThat(rows).containsExactly("email|30000|35000|0|1.5", "paid_social|20000|16000|0|2.5",
                "paid_search|10000|9000|0|1", "unattributed|4000|4000|0|1");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void funnelCountsStagesReachedWithRatesAndALostDeal() throws Exception {
        assertThat(stages(get("/funnel?" + RANGE))).containsExactly("new|2|null", "qualified|2|1", "mql|2|1",
                "sql|2|1", "won|1|0.5", "lost|1|null");
        assertThat(stages(get("/funnel?" + RANGE + "&channel=email"))).containsExactly("new|1|null",
                "qualified|1|1", "mql|1|1", "sql|1|1", "won|1|1", "lost|0|null");
        assertThat(stages(get("/funnel?from=2026-01-06&to=2026-01-11"))).containsExactly("new|0|null",
                "qualified|1|null", "mql|1|1", "sql|1|1", "won|1|1", "lost|1|null");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void dataQualityListsWhatKeepsTheFiguresFromAddingUp() throws Exception {
        JsonNode report = get("/data-quality?" + RANGE);
        assertThat(report.get("spendWithoutRevenue").toString()).isEqualTo(
                "[{\"channel\":\"display\",\"campaign\":\"prospecting\",\"spendMinor\":1500},"
                        + "{\"channel\":\"paid_search\",\"campaign\":\"generic\",\"spendMinor\":500}]");
        assertThat(report.get("revenueWithoutSpend").toString()).isEqualTo(
                "[{\"channel\":\"paid_social\",\"campaign\":\"summer\",\"revenueMinor\":2000}]");
        // The reclassified touch left the unknown values it had first.
        assertThat(report.get("unknownUtmValues").toString()).isEqualTo(
                "[{\"field\":\"medium\",\"value\":\"odd\",\"touches\":1},"
                        + "{\"field\":\"source\",\"value\":\"mystery\",\"touches\":1}]");
        assertThat(report.get("directOrUnassignedShare").decimalValue()).isEqualByComparingTo("0.333333");
        assertThat(report.get("conversionsWithoutRate").toString())
                .isEqualTo("[{\"currency\":\"JPY\",\"conversions\":1,\"amountMinor\":120000}]");
        assertThat(report.get("consentSuppressed").asLong()).isEqualTo(1);
        assertThat(report.get("currency").asText()).isEqualTo("GBP");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void everyViewDownloadsAsCsv() {
        String channels = csv("/channels?" + RANGE + "&format=csv");
        String[] lines = channels.split("\r\n");
        assertThat(lines[0]).isEqualTo("row,channel,conversions,revenueMinor,spendMinor,roi,roas,cpaMinor,"
                + "costPerOfflineConversionMinor,averageDealSizeMinor,leads,conversionRate,revenuePerLeadMinor,"
                + "matchRate,attributedShare,averageTouches,timeToConvertMedianHours,timeToConvertP90Hours,"
                + "offlineShare");
        assertThat(lines[2]).isEqualTo("row,paid_social,3,20000,5000,3,4,1667,5000,6667,0,3,,1,1,1.333333,12,21.6,"
                + "0.333333");
        assertThat(lines[5]).isEqualTo("row,display,0,0,1500,-1,0,,,,0,,,,,,,,");
        assertThat(lines[lines.length - 1]).isEqualTo("total,,6,64000,12500,4.12,5.12,2083,6250,10667,1,1,64000,"
                + "0.833333,0.9375,1.4,24,48,0.333333");
        String byAccept = given().accept("text/csv").get("/api/v1/reports/channels?" + RANGE).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(byAccept).isEqualTo(channels);

        assertThat(csv("/campaigns?" + RANGE + "&format=csv")).contains("row,paid_social,summer,1,2000,");
        assertThat(csv("/over-time?" + RANGE + "&grain=week&format=csv")).contains("row,2026-01-05,2026-W02,6,64000,");
        assertThat(csv("/year-over-year?" + RANGE + "&format=csv")).contains("row,2026-01-01,2026-01,6,64000,")
                .contains(",2025-01-01,2025-01,0,0,0,");
        assertThat(csv("/model-comparison?" + RANGE + "&format=csv")).startsWith(
                "channel,model,revenueMinor,conversions\r\n").contains("email,linear,35000,1.5\r\n");
        assertThat(csv("/funnel?" + RANGE + "&format=csv")).isEqualTo("stage,count,rateFromPrevious\r\n"
                + "new,2,\r\nqualified,2,1\r\nmql,2,1\r\nsql,2,1\r\nwon,1,0.5\r\nlost,1,\r\n");
        assertThat(csv("/data-quality?" + RANGE + "&format=csv"))
                .contains("spendWithoutRevenue,display,prospecting,,,,,1500,\r\n")
                .contains("conversionsWithoutRate,,,,,JPY,1,120000,\r\n")
                .contains("consentSuppressed,,,,,,1,,\r\n");
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void aRangeWithoutDataAnswersEmptyRows() throws Exception {
        for (String view : List.of("/channels", "/campaigns", "/over-time", "/year-over-year")) {
            JsonNode report = get(view + "?from=2024-03-01&to=2024-03-31");
            assertThat(report.get("rows")).as(view).isEmpty();
            assertThat(report.get("totals").get("revenueMinor").asLong()).as(view).isZero();
            assertThat(report.get("totals").get("roi").isNull()).as(view).isTrue();
        }
        assertThat(get("/model-comparison?from=2024-03-01&to=2024-03-31").get("rows")).isEmpty();
    }

    @Test
    @TestSecurity(user = "roi-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = ReportFixture.TENANT))
    void badParametersAreA400NamingTheParameter() {
        for (String view : List.of("/channels", "/campaigns", "/over-time", "/year-over-year", "/model-comparison",
                "/funnel", "/data-quality")) {
            badRequest(view + "?to=2026-01-31", "from");
            badRequest(view + "?from=2026-01-01&to=2026-02-30", "to");
            badRequest(view + "?" + RANGE + "&model=teleport", "model");
            badRequest(view + "?" + RANGE + "&dateBasis=click", "dateBasis");
            badRequest(view + "?" + RANGE + "&format=xlsx", "format");
        }
        badRequest("/over-time?" + RANGE + "&grain=fortnight", "grain");
        badRequest("/year-over-year?" + RANGE + "&grain=hour", "grain");
        badRequest("/channels?from=2025-01-01&to=2026-01-02", "to");
    }

    private static void badRequest(String path, String field) {
        given().get("/api/v1/reports" + path).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }

    static JsonNode get(String path) throws Exception {
        String body = given().get("/api/v1/reports" + path).then().statusCode(200).contentType("application/json")
                .extract().asString();
        return Json.mapper().readTree(body);
    }

    static String csv(String path) {
        return given().get("/api/v1/reports" + path).then().statusCode(200).contentType("text/csv")
                .extract().asString();
    }

    private static List<String> stages(JsonNode report) {
        List<String> stages = new ArrayList<>();
        report.get("stages").forEach(s -> stages.add(s.get("stage").asText() + "|" + s.get("count").asLong() + "|"
                + plain(s.get("rateFromPrevious"))));
        return stages;
    }

    /** Rows as "key|metrics", the metrics in the contract's order. */
    static List<String> rows(JsonNode report, String key) {
        List<String> rows = new ArrayList<>();
        report.get("rows").forEach(r -> rows.add(r.path(key).asText("null") + "|" + metrics(r)));
        return rows;
    }

    static String metrics(JsonNode row) {
        List<String> values = new ArrayList<>();
        for (String field : List.of("conversions", "revenueMinor", "spendMinor", "roi", "roas", "cpaMinor",
                "costPerOfflineConversionMinor", "averageDealSizeMinor", "leads", "conversionRate",
                "revenuePerLeadMinor", "matchRate", "attributedShare", "averageTouches", "timeToConvertMedianHours",
                "timeToConvertP90Hours", "offlineShare")) {
            assertThat(row.has(field)).as("row has %s: %s", field, row).isTrue();
            values.add(plain(row.get(field)));
        }
        return String.join("|", values);
    }

    static String plain(JsonNode number) {
        if (number == null || number.isNull()) {
            return "null";
        }
        assertThat(number.isNumber()).as("a JSON number: %s", number).isTrue();
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }
}
