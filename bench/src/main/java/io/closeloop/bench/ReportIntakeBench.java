package io.closeloop.bench;

import io.closeloop.contracts.CreditLine;
import io.closeloop.contracts.CreditSet;
import io.closeloop.contracts.Headers;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.TenantSettings;
import io.closeloop.contracts.Topics;
import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.LauncherLogging;
import io.closeloop.infra.SelfSignedTokens;
import io.closeloop.infra.ServiceProcess;
import io.closeloop.infra.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How fast reporting takes in credit sets: Kafka and PostgreSQL (fsync on) from the launcher, the packaged
 * reporting service in its own JVM, then {@code --conversions} conversions (20,000) credited under all nine models
 * published to {@code credits} as fast as a producer can, and the same conversions restated (every set again
 * with a higher version, another channel and value: what a merge or a refit sends). Prints, for each phase, sets
 * per second from the first set published until reporting stored the last, and the time from the last set
 * published until reporting stored it (what a user waits after the last event). Asserts nothing.
 *
 * <p>Arguments: {@code --conversions N} (20000), {@code --restated N} (10000), {@code --service-heap} (512m),
 * {@code --service-config key=value,...} (settings passed to the service).
 */
public final class ReportIntakeBench {

    private static final String TENANT = "bench";
    private static final List<String> MODELS = List.of("first_touch", "last_touch", "last_non_direct", "linear",
            "time_decay", "position_based", "w_shaped", "markov", "shapley");
    private static final String[] CHANNELS = {"paid_search", "paid_social", "email", "organic_search", "display",
            "direct", "referral"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ReportIntakeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int conversions = Integer.parseInt(options.getOrDefault("conversions", "20000"));
        int restated = Integer.parseInt(options.getOrDefault("restated", "10000"));
        String heap = options.getOrDefault("service-heap", "512m");
        Path root = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path dir = root.resolve("bench/target/report-intake-bench");
        IngestBench.deleteTree(dir); // every run starts from empty topics and tables
        LauncherLogging.toFile(dir.resolve("logs").resolve("infrastructure.log"));
        try (Infrastructure infra = Infrastructure.start(dir, false, true)) {
            int http = Infrastructure.freePort();
            int management = Infrastructure.freePort();
            Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig("reporting", http, management));
            config.put("quarkus.oidc.auth-server-url", "");
            config.put("quarkus.oidc.public-key", new SelfSignedTokens().publicKey());
            config.put("quarkus.log.level", "WARN");
            // No Keycloak here: the dashboard's browser login is off, the bearer API checks the bench's key.
            config.put("quarkus.oidc.web.tenant-enabled", "false");
            IngestBench.putServiceConfig(config, options.getOrDefault("service-config", ""));
            ServiceProcess service = new ServiceProcess("reporting-service", root.resolve("reporting-service"), config,
                    management, dir.resolve("logs").resolve("reporting-service.log"),
                    List.of("-Xms" + heap, "-Xmx" + heap));
            service.start();
            try {
                String bootstrap = infra.kafka().bootstrapServers();
                TopicProbe.publish(bootstrap, Topics.TENANTS, Keys.tenant(TENANT), new TenantSettings(TENANT,
                        "Europe/Berlin", "EUR", "DE", Instant.parse("2025-12-01T00:00:00Z")), UUID.randomUUID());
                var db = infra.database("reporting");
                System.out.printf("reporting intake, %d conversions x %d models (%d sets)%n", conversions,
                        MODELS.size(), conversions * MODELS.size());
                phase("first versions", bootstrap, db, conversions, 1);
                phase("restatement", bootstrap, db, restated, 2);
            } finally {
                service.stop();
            }
        }
    }

    private static void phase(String name, String bootstrap, io.closeloop.infra.DatabaseCoordinates db,
                              int conversions, long version) throws Exception {
        long sets = (long) conversions * MODELS.size();
        SplittableRandom random = new SplittableRandom(20261203L + version);
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int c = 0; c < conversions; c++) {
                String id = "c-" + c;
                Instant at = START.plus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
                long value = 1_000 + random.nextLong(500_000);
                for (String model : MODELS) {
                    producer.send(record(set(id, model, version, at, value, random)));
                }
            }
            producer.flush();
        }
        long published = System.nanoTime();
        String stored = "select count(*) from credit_set where tenant = '" + TENANT + "' and set_version = " + version;
        while (db.queryLong(stored) < sets) {
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        System.out.printf("  %-15s %,d sets in %.1f s: %,.0f sets/s; last set stored %.1f s after it was published%n",
                name, sets, (done - began) / 1e9, sets / ((done - began) / 1e9), (done - published) / 1e9);
    }

    private static CreditSet set(String id, String model, long version, Instant at, long value,
                                 SplittableRandom random) {
        int touches = 1 + random.nextInt(4);
        List<CreditLine> lines = new ArrayList<>();
        long left = value;
        for (int t = 0; t < touches; t++) {
            long credit = t == touches - 1 ? left : value / touches;
            left -= credit;
            lines.add(new CreditLine(UUID.randomUUID(), at.minus(Duration.ofHours(1L + random.nextInt(24 * 30))),
                    CHANNELS[random.nextInt(CHANNELS.length)], "src", "med", "campaign-" + random.nextInt(60),
                    credit, 1.0 / touches, credit));
        }
        return new CreditSet(TENANT, id, "purchase", at, "UTC", UUID.randomUUID(), model, 1, version,
                CreditSet.Status.ACTIVE, "EUR", value, lines, null, null, true, "EUR", value, false);
    }

    private static ProducerRecord<String, String> record(CreditSet set) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CREDITS.name(),
                Keys.conversion(set.tenant(), set.conversionId()), Json.write(set));
        record.headers().add(Headers.EVENT_ID, bytes(UUID.randomUUID().toString()));
        record.headers().add(Headers.EVENT_TYPE, bytes(Topics.CREDITS.eventType()));
        record.headers().add(Headers.TENANT, bytes(TENANT));
        record.headers().add(Headers.SCHEMA_VERSION, bytes(Integer.toString(Topics.CREDITS.schemaVersion())));
        return record;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
