package io.closeloop.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.contracts.Json;
import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.LauncherLogging;
import io.closeloop.infra.SelfSignedTokens;
import io.closeloop.infra.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming: the packaged service, in its own JVM with a 64 MiB heap, takes a CSV upload four times larger than
 * that heap and stores every row. The body is generated while it is sent (chunked), so nothing holds it whole.
 * The outbox relay is off: this proof is about reading and storing, not about copying 320 MiB to the broker.
 */
class StreamingUploadIT {

    static final long BODY_BYTES = 256L * 1024 * 1024;
    static final String HEAP = "-Xmx64m";
    static final String TENANT = "streaming";
    private static final Path DIR = Path.of("target", "streaming-it").toAbsolutePath();

    private static Infrastructure infra;
    private static ServiceProcess service;
    private static SelfSignedTokens tokens;
    private static String baseUrl;
    private static String managementUrl;

    @BeforeAll
    static void start() throws Exception {
        deleteTree(DIR);
        LauncherLogging.toFile(DIR.resolve("logs").resolve("infrastructure.log"));
        infra = Infrastructure.start(DIR, false, false);
        tokens = new SelfSignedTokens();
        int http = Infrastructure.freePort();
        int management = Infrastructure.freePort();
        Map<String, String> config = new java.util.LinkedHashMap<>(infra.serviceConfig("ingest", http, management));
        config.put("quarkus.oidc.public-key", tokens.publicKey());
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("closeloop.outbox.relay.enabled", "false");
        config.put("closeloop.ingest.upload-directory", DIR.resolve("uploads").toString());
        service = new ServiceProcess("ingest-service", Path.of("").toAbsolutePath(), config, management,
                DIR.resolve("logs").resolve("ingest-service.log"), List.of(HEAP, "-XX:+UseSerialGC"));
        service.start();
        baseUrl = "http://127.0.0.1:" + http;
        managementUrl = "http://127.0.0.1:" + management;
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.stop();
        }
        if (infra != null) {
            infra.stop();
        }
        // The logs stay for a look after a failure; the data (hundreds of MiB) goes.
        for (String data : List.of("kafka", "postgres", "uploads")) {
            deleteTree(DIR.resolve(data));
        }
    }

    @Test
    void anUploadFourTimesTheServicesHeapIsStoredRowByRow() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long heap = maxHeapBytes(client);
        assertThat(heap).isLessThanOrEqualTo(64L * 1024 * 1024);
        assertThat(BODY_BYTES).isGreaterThan(4 * heap);
        String token = tokens.token(TENANT, "ingest");

        GeneratedCsv body = new GeneratedCsv(BODY_BYTES);
        long began = System.nanoTime();
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                                + "/api/v1/touchpoints/uploads"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(4))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();

        JsonNode done = awaitDone(client, job, token);
        long seconds = (System.nanoTime() - began) / 1_000_000_000;
        System.out.printf("streaming upload: %d MiB, %d rows, service heap %d MiB, %d s%n", body.bytes() >> 20,
                body.rows(), heap >> 20, seconds);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(body.rows());
        assertThat(done.get("accepted").asLong()).isEqualTo(body.rows());
        assertThat(done.get("rejected").asLong()).isZero();
        assertThat(done.get("bytesTotal").asLong()).isEqualTo(body.bytes());
        assertThat(infra.database("ingest").queryLong("select count(*) from raw_event where tenant = '" + TENANT + "'"))
                .isEqualTo(body.rows());
        assertThat(infra.database("ingest").queryLong("select count(*) from outbox_event where tenant = '" + TENANT
                + "'")).isEqualTo(body.rows());
        assertThat(service.isAlive()).isTrue();
    }

    private JsonNode awaitDone(HttpClient client, String job, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (true) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(job.startsWith("http")
                            ? job : baseUrl + job)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode state = Json.mapper().readTree(response.body());
            String name = state.path("state").asText();
            if (!"queued".equals(name) && !"running".equals(name) || System.nanoTime() > deadline) {
                return state;
            }
            Thread.sleep(500);
        }
    }

    /** The service's own view of its heap limit, from its metrics. */
    private static long maxHeapBytes(HttpClient client) throws Exception {
        String metrics = client.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher max = Pattern.compile("(?m)^jvm_memory_max_bytes\\{area=\"heap\",id=\"([^\"]+)\"[^}]*} (\\S+)$")
                .matcher(metrics);
        long total = 0;
        while (max.find()) {
            total += Math.max(0, (long) Double.parseDouble(max.group(2)));
        }
        assertThat(total).as("heap pools in /q/metrics").isPositive();
        return total;
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
