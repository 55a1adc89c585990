package io.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.TopicProbe;
import io.closeloop.realistic.ExpectedRevenue;
import io.closeloop.realistic.ExpectedRevenue.Model;
import io.closeloop.realistic.ExpectedRevenue.Row;
import io.closeloop.realistic.RealisticTenant;
import io.closeloop.realistic.RealisticTenantGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A realistic tenant ({@code initech}, a tenant no other test uses) sent through ingest's HTTP API as a customer's
 * integration sends it — device visits interleaved with everything else in time order, late CRM records last —
 * and its reports compared, to the cent, per channel and currency (and per named campaign) for {@code last_touch}
 * and {@code linear}, with the revenue computed independently from the generator's ground truth
 * ({@code realistic-data}, which depends only on contracts). On a mismatch it prints a per-channel diff table.
 *
 * <p>{@code -Drealistic.seed=…} and {@code -Drealistic.contacts=…} run other tenants (default 300 contacts);
 * {@code -Drealistic.settle-seconds} and {@code -Drealistic.settle-timeout-minutes} tune the wait.
 */
class RealisticTenantIT {

    private static final String TENANT = "initech";
    /** The reports count as final once neither model's report changed for this long. */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("realistic.settle-seconds", 60));
    /** Compare anyway after this long (the pipeline is slow on a busy machine: ~2,700 events take minutes). */
    private static final Duration SETTLE_TIMEOUT =
            Duration.ofMinutes(Long.getLong("realistic.settle-timeout-minutes", 20));

    private static Platform4Services platform;
    private static RealisticTenant tenant;
    private static final Map<Model, JsonNode> reports = new EnumMap<>(Model.class);
    private static final Map<String, int[]> sent = new TreeMap<>();
    private static final Map<String, List<String>> refusals = new TreeMap<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void sendTheTenant() throws Exception {
        platform = Platform4Services.get();
        long seed = Long.getLong("realistic.seed", RealisticTenantGenerator.DEFAULT_SEED);
        int contacts = Integer.getInteger("realistic.contacts", RealisticTenantGenerator.DEFAULT_CONTACTS);
        tenant = RealisticTenantGenerator.generate(seed, contacts);
        System.out.printf("[realistic] seed %d, %d contacts, %d requests; mix %s%n", seed, contacts,
                tenant.plan().size(), tenant.mix());

        Token admin = new Token(() -> platform.token(TENANT + "-admin"));
        Token ingest = new Token(() -> platform.tokens.clientCredentialsToken(TENANT + "-service",
                TENANT + "-service-secret"));
        String base = platform.url("ingest");

        // What the tenant's admin configures before the integration goes live.
        expect2xx("tenant settings", request(admin, "PUT", base + "/api/v1/tenant/settings", tenant.settings()));
        for (var type : tenant.conversionTypes().entrySet()) {
            expect2xx("conversion type " + type.getKey(),
                    request(admin, "PUT", base + "/api/v1/conversion-types/" + type.getKey(), type.getValue()));
        }
        for (var number : tenant.trackingNumbers().entrySet()) {
            expect2xx("tracking number " + number.getKey(), request(admin, "PUT", base + "/api/v1/tracking-numbers/"
                    + URLEncoder.encode(number.getKey(), StandardCharsets.UTF_8), number.getValue()));
        }
        expect2xx("fx rates", request(admin, "POST", base + "/api/v1/fx-rates", tenant.fxRates()));

        // The integration: one request after the other, in the plan's order (which the calculator's
        // "then by arrival" relies on).
        Instant started = Instant.now();
        for (RealisticTenant.Send send : tenant.plan()) {
            HttpResponse<String> response = request(ingest, "POST", base + send.path(), send.body());
            String key = send.path().substring("/api/v1/".length()) + " " + send.label();
            int[] counts = sent.computeIfAbsent(key, k -> new int[2]);
            if (response.statusCode() / 100 == 2) {
                counts[0]++;
            } else {
                counts[1]++;
                List<String> reasons = refusals.computeIfAbsent(key, k -> new ArrayList<>());
                if (reasons.size() < 2) {
                    reasons.add(response.statusCode() + " " + abbreviate(response.body()));
                }
            }
        }
        // FX rates arriving late (November's), after every event.
        expect2xx("late fx rates", request(admin, "POST", base + "/api/v1/fx-rates", tenant.lateFxRates()));
        System.out.printf("[realistic] sent %d requests in %d s%n", tenant.plan().size(),
                Duration.between(started, Instant.now()).toSeconds());
        printSendSummary();

        waitUntilTheReportsStopChanging();
    }

    @Test
    void ingestAcceptsEveryRequestOfTheIntegration() {
        // Revenue is never refused for a contact field; every field sent is part of ingest's API.
        assertThat(refusals).as("requests ingest refused, by kind (first answers)").isEmpty();
    }

    @Test
    void lastTouchRevenuePerChannelAndCurrencyMatchesTheGroundTruthToTheCent() {
        assertMatches(Model.LAST_TOUCH);
    }

    @Test
    void linearRevenuePerChannelAndCurrencyMatchesTheGroundTruthToTheCent() {
        assertMatches(Model.LINEAR);
    }

    // ------------------------------------------------------------------------------------------- comparison

    private static void assertMatches(Model model) {
        ExpectedRevenue.Expected expected = ExpectedRevenue.of(tenant.truth(), model);
        JsonNode report = reports.get(model);
        assertThat(report).as("report of " + model.id).isNotNull();

        Map<Row, Long> actualByChannel = new TreeMap<>();
        Map<Row, Long> actualRows = new TreeMap<>();
        for (JsonNode row : report.path("rows")) {
            long revenue = row.path("revenueMinor").asLong();
            if (revenue == 0) {
                continue;
            }
            String channel = row.path("channel").asText();
            String currency = row.path("currency").asText();
            String campaign = row.path("campaign").isNull() || row.path("campaign").isMissingNode() ? null
                    : row.path("campaign").asText();
            actualByChannel.merge(new Row(channel, null, currency), revenue, Long::sum);
            actualRows.merge(new Row(channel, campaign, currency), revenue, Long::sum);
        }
        Map<String, Long> actualTotals = new TreeMap<>();
        for (JsonNode total : report.path("totals")) {
            long revenue = total.path("revenueMinor").asLong();
            if (revenue != 0) {
                actualTotals.merge(total.path("currency").asText(), revenue, Long::sum);
            }
        }

        StringBuilder table = new StringBuilder();
        int mismatches = 0;
        table.append(String.format("%n%s — revenue per channel and currency (minor units)%n", model.id));
        table.append(String.format("%-18s %-4s %15s %15s %15s%n", "channel", "cur", "expected", "reported", "diff"));
        Set<Row> channelKeys = new TreeSet<>(expected.byChannel().keySet());
        channelKeys.addAll(actualByChannel.keySet());
        for (Row key : channelKeys) {
            long e = expected.byChannel().getOrDefault(key, 0L);
            long a = actualByChannel.getOrDefault(key, 0L);
            if (e != a) {
                mismatches++;
            }
            table.append(String.format("%-18s %-4s %15d %15d %15s%s%n", key.channel(), key.currency(), e, a,
                    a - e == 0 ? "" : String.format("%+d", a - e), e == a ? "" : "  <--"));
        }
        table.append(String.format("%-18s %-4s %15s %15s%n", "TOTAL", "cur", "expected", "reported"));
        Set<String> currencies = new TreeSet<>(expected.totals().keySet());
        currencies.addAll(actualTotals.keySet());
        for (String currency : currencies) {
            long e = expected.totals().getOrDefault(currency, 0L);
            long a = actualTotals.getOrDefault(currency, 0L);
            if (e != a) {
                mismatches++;
            }
            table.append(String.format("%-18s %-4s %15d %15d %15s%s%n", "", currency, e, a,
                    a - e == 0 ? "" : String.format("%+d", a - e), e == a ? "" : "  <--"));
        }
        // Campaigns the data names (UTM campaigns, tracking-number pools, events); organic, direct, gclid-only and
        // unattributed revenue are compared per channel only.
        StringBuilder campaigns = new StringBuilder();
        for (var entry : expected.rows().entrySet()) {
            Row key = entry.getKey();
            if (key.campaign() == null) {
                continue;
            }
            long a = actualRows.getOrDefault(key, 0L);
            if (a != entry.getValue()) {
                mismatches++;
                campaigns.append(String.format("%-18s %-24s %-4s %15d %15d %+15d%n", key.channel(), key.campaign(),
                        key.currency(), entry.getValue(), a, a - entry.getValue()));
            }
        }
        if (!campaigns.isEmpty()) {
            table.append(String.format("campaign rows that differ:%n%-18s %-24s %-4s %15s %15s %15s%n", "channel",
                    "campaign", "cur", "expected", "reported", "diff")).append(campaigns);
        }
        long expectedCount = expected.outcomes().stream().filter(ExpectedRevenue.Outcome::counts).count();
        table.append(String.format("expected: %d counting conversions of %d conversion ids; base-currency total "
                + "%s USD minor units (informational)%n", expectedCount, expected.outcomes().size(),
                expected.baseTotal()));
        System.out.println("[realistic]" + table);
        if (mismatches > 0) {
            printConversionDiff(model, expected);
        }
        assertThat(mismatches).as("cells that differ from the ground truth:%s", table).isZero();
    }

    /**
     * Which conversions differ and how, from the latest credit set per conversion on the {@code credits} topic:
     * the cause of a mismatch, conversion by conversion (diagnostics only; never fails by itself).
     */
    private static void printConversionDiff(Model model, ExpectedRevenue.Expected expected) {
        try {
            Map<String, CreditSet> latest = new TreeMap<>();
            for (var record : TopicProbe.readUntil(platform.infra.kafka().bootstrapServers(), Topics.CREDITS.name(),
                    Duration.ofSeconds(5), records -> false)) {
                CreditSet set = Json.read(record.value(), CreditSet.class);
                if (TENANT.equals(set.tenant()) && model.id.equals(set.modelId())) {
                    latest.merge(set.conversionId(), set, (a, b) -> b.setVersion() > a.setVersion() ? b : a);
                }
            }
            Map<String, Integer> causes = new TreeMap<>();
            List<String> lines = new ArrayList<>();
            for (ExpectedRevenue.Outcome o : expected.outcomes()) {
                CreditSet set = latest.get(o.conversionId());
                boolean active = set != null && set.status() == CreditSet.Status.ACTIVE;
                String cause;
                if (!o.counts()) {
                    cause = active && set.valueMinor() != 0 ? "counted, should not (" + o.why() + ")" : null;
                } else if (set == null) {
                    cause = "no credit set";
                } else if (!active) {
                    cause = "set " + set.status() + ", should count";
                } else if (!o.currency().equals(set.currency()) || o.valueMinor() != set.valueMinor()) {
                    cause = "value differs";
                } else if (!o.time().equals(set.conversionTime())) {
                    cause = "conversion time differs";
                } else {
                    Set<String> want = new TreeSet<>();
                    o.credits().forEach(c -> want.add(c.touch() == null ? "unattributed" : c.touch().eventId()
                            + ":" + c.channel() + ":" + c.minor()));
                    Set<String> got = new TreeSet<>();
                    set.lines().forEach(l -> got.add(l.touchId() == null ? "unattributed" : l.touchId() + ":"
                            + l.channel() + ":" + l.creditMinor()));
                    cause = want.equals(got) ? null : want.size() == 1 && want.contains("unattributed")
                            ? "credited, should be unattributed" : got.contains("unattributed")
                            ? "unattributed, should be credited" : "credited touches differ";
                }
                if (cause == null) {
                    continue;
                }
                causes.merge(cause.replaceAll(" \\(.*", ""), 1, Integer::sum);
                if (lines.size() < 40) {
                    lines.add(String.format("  %-8s %-10s %-7s %s expected %s %d%s; reported %s%n", o.conversionId(),
                            o.type(), o.personId(), cause, o.currency(), o.valueMinor(), o.counts() ? "" : " (not "
                                    + "counting)", set == null ? "nothing" : set.status() + " " + set.currency() + " "
                                    + set.valueMinor() + " at " + set.conversionTime() + " over "
                                    + set.lines().stream().map(CreditLine::channel).toList()));
                }
            }
            System.out.printf("[realistic] %s: conversions that differ, by cause: %s%n", model.id, causes);
            lines.forEach(System.out::print);
        } catch (Exception | AssertionError e) {
            System.out.println("[realistic] no per-conversion diff: " + e);
        }
    }

    // ------------------------------------------------------------------------------------------- waiting

    private static long reportedConversions(JsonNode report) {
        long count = 0;
        if (report != null) {
            for (JsonNode total : report.path("totals")) {
                count += total.path("conversions").asLong();
            }
        }
        return count;
    }

    /**
     * Polls both reports until neither has changed for {@link #SETTLE} and the reports count every conversion the
     * ground truth counts; a pipeline that is only slow to start (empty reports) or pauses under load is waited
     * for. Reports that stay short of that count but unchanged for five times {@link #SETTLE} are compared anyway,
     * so a real loss fails with its diff instead of a timeout.
     */
    private static void waitUntilTheReportsStopChanging() throws Exception {
        long expectedCount = ExpectedRevenue.of(tenant.truth(), Model.LAST_TOUCH).outcomes().stream()
                .filter(ExpectedRevenue.Outcome::counts).count();
        Token analyst = new Token(() -> platform.token(TENANT + "-analyst"));
        Map<Model, String> last = new EnumMap<>(Model.class);
        Instant lastChange = Instant.now();
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (true) {
            boolean changed = false;
            for (Model model : Model.values()) {
                String url = platform.url("reporting") + "/api/v1/reports/attributed-revenue?model=" + model.id
                        + "&from=" + tenant.firstDay() + "&to=" + tenant.lastDay();
                HttpResponse<String> response = request(analyst, "GET", url, null);
                if (response.statusCode() != 200) {
                    throw new AssertionError("report " + model.id + ": " + response.statusCode() + " "
                            + response.body());
                }
                if (!response.body().equals(last.get(model))) {
                    changed = true;
                    last.put(model, response.body());
                    reports.put(model, Json.mapper().readTree(response.body()));
                }
            }
            Instant now = Instant.now();
            if (changed) {
                lastChange = now;
                System.out.printf("[realistic] report totals now %s%n", reports.get(Model.LAST_TOUCH).path("totals"));
            } else {
                Duration quiet = Duration.between(lastChange, now);
                long reported = reportedConversions(reports.get(Model.LAST_TOUCH));
                // A busy machine can pause the pipeline longer than SETTLE while restatements are still queued:
                // the reports are final only once every service has also consumed everything on the broker.
                boolean complete = reported == expectedCount && quiet.compareTo(SETTLE) >= 0
                        && pipelineIdle();
                boolean stuck = reported > 0 && quiet.compareTo(SETTLE.multipliedBy(5)) >= 0;
                if (complete || stuck) {
                    System.out.printf("[realistic] reports unchanged for %d s with %d of %d conversions%n",
                            quiet.toSeconds(), reported, expectedCount);
                    return;
                }
            }
            if (now.isAfter(deadline)) {
                System.out.println("[realistic] reports still changing after " + SETTLE_TIMEOUT + "; comparing anyway");
                return;
            }
            Thread.sleep(3000);
        }
    }

    private static boolean pipelineIdle() {
        long lag = TopicProbe.consumerLag(platform.infra.kafka().bootstrapServers());
        if (lag > 0) {
            System.out.printf("[realistic] reports quiet, but %d records not yet consumed%n", lag);
        }
        return lag == 0;
    }

    // ------------------------------------------------------------------------------------------- HTTP

    /** A bearer token fetched again before it can expire (tokens live 15 minutes). */
    private static final class Token {
        private final Supplier<String> fetch;
        private String value;
        private Instant fetchedAt = Instant.EPOCH;

        Token(Supplier<String> fetch) {
            this.fetch = fetch;
        }

        synchronized String get() {
            if (Duration.between(fetchedAt, Instant.now()).toMinutes() >= 5) {
                value = fetch.get();
                fetchedAt = Instant.now();
            }
            return value;
        }
    }

    private static HttpResponse<String> request(Token token, String method, String url, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.get());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect2xx(String what, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static void printSendSummary() {
        StringBuilder out = new StringBuilder(String.format("[realistic] ingest answers per request kind:%n"));
        out.append(String.format("  %-45s %8s %8s%n", "kind", "accepted", "refused"));
        sent.forEach((key, counts) -> out.append(String.format("  %-45s %8d %8d%n", key, counts[0], counts[1])));
        refusals.forEach((key, reasons) -> reasons.forEach(r -> out.append(String.format("  refused %s: %s%n",
                key, r))));
        System.out.print(out);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
