package io.closeloop.bench;

import io.closeloop.contracts.Topics;
import io.closeloop.contracts.TopicSpec;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.LauncherLogging;
import io.closeloop.infra.SelfSignedTokens;
import io.closeloop.infra.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest throughput against a durable baseline, in one run on one machine (not a test; it prints figures).
 *
 * <p>Starts Kafka and PostgreSQL (fsync on) with {@link Infrastructure} and the packaged ingest service in its
 * own JVM, pushes the events through {@code POST /api/v1/touchpoints/batch} (NDJSON) and counts them on
 * {@code touchpoints.raw}; then stores and publishes the same events straight (multi-row insert, produce with
 * acks=all), without HTTP or validation. Prints events/s and batch latencies of both, and the ratio.
 */
public final class IngestBench {

    private static final TopicSpec<TouchpointRaw> BASELINE_TOPIC = new TopicSpec<>("bench.baseline",
            TouchpointRaw.class, "touchpoint.raw", 1, Topics.TOUCHPOINTS_RAW.partitions(), Duration.ofHours(1),
            TopicSpec.CleanupPolicy.DELETE, "tenant:<strongest identifier>");

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        long warmup = Long.parseLong(options.getOrDefault("warmup", "100000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        String heap = options.getOrDefault("service-heap", "512m");
        Path root = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path dir = root.resolve("bench/target/ingest-bench");
        String serviceConfig = options.getOrDefault("service-config", "");

        deleteTree(dir); // every run starts from empty topics and tables
        LauncherLogging.toFile(dir.resolve("logs").resolve("infrastructure.log"));
        try (Infrastructure infra = Infrastructure.start(dir, false, true)) {
            infra.kafka().createTopics(List.of(BASELINE_TOPIC));
            SelfSignedTokens tokens = new SelfSignedTokens();
            int http = Infrastructure.freePort();
            int management = Infrastructure.freePort();
            Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig("ingest", http, management));
            config.put("quarkus.oidc.public-key", tokens.publicKey());
            config.put("quarkus.oidc.auth-server-url", "");
            config.put("quarkus.log.level", "WARN");
            putServiceConfig(config, serviceConfig);
            List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
            if (Boolean.parseBoolean(options.getOrDefault("jfr", "false"))) {
                // A profile of the service for the whole run, written when it stops: jfr print --events ExecutionSample
                jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("ingest-service.jfr")
                        + ",settings=profile,dumponexit=true");
            }
            ServiceProcess service = new ServiceProcess("ingest-service", root.resolve("ingest-service"), config,
                    management, dir.resolve("logs").resolve("ingest-service.log"), jvm);
            service.start();
            try {
                run(infra, tokens, "http://127.0.0.1:" + http, new ServiceMetrics("http://127.0.0.1:" + management),
                        events, warmup, batch, clients);
            } finally {
                service.stop();
            }
        }
    }

    private static void run(Infrastructure infra, SelfSignedTokens tokens, String baseUrl, ServiceMetrics metrics,
                            long events, long warmup, int batch, int clients) throws Exception {
        String bootstrap = infra.kafka().bootstrapServers();
        System.out.printf("ingest benchmark: %,d events in batches of %,d from %d clients, %d cores, "
                        + "PostgreSQL fsync on, Kafka acks=all%n", events, batch, clients,
                Runtime.getRuntime().availableProcessors());
        try (TopicCounter touchpoints = new TopicCounter(bootstrap, Topics.TOUCHPOINTS_RAW.name());
             TopicCounter baselineTopic = new TopicCounter(bootstrap, BASELINE_TOPIC.name())) {
            // Warm-up: the service's JIT, pools and the relay, on another tenant and run.
            new IngestClient(baseUrl, tokens.token("bench-warmup", "ingest"))
                    .run(0, warmup, batch, clients, new Latencies((int) (warmup / batch) + 1));
            touchpoints.awaitCount(warmup, Duration.ofMinutes(10));

            Map<String, Double> before = metrics.snapshot();
            Result ingest = ingest(new IngestClient(baseUrl, tokens.token("bench", "ingest")), touchpoints,
                    events, batch, clients);
            String phases = ServiceMetrics.delta(before, metrics.snapshot());
            DurableBaseline baseline = new DurableBaseline(infra.database("ingest"), bootstrap,
                    BASELINE_TOPIC.name(), false);
            baseline.run(0, warmup, batch, clients, new Latencies((int) (warmup / batch) + 1));
            baselineTopic.awaitCount(warmup, Duration.ofMinutes(10));
            Result straight = baseline(baseline, baselineTopic, 1, events, batch, clients);
            // What writing every event twice (raw row + outbox row) costs the baseline itself.
            Result copied = baseline(new DurableBaseline(infra.database("ingest"), bootstrap, BASELINE_TOPIC.name(),
                    true), baselineTopic, 2, events, batch, clients);

            System.out.println(ingest.line("ingest (HTTP batch -> raw_event + outbox -> relay -> topic)"));
            System.out.println(straight.line("baseline (multi-row insert + produce, no HTTP/validation)"));
            System.out.println(copied.line("baseline with an outbox copy of each row in the same statement"));
            System.out.println("ingest service, summed over its request threads: " + phases);
            System.out.println("bytes per event: " + rowSizes(infra));
            System.out.printf("ratio ingest / baseline: %.1f %%%n", 100.0 * ingest.perSecond()
                    / straight.perSecond());
        }
    }

    private static Result ingest(IngestClient client, TopicCounter topic, long events, int batch, int clients)
            throws Exception {
        long before = topic.count();
        Latencies latencies = new Latencies((int) (events / batch) + 1);
        long began = System.nanoTime();
        client.run(1, events, batch, clients, latencies);
        long accepted = System.nanoTime();
        long published = topic.awaitCount(before + events, Duration.ofMinutes(30));
        return new Result(events, accepted - began, published - began, latencies);
    }

    private static Result baseline(DurableBaseline baseline, TopicCounter topic, long run, long events, int batch,
                                   int clients) throws Exception {
        long before = topic.count();
        Latencies latencies = new Latencies((int) (events / batch) + 1);
        long began = System.nanoTime();
        baseline.run(run, events, batch, clients, latencies);
        long stored = System.nanoTime();
        long published = topic.awaitCount(before + events, Duration.ofMinutes(30));
        return new Result(events, stored - began, published - began, latencies);
    }

    /** One side's figures; events/s counts until the last event was on the topic. */
    private record Result(long events, long acceptedNanos, long publishedNanos, Latencies latencies) {

        double perSecond() {
            return events / (publishedNanos / 1e9);
        }

        String line(String what) {
            return String.format("%-62s %,9.0f events/s on the topic (%,.0f/s answered), %.1f s; batch p50 %.0f ms,"
                            + " p99 %.0f ms", what, perSecond(), events / (acceptedNanos / 1e9), publishedNanos / 1e9,
                    latencies.percentileMillis(50), latencies.percentileMillis(99));
        }
    }

    /** Puts {@code --service-config}'s settings ({@code key=value,...}) into a service's configuration. */
    static void putServiceConfig(Map<String, String> config, String settings) {
        for (String setting : settings.split(",")) {
            if (setting.contains("=")) {
                config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
    }

    /** What one event costs in the database: raw row columns (the outbox row repeats them) and the baseline's. */
    private static String rowSizes(Infrastructure infra) throws java.sql.SQLException {
        var db = infra.database("ingest");
        return String.format("ingest payload %d + headers %d + key %d (raw row, and again in the outbox row);"
                        + " baseline payload %d",
                db.queryLong("select avg(octet_length(payload))::bigint from raw_event where tenant = 'bench'"),
                db.queryLong("select avg(octet_length(headers))::bigint from raw_event where tenant = 'bench'"),
                db.queryLong("select avg(octet_length(record_key))::bigint from raw_event where tenant = 'bench'"),
                db.queryLong("select avg(octet_length(payload))::bigint from bench_baseline"));
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            if (!rest.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + rest.get(i));
            }
            options.put(rest.get(i).substring(2), rest.get(i + 1));
        }
        return options;
    }
}
