package io.closeloop.e2e;

import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.LauncherLogging;
import io.closeloop.infra.TokenClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform for end-to-end tests, started once per JVM: real Kafka, PostgreSQL and Keycloak, and
 * the four packaged services each in its own JVM.
 */
final class Platform4Services {

    static final String[] SERVICES = {"ingest", "identity", "attribution", "reporting"};

    private static Platform4Services running;

    final Infrastructure infra;
    final TokenClient tokens;
    final OtlpCollector traces;
    private final Map<String, String> baseUrls = new LinkedHashMap<>();

    private Platform4Services(Infrastructure infra, OtlpCollector traces) {
        this.infra = infra;
        this.tokens = TokenClient.of(infra.keycloak());
        this.traces = traces;
    }

    static synchronized Platform4Services get() throws IOException {
        if (running == null) {
            Path root = Path.of(System.getProperty("closeloop.repo.root", "..")).toAbsolutePath().normalize();
            Path dir = root.resolve("e2e-tests").resolve("target").resolve("platform");
            deleteTree(dir);
            LauncherLogging.toFile(dir.resolve("logs").resolve("infrastructure.log"));
            Infrastructure infra = Infrastructure.start(dir, true, false);
            OtlpCollector traces = OtlpCollector.start();
            Platform4Services platform = new Platform4Services(infra, traces);
            try {
                for (String service : SERVICES) {
                    int http = Infrastructure.freePort();
                    int management = Infrastructure.freePort();
                    infra.startService(service + "-service", root.resolve(service + "-service"), service, http,
                            management, tracing(traces));
                    platform.baseUrls.put(service, "http://127.0.0.1:" + http);
                }
            } catch (RuntimeException e) {
                infra.stop();
                traces.close();
                throw e;
            }
            running = platform;
        }
        return running;
    }

    /**
     * Traces exported over OTLP/HTTP to the collector, as a deployment configures them, but sampled only where the
     * caller started a sampled trace: the tests that follow one do, the load of the others stays untraced.
     */
    private static Map<String, String> tracing(OtlpCollector traces) {
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint() + "/v1/traces",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.traces.sampler", "parentbased_traceidratio",
                "quarkus.otel.traces.sampler.arg", "0",
                "quarkus.otel.bsp.schedule.delay", "1s");
    }

    /** Every run starts from empty topics and databases, so that a rerun asserts the same numbers. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    String url(String service) {
        return baseUrls.get(service);
    }

    String token(String user) {
        return tokens.passwordToken(user, "closeloop");
    }
}
