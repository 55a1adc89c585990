package io.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.infra.PlatformClient;
import io.closeloop.infra.SampleLoader;
import io.closeloop.realistic.ExpectedRevenue;
import io.closeloop.realistic.ExpectedRevenue.Model;
import io.closeloop.realistic.ExpectedRoi;
import io.closeloop.realistic.RealisticTenant;
import io.closeloop.realistic.RealisticTenantGenerator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample tenant of {@code ./closeloop up} (tenant {@code demo}, which no other test uses), loaded by the same
 * loader over the packaged services, and its reports compared per channel with the figures computed from the
 * generator's story alone ({@code ExpectedRevenue}, {@code ExpectedRoi} in {@code realistic-data}): last-touch revenue
 * per channel and currency from {@code attributed-revenue}, and revenue, spend and ROI per channel in the base
 * currency for two models from the channels view.
 *
 * <p>{@code -Dsample.contacts=…} loads another size (default 300). The second load runs last: it sends the
 * configuration again too, and the reports are compared before that.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplePlatformIT {

    private static final String TENANT = "demo";
    private static final Duration CATCH_UP = Duration.ofMinutes(Long.getLong("sample.catch-up-minutes", 20));

    private static RealisticTenant tenant;
    private static PlatformClient client;
    private static SampleLoader loader;
    private static String reporting;
    private static SampleLoader.Result firstLoad;
    private static boolean caughtUp;

    @BeforeAll
    static void loadTheSample() throws Exception {
        Platform4Services platform = Platform4Services.get();
        tenant = RealisticTenantGenerator.generateSample(RealisticTenantGenerator.SAMPLE_SEED,
                Integer.getInteger("sample.contacts", 300));
        client = new PlatformClient(platform.tokens, TENANT, "closeloop");
        reporting = platform.url("reporting");
        loader = new SampleLoader(client, platform.url("ingest"), reporting, System.out);
        firstLoad = loader.load(tenant);
        caughtUp = loader.awaitReports(tenant, CATCH_UP);
    }

    @Test
    @Order(1)
    void ingestAcceptsEveryEventOfTheSample() {
        assertThat(firstLoad.firstRejections()).isEmpty();
        assertThat(firstLoad.rejected()).isZero();
        assertThat(firstLoad.accepted()).isEqualTo(tenant.plan().size() + tenant.spend().size());
    }

    @Test
    @Order(4)
    void loadingTheSampleAgainStoresNothingNew() {
        SampleLoader.Result again = loader.load(tenant);

        assertThat(again.accepted()).isZero();
        assertThat(again.rejected()).isZero();
        assertThat(again.duplicate()).isEqualTo(tenant.plan().size() + tenant.spend().size());
        assertThat(loader.reportedConversions(tenant)).isEqualTo(SampleLoader.expectedConversions(tenant));
    }

    @Test
    @Order(2)
    void lastTouchRevenuePerChannelAndCurrencyFollowsTheStory() {
        assertThat(caughtUp).as("the reports counted every conversion within " + CATCH_UP).isTrue();
        ExpectedRevenue.Expected expected = ExpectedRevenue.of(tenant.truth(), Model.LAST_TOUCH);
        Map<String, Long> want = new TreeMap<>();
        expected.byChannel().forEach((row, minor) -> want.put(row.channel() + " " + row.currency(), minor));

        Map<String, Long> got = new TreeMap<>();
        for (JsonNode row : report("attributed-revenue", Model.LAST_TOUCH).path("rows")) {
            long revenue = row.path("revenueMinor").asLong();
            if (revenue != 0) {
                got.merge(row.path("channel").asText() + " " + row.path("currency").asText(), revenue, Long::sum);
            }
        }

        assertThat(got).as("last-touch revenue per channel and currency (minor units)").isEqualTo(want);
    }

    /**
     * Needs the channels view ({@code /api/v1/reports/channels}); a reporting service without it answers 404 and
     * the check is skipped, saying so.
     */
    @ParameterizedTest
    @Order(3)
    @EnumSource(Model.class)
    void revenueSpendAndRoiPerChannelFollowTheStory(Model model) {
        assertThat(caughtUp).as("the reports counted every conversion within " + CATCH_UP).isTrue();
        HttpResponse<String> response = client.send("analyst", "GET", reporting + "/api/v1/reports/channels?model="
                + model.id + "&from=" + tenant.firstDay() + "&to=" + tenant.lastDay(), null);
        Assumptions.assumeFalse(response.statusCode() == 404,
                "the reporting service has no channels view (/api/v1/reports/channels answered 404)");
        JsonNode report = client.json(response);
        assertThat(report.path("currency").asText()).isEqualTo(tenant.truth().baseCurrency());

        Map<String, ExpectedRoi.ChannelRoi> expected = ExpectedRoi.of(tenant.truth(), model);
        Map<String, Integer> credits = creditsPerChannel(model);
        Set<String> reported = new TreeSet<>();
        StringBuilder table = new StringBuilder(String.format("%n%s%n%-16s %14s %14s %12s %12s %9s %9s%n", model.id,
                "channel", "revenue exp.", "revenue rep.", "spend exp.", "spend rep.", "roi exp.", "roi rep."));
        for (JsonNode row : report.path("rows")) {
            String channel = row.path("channel").asText();
            if (row.path("revenueMinor").asLong() == 0 && row.path("spendMinor").asLong() == 0) {
                continue;
            }
            reported.add(channel);
            ExpectedRoi.ChannelRoi want = expected.get(channel);
            table.append(String.format("%-16s %14.0f %14d %12d %12d %9s %9s%n", channel,
                    want == null ? 0.0 : want.revenueMinor().doubleValue(), row.path("revenueMinor").asLong(),
                    want == null ? 0 : want.spendMinor(), row.path("spendMinor").asLong(),
                    want == null ? "-" : want.roi(), row.path("roi")));
        }
        System.out.println("[sample]" + table);
        assertThat(reported).as("channels with revenue or spend").isEqualTo(expected.keySet());
        for (JsonNode row : report.path("rows")) {
            String channel = row.path("channel").asText();
            ExpectedRoi.ChannelRoi want = expected.get(channel);
            if (want == null) {
                continue;
            }
            // Converting each credit and each spend day to the base currency rounds once per item at most.
            assertThat(row.path("revenueMinor").asDouble()).as(channel + " revenue")
                    .isCloseTo(want.revenueMinor().doubleValue(), within(credits.getOrDefault(channel, 0) + 1.0));
            assertThat(row.path("spendMinor").asLong()).as(channel + " spend")
                    .isCloseTo(want.spendMinor(), within((long) spendDays(channel) + 1));
            if (want.roi() == null) {
                assertThat(row.path("roi").isNull()).as(channel + " ROI without spend is null").isTrue();
            } else {
                assertThat(row.path("roi").asDouble()).as(channel + " ROI").isCloseTo(want.roi(), within(0.001));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static JsonNode report(String view, Model model) {
        return client.json(client.send("analyst", "GET", reporting + "/api/v1/reports/" + view + "?model=" + model.id
                + "&from=" + tenant.firstDay() + "&to=" + tenant.lastDay(), null));
    }

    private static Map<String, Integer> creditsPerChannel(Model model) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ExpectedRevenue.Outcome o : ExpectedRevenue.of(tenant.truth(), model).outcomes()) {
            o.credits().forEach(c -> counts.merge(c.channel(), 1, Integer::sum));
        }
        return counts;
    }

    private static long spendDays(String channel) {
        return tenant.truth().spend().stream().filter(s -> s.channel().equals(channel)).count();
    }
}
