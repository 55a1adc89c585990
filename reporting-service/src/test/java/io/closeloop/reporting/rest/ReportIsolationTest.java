package io.closeloop.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another tenant sees nothing of {@link ReportFixture}'s tenant in any view, JSON or CSV. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
class ReportIsolationTest {

    private static final String RANGE = "from=2026-01-05&to=2026-01-11";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void fixture() throws Exception {
        ReportFixture.load(bootstrap);
    }

    @Test
    @TestSecurity(user = "other-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "roi-other"))
    void anotherTenantSeesNoneOfTheNumbersInAnyView() throws Exception {
        for (String view : List.of("/channels", "/campaigns", "/over-time", "/year-over-year")) {
            for (String extra : List.of("", "&dateBasis=touch", "&channel=paid_search")) {
                JsonNode report = ReportMetricsTest.get(view + "?" + RANGE + extra);
                assertThat(report.get("rows")).as(view + extra).isEmpty();
                assertThat(ReportMetricsTest.metrics(report.get("totals"))).as(view + extra)
                        .isEqualTo("0|0|0|null|null|null|null|null|0|null|null|null|null|null|null|null|null");
                assertThat(report.get("withoutRate")).as(view + extra).isEmpty();
                assertThat(report.get("spendWithoutRate")).as(view + extra).isEmpty();
                assertThat(report.get("currency").isNull()).as(view + extra).isTrue();
            }
        }
        assertThat(ReportMetricsTest.get("/model-comparison?" + RANGE).get("rows")).isEmpty();
        ReportMetricsTest.get("/funnel?" + RANGE).get("stages")
                .forEach(s -> assertThat(s.get("count").asLong()).as(s.toString()).isZero());
        JsonNode quality = ReportMetricsTest.get("/data-quality?" + RANGE);
        assertThat(quality.get("spendWithoutRevenue")).isEmpty();
        assertThat(quality.get("revenueWithoutSpend")).isEmpty();
        assertThat(quality.get("unknownUtmValues")).isEmpty();
        assertThat(quality.get("conversionsWithoutRate")).isEmpty();
        assertThat(quality.get("spendWithoutRate")).isEmpty();
        assertThat(quality.get("directOrUnassignedShare").isNull()).isTrue();
        assertThat(quality.get("consentSuppressed").asLong()).isZero();
    }

    @Test
    @TestSecurity(user = "other-analyst", roles = "analyst")
    @OidcSecurity(claims = @Claim(key = "tenant", value = "roi-other"))
    void anotherTenantsCsvHoldsOnlyTheHeaderAndAnEmptyTotal() {
        for (String view : List.of("/channels", "/campaigns", "/over-time", "/year-over-year")) {
            String[] lines = ReportMetricsTest.csv(view + "?" + RANGE + "&format=csv").split("\r\n");
            assertThat(lines).as(view).hasSize(2);
            assertThat(lines[1]).as(view).startsWith("total,").contains(",0,0,0,");
        }
        assertThat(ReportMetricsTest.csv("/model-comparison?" + RANGE + "&format=csv"))
                .isEqualTo("channel,model,revenueMinor,conversions\r\n");
        assertThat(ReportMetricsTest.csv("/funnel?" + RANGE + "&format=csv")).isEqualTo(
                "stage,count,rateFromPrevious\r\nnew,0,\r\nqualified,0,\r\nmql,0,\r\nsql,0,\r\nwon,0,\r\nlost,0,\r\n");
        String quality = ReportMetricsTest.csv("/data-quality?" + RANGE + "&format=csv");
        assertThat(quality).doesNotContain("paid").doesNotContain("JPY").doesNotContain("mystery");
    }
}
