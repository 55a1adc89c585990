package io.closeloop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.realistic.ExpectedRevenue;
import io.closeloop.realistic.RealisticTenant;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a generated tenant ({@code realistic-data}) into a running platform the way a customer's integration does:
 * the admin's configuration, then every event through ingest's HTTP API with a real token, in the plan's order
 * (consecutive events of one kind go as one batch, which keeps that order), then the late FX rates and the spend.
 * Events carry the generator's fixed ids, so loading the same tenant again stores nothing new: ingest answers each
 * one {@code duplicate}.
 */
public final class SampleLoader {

    /** Events per batch request. */
    private static final int BATCH = 500;
    /** The reports count as stuck when their conversion count has not moved for this long. */
    private static final Duration STALLED = Duration.ofMinutes(3);
    /** The reports count as final once they have not changed for this long. */
    static final Duration SETTLED = Duration.ofSeconds(Long.getLong("closeloop.sample.settle-seconds", 30));

    /** What ingest answered for the events of one load. */
    public record Result(long accepted, long duplicate, long rejected, List<String> firstRejections) {
    }

    private final PlatformClient client;
    private final String ingest;
    private final String reporting;
    private final PrintStream out;

    /**
     * @param client the tenant's tokens
     * @param ingestUrl e.g. {@code http://127.0.0.1:8081}
     * @param reportingUrl e.g. {@code http://127.0.0.1:8084}
     * @param out where progress goes (a terminal: lines are rewritten in place)
     */
    public SampleLoader(PlatformClient client, String ingestUrl, String reportingUrl, PrintStream out) {
        this.client = client;
        this.ingest = ingestUrl;
        this.reporting = reportingUrl;
        this.out = out;
    }

    /** The admin's configuration and every event of {@code tenant}. */
    public Result load(RealisticTenant tenant) {
        client.expect2xx(client.send("admin", "PUT", ingest + "/api/v1/tenant/settings", tenant.settings()));
        tenant.conversionTypes().forEach((name, body) -> client.expect2xx(
                client.send("admin", "PUT", ingest + "/api/v1/conversion-types/" + enc(name), body)));
        tenant.trackingNumbers().forEach((number, body) -> client.expect2xx(
                client.send("admin", "PUT", ingest + "/api/v1/tracking-numbers/" + enc(number), body)));
        tenant.promoCodes().forEach((code, body) -> client.expect2xx(
                client.send("admin", "PUT", ingest + "/api/v1/promo-codes/" + enc(code), body)));
        client.expect2xx(client.send("admin", "POST", ingest + "/api/v1/fx-rates", tenant.fxRates()));

        long[] counts = new long[3];
        List<String> rejections = new ArrayList<>();
        int total = tenant.plan().size() + tenant.spend().size();
        int done = 0;
        Instant started = Instant.now();
        List<Map<String, Object>> batch = new ArrayList<>();
        String path = null;
        for (RealisticTenant.Send send : tenant.plan()) {
            if (!send.path().equals(path) || batch.size() == BATCH) {
                done += flush(path, batch, counts, rejections);
                progress("Sending the sample tenant", done, total, "events");
                path = send.path();
            }
            batch.add(send.body());
        }
        done += flush(path, batch, counts, rejections);
        // November's rates arrive late, after every event; spend follows them, so every day has its rate.
        client.expect2xx(client.send("admin", "POST", ingest + "/api/v1/fx-rates", tenant.lateFxRates()));
        for (int i = 0; i < tenant.spend().size(); i += BATCH) {
            batch.addAll(tenant.spend().subList(i, Math.min(tenant.spend().size(), i + BATCH)));
            done += flush("/api/v1/spend", batch, counts, rejections);
            progress("Sending the sample tenant", done, total, "events");
        }
        out.printf("%nSent %d events in %d s: %d new, %d already there, %d refused.%n", total,
                Duration.between(started, Instant.now()).toSeconds(), counts[0], counts[1], counts[2]);
        return new Result(counts[0], counts[1], counts[2], List.copyOf(rejections));
    }

    private int flush(String path, List<Map<String, Object>> batch, long[] counts, List<String> rejections) {
        if (batch.isEmpty()) {
            return 0;
        }
        JsonNode result = client.json(client.send("ingest", "POST", ingest + path + "/batch", batch));
        counts[0] += result.path("accepted").asLong();
        counts[1] += result.path("duplicate").asLong();
        counts[2] += result.path("rejected").asLong();
        for (JsonNode error : result.path("errors")) {
            if (rejections.size() < 5) {
                rejections.add(path + " " + error);
            }
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** How many conversions the ground truth counts: the reports have caught up when they show as many. */
    public static long expectedConversions(RealisticTenant tenant) {
        return ExpectedRevenue.of(tenant.truth(), ExpectedRevenue.Model.LAST_TOUCH).outcomes().stream()
                .filter(ExpectedRevenue.Outcome::counts).count();
    }

    /** The conversions the last-touch report counts over the tenant's days (0 while nothing arrived). */
    public long reportedConversions(RealisticTenant tenant) {
        JsonNode report = client.json(client.send("analyst", "GET", reporting
                + "/api/v1/reports/attributed-revenue?model=last_touch&from=" + tenant.firstDay() + "&to="
                + tenant.lastDay(), null));
        long count = 0;
        for (JsonNode total : report.path("totals")) {
            count += total.path("conversions").asLong();
        }
        return count;
    }

    /**
     * Waits, showing progress, until attribution and reporting count every conversion of the tenant and their
     * credits have settled ({@link #awaitSettled}).
     *
     * @return true once they have, false if {@code timeout} passed first or the count stalled
     */
    public boolean awaitReports(RealisticTenant tenant, Duration timeout) {
        long expected = expectedConversions(tenant);
        Instant deadline = Instant.now().plus(timeout);
        long previous = -1;
        Instant changed = Instant.now();
        while (true) {
            long reported = reportedConversions(tenant);
            progress("Attribution and reporting", (int) reported, (int) expected, "conversions");
            if (reported == expected) {
                out.println();
                return awaitSettled(tenant, SETTLED, deadline);
            }
            if (reported != previous) {
                previous = reported;
                changed = Instant.now();
            }
            // A count that moved and then stood still for long is as far as the pipeline will get.
            boolean stalled = reported > 0 && Duration.between(changed, Instant.now()).compareTo(STALLED) >= 0;
            if (stalled || Instant.now().isAfter(deadline)) {
                out.printf("%nThe reports show %d of %d conversions%s.%n", reported, expected,
                        stalled ? ", unchanged for " + STALLED.toSeconds() + " s" : " after " + timeout.toSeconds()
                                + " s; the pipeline is still working");
                return false;
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    /**
     * Once every conversion is counted, credits still move while identity links devices and people and attribution
     * restates: waits until the reports of both models have not changed for {@code quiet}.
     *
     * @return true once they are quiet, false if {@code deadline} passed first
     */
    public boolean awaitSettled(RealisticTenant tenant, Duration quiet, Instant deadline) {
        Map<String, String> last = new java.util.HashMap<>();
        Instant changed = Instant.now();
        while (Duration.between(changed, Instant.now()).compareTo(quiet) < 0) {
            if (Instant.now().isAfter(deadline)) {
                out.printf("%nThe reports were still changing at the deadline.%n");
                return false;
            }
            for (String model : List.of("last_touch", "linear")) {
                String body = client.expect2xx(client.send("analyst", "GET", reporting
                        + "/api/v1/reports/attributed-revenue?model=" + model + "&from=" + tenant.firstDay() + "&to="
                        + tenant.lastDay(), null)).body();
                if (!body.equals(last.put(model, body))) {
                    changed = Instant.now();
                }
            }
            out.printf("\r%-27s unchanged for %d of %d s ", "Credits settling",
                    Duration.between(changed, Instant.now()).toSeconds(), quiet.toSeconds());
            out.flush();
            sleep(Duration.ofSeconds(3));
        }
        out.println();
        return true;
    }

    private void progress(String what, int done, int total, String unit) {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, (long) done * width / total);
        out.printf("\r%-27s [%s%s] %,d / %,d %s", what, "#".repeat(filled), ".".repeat(width - filled), done, total,
                unit);
        out.flush();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
