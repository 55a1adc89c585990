package io.closeloop.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver for the end-to-end platform: every service exports its spans here. It keeps only the
 * export requests that carry a trace a test watches (the services sample only traces a caller started as sampled,
 * so the load tests export next to nothing), and tells which services exported spans of a trace: a request is one
 * service's batch, and its resource names the service.
 */
final class OtlpCollector implements AutoCloseable {

    private static final String[] SERVICE_NAMES = {"ingest-service", "identity-service", "attribution-service",
            "reporting-service"};

    private final HttpServer server;
    private final Set<String> watched = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<byte[]> kept = new CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    static OtlpCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpCollector collector = new OtlpCollector(server);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            collector.offer(body);
            // An empty ExportTraceServiceResponse: every span accepted.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return collector;
    }

    /** The endpoint the services export to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Keeps from now on the export requests that carry this trace (32 hex digits). */
    void watch(String traceId) {
        watched.add(traceId);
    }

    /** The services that exported at least one span of the trace so far. */
    Set<String> servicesIn(String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        Set<String> services = new LinkedHashSet<>();
        for (byte[] body : kept) {
            if (indexOf(body, id) >= 0) {
                for (String name : SERVICE_NAMES) {
                    if (indexOf(body, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) >= 0) {
                        services.add(name);
                    }
                }
            }
        }
        return services;
    }

    private void offer(byte[] body) {
        List<String> ids = new ArrayList<>(watched);
        for (String id : ids) {
            if (indexOf(body, HexFormat.of().parseHex(id)) >= 0) {
                kept.add(body);
                return;
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
