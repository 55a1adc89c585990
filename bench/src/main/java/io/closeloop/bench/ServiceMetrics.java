package io.closeloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ingest service's own time per write-path phase, from its Prometheus metrics. */
final class ServiceMetrics {

    private static final Pattern PHASE = Pattern.compile(
            "(?m)^closeloop_ingest_rows_seconds_sum\\{[^}]*phase=\"(\\w+)\"[^}]*} (\\S+)$");
    private static final Pattern CPU = Pattern.compile("(?m)^process_cpu_time_ns_total\\S* (\\S+)$");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;

    ServiceMetrics(String managementUrl) {
        this.metrics = URI.create(managementUrl + "/q/metrics");
    }

    /** Seconds per phase ({@code read}, {@code prepare}, {@code store}) and the process CPU ({@code cpu}). */
    Map<String, Double> snapshot() throws Exception {
        String text = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Double> seconds = new TreeMap<>();
        Matcher phase = PHASE.matcher(text);
        while (phase.find()) {
            seconds.put(phase.group(1), Double.parseDouble(phase.group(2)));
        }
        Matcher cpu = CPU.matcher(text);
        if (cpu.find()) {
            seconds.put("cpu", Double.parseDouble(cpu.group(1)) / 1e9);
        }
        return seconds;
    }

    static String delta(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder line = new StringBuilder();
        after.forEach((name, value) -> line.append(String.format("%s %.1f s  ", name,
                value - before.getOrDefault(name, 0.0))));
        return line.toString().trim();
    }
}
